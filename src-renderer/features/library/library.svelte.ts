// Owns the list of documents in the library, loaded once from main, and the library's current
// filter, facets, sort and grouping (kept while the user reads, so going back finds the list
// as it was left).
import type { CollectionProblem, DocumentSummary } from '../../../src-main/shared/documents/model';
import type { LibraryFirstScreen } from '../../../src-main/shared/library';
import { call } from '../../lib/api';
import { repeatEvery } from '../../lib/repeat';
import { Catalogue, EMPTY_QUERY, type LibraryQuery, type LibraryView, type Row } from './catalogue';

/** Rows asked of main before the whole list: more than a 1080p screen holds. */
export const FIRST_SCREEN = 40;
/** How often main is asked whether the user's documents changed in another process. */
const WATCH_INTERVAL_MS = 1_500;

class LibraryState {
  documents = $state.raw<DocumentSummary[]>([]);
  /** True once the whole list has arrived (the filter, facets and sorting work from then on). */
  loaded = $state(false);
  /** Main's first screen, painted while the whole list is on its way. */
  first = $state.raw<LibraryFirstScreen | null>(null);
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
  readonly hasImported = $derived(
    this.loaded ? this.documents.some((d) => d.origin === 'imported') : (this.first?.mineCount ?? 0) > 0,
  );
  #byId = $derived(new Map(this.documents.map((d, i) => [d.id, i])));
  #revision = -1;
  #watching = false;

  /** Documents in the collection, known from the first screen before the whole list arrives. */
  readonly total = $derived(this.loaded ? this.documents.length : (this.first?.total ?? 0));
  /** The first screen as a view (unfiltered: what the user types waits in `query` for the list). */
  readonly firstView = $derived.by((): LibraryView | null => {
    const first = this.first;
    if (!first) return null;
    const rows: Row[] = first.documents.map((doc) => ({ kind: 'document', doc }));
    return { rows, count: first.total, facets: first.facets, mineCount: first.mineCount };
  });

  /** Resolves when the whole list has arrived; the first screen is shown before that. */
  async load(): Promise<void> {
    const revision = call('getLibraryRevision');
    const info = call('getCollectionInfo');
    if (!this.loaded) {
      // Asked alone and first, so main answers it before it serialises the whole list.
      performance.mark('lasaren:library-first-screen-asked');
      const first = await call('getLibraryFirstScreen', { limit: FIRST_SCREEN });
      performance.mark('lasaren:library-first-screen');
      if (first.ok && !this.loaded) this.first = first.value;
    }
    const result = await call('listDocuments');
    performance.mark('lasaren:library-loaded');
    if (result.ok) this.documents = result.value;
    else this.error = result.error.message;
    const problems = await info;
    if (problems.ok) this.problems = problems.value.problems;
    const seen = await revision;
    if (seen.ok) this.#revision = seen.value.revision;
    this.loaded = true;
    this.#watch();
  }

  /** Reloads the list when documents were added or removed elsewhere (the CLI beside the app). */
  #watch(): void {
    if (this.#watching) return;
    this.#watching = true;
    repeatEvery(WATCH_INTERVAL_MS, async () => {
      const result = await call('getLibraryRevision');
      if (result.ok && result.value.revision !== this.#revision) await this.load();
    });
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
