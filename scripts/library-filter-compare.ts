// Owns the comparison that bench:library and the collection speed spec both print: the
// library's filter as the app runs it (the prepared catalogue) against the naive filter
// (every field lowercased on every keystroke), over each prefix of the typed queries, in Node.
import type { DocumentSummary } from '../src-main/shared/documents/model';
import { Catalogue, EMPTY_QUERY } from '../src-renderer/features/library/catalogue';

/** Milliseconds per keystroke for both filters; `prepare` builds the catalogue's orders first. */
export function compareFilters(
  docs: readonly DocumentSummary[],
  queries: readonly string[],
  prepare: boolean,
): { naive: number[]; prepared: number[] } {
  const naive: number[] = [];
  const prepared: number[] = [];
  const catalogue = new Catalogue(docs);
  if (prepare) catalogue.prepare();
  for (const query of queries) {
    for (let n = 1; n <= query.length; n++) {
      const text = query.slice(0, n);
      let t0 = performance.now();
      const terms = text.toLowerCase().split(/\s+/).filter(Boolean);
      docs.filter((d) =>
        terms.every((t) =>
          [d.title, d.designation ?? '', d.summary ?? ''].some((f) => f.toLowerCase().includes(t)),
        ),
      );
      naive.push(performance.now() - t0);
      t0 = performance.now();
      catalogue.view({ ...EMPTY_QUERY, text });
      prepared.push(performance.now() - t0);
    }
  }
  return { naive, prepared };
}
