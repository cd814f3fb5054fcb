// Owns looking up UI strings and filling in their {placeholders}.
import { sv, type Catalog, type MessageKey } from './sv';

const catalog: Catalog = sv;

export type { MessageKey };

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalog[key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}
