// Owns the library's first request: the first screen of rows in date order, the list's size
// and every facet's counts, computed in main from the list it already holds, so the renderer
// can paint before the whole list (tens of MB at 36,000 documents) has been sent and parsed.
// Cached per list: the collection replaces its list whole when it changes.
import type { DocumentSummary } from '../../shared/documents/model';
import { dateOrder, listDate, sortFacet, yearOf, type LibraryFirstScreen } from '../../shared/library';

interface Prepared {
  readonly order: Int32Array;
  readonly facets: LibraryFirstScreen['facets'];
  readonly mineCount: number;
}

const cache = new WeakMap<readonly DocumentSummary[], Prepared>();

function prepare(docs: readonly DocumentSummary[]): Prepared {
  const type = new Map<string, number>();
  const year = new Map<string, number>();
  const publisher = new Map<string, number>();
  const bump = (m: Map<string, number>, v: string | null) => v !== null && m.set(v, (m.get(v) ?? 0) + 1);
  let mineCount = 0;
  for (const d of docs) {
    bump(type, d.type);
    bump(year, yearOf(d.published));
    bump(publisher, d.publisher);
    if (d.origin === 'imported') mineCount++;
  }
  return {
    order: dateOrder(docs.map(listDate)),
    facets: {
      type: sortFacet(type, false),
      year: sortFacet(year, true),
      publisher: sortFacet(publisher, false),
    },
    mineCount,
  };
}

/** The first `limit` documents in date order, with the whole list's size and facet counts. */
export function firstScreen(docs: readonly DocumentSummary[], limit: number): LibraryFirstScreen {
  let prepared = cache.get(docs);
  if (!prepared) cache.set(docs, (prepared = prepare(docs)));
  const n = Math.min(limit, docs.length);
  const documents: DocumentSummary[] = [];
  for (let k = 0; k < n; k++) documents.push(docs[prepared.order[k]!]!);
  return { documents, total: docs.length, facets: prepared.facets, mineCount: prepared.mineCount };
}
