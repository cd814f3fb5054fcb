// Owns the list of documents in the library, loaded once from main, and the library's current
// filter, facets, sort and grouping (kept while the user reads, so going back finds the list
// as it was left).
import type { CollectionProblem, DocumentSummary } from '../../../src-main/shared/documents/model';
import { call } from '../../lib/api';
import { Catalogue, EMPTY_QUERY, type LibraryQuery } from './catalogue';

class LibraryState {
  documents = $state.raw<DocumentSummary[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  query = $state.raw<LibraryQuery>(EMPTY_QUERY);
  /** What was wrong in the collection's files (shown, never silently dropped). */
  problems = $state.raw<readonly CollectionProblem[]>([]);
  /** False until the first screen of the list has been painted: until then the library shows
   *  only its first rows (the full view, with facet counts, follows in the next task). */
  warm = $state(false);
  /** Where the list was scrolled to, restored when the library is shown again. */
  scrollTop = 0;
  readonly catalogue = $derived(new Catalogue(this.documents));
  /** True when the user has added documents of their own ("Mina dokument" in the one list). */
  readonly hasImported = $derived(this.documents.some((d) => d.origin === 'imported'));
  #byId = $derived(new Map(this.documents.map((d, i) => [d.id, i])));

  async load(): Promise<void> {
    const [result, info] = await Promise.all([call('listDocuments'), call('getCollectionInfo')]);
    performance.mark('lasaren:library-loaded');
    if (result.ok) this.documents = result.value;
    else this.error = result.error.message;
    if (info.ok) this.problems = info.value.problems;
    this.loaded = true;
  }

  set(change: Partial<LibraryQuery>): void {
    this.query = { ...this.query, ...change };
  }

  indexOf(id: string): number {
    return this.#byId.get(id) ?? -1;
  }

  get(id: string): DocumentSummary | null {
    const i = this.indexOf(id);
    return i < 0 ? null : this.documents[i]!;
  }

  /** The neighbour `step` places away, or null at either end of the list. */
  neighbour(id: string, step: 1 | -1): DocumentSummary | null {
    const index = this.indexOf(id);
    return index < 0 ? null : (this.documents[index + step] ?? null);
  }
}

export const library = new LibraryState();
