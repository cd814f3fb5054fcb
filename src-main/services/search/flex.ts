// Owns the one flexsearch configuration (a Document index on the Swedish encoder, compound
// tails and prefixes through tokenize 'reverse'), behind a narrow typed surface. Export and
// import need the same configuration, so everything that builds or loads an index uses this.
import { Document, Encoder } from 'flexsearch';
import { encoderOptions } from './analyzer';

export type FieldResults = ReadonlyArray<{ readonly field?: string; readonly result: readonly number[] }>;

/** What the search code needs from a flexsearch Document index. */
export interface FlexDocument {
  add(doc: Record<string, string | number>): void;
  remove(id: number): void;
  search(query: string, options: { limit: number; index?: string[] }): FieldResults;
  export(handler: (key: string, data: string) => void): void;
  import(key: string, data: string): void;
}

export function createFlexDocument(fields: readonly string[]): FlexDocument {
  const encoder = new Encoder(encoderOptions);
  const doc = new Document({
    document: {
      id: 'id',
      index: fields.map((field) => ({ field, tokenize: 'reverse' as const, encoder })),
    },
    cache: false,
  });
  return doc as unknown as FlexDocument;
}

/** The export as key/data pairs; it runs synchronously when the handler does. */
export function exportFlex(index: FlexDocument): Array<[string, string]> {
  const entries: Array<[string, string]> = [];
  index.export((key, data) => void entries.push([key, data]));
  return entries;
}

/** Imports key by key, yielding to the event loop between chunks so large indexes never block it. */
export async function importFlex(
  index: FlexDocument,
  entries: ReadonlyArray<readonly [string, string]>,
): Promise<void> {
  for (const [key, data] of entries) {
    index.import(key, data);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
