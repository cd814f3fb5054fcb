// Owns which language main's own UI (menus, start-up error dialog) speaks: the language in
// the user's settings once they are read, otherwise the system's preferred languages
// (the first of Swedish or English among them; Swedish when neither is there). Pure: no
// electron import.
import type { Language } from '../shared/preferences';

export function languageFromSystem(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (primary === 'sv') return 'sv';
    if (primary === 'en') return 'en';
  }
  return 'sv';
}
