// Owns the header search: the query as typed, the latest response, the highlighted option,
// and the requests: one in flight at a time, the newest query sent as soon as it returns
// (a light debounce that never delays the first keystroke), stale responses dropped; a
// query can be sent as typed ("Sök i stället efter …") when the engine corrected it.
import {
  groupByDocument,
  type SearchGroup,
  type SearchHit,
  type SearchResponse,
} from '../../../src-main/shared/search';
import { call } from '../../lib/api';

export const RESULT_LIMIT = 50;

/** The DOM id of the option for the hit at `index` (aria-activedescendant points at it). */
export function optionId(index: number): string {
  return `soktraff-${index}`;
}

class SearchState {
  query = $state('');
  response = $state.raw<SearchResponse | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** Index into `hits` of the option the arrow keys point at; -1 for none. */
  active = $state(-1);
  open = $state(false);
  readonly hits = $derived(this.response?.hits ?? []);
  readonly groups: SearchGroup[] = $derived(groupByDocument(this.hits));
  /** Hits in the order they are shown (grouped), so arrow keys walk the list as seen. */
  readonly ordered: SearchHit[] = $derived(this.groups.flatMap((g) => g.hits));
  /** The query the hits are for: the corrected one when the engine corrected the spelling. */
  readonly effectiveQuery = $derived(this.response?.correction?.query ?? this.query);
  #inFlight = false;
  #queued: string | null = null;
  /** The queued query is to be searched as typed, without spelling correction. */
  #verbatim = false;
  #sent = 0;

  /** Called on every input event. */
  input(query: string, verbatim = false): void {
    this.query = query;
    this.#verbatim = verbatim;
    this.open = true;
    if (query.trim() === '') {
      this.#sent++;
      this.#queued = null;
      this.response = null;
      this.error = null;
      this.pending = false;
      this.active = -1;
      return;
    }
    this.#queued = query;
    this.pending = true;
    if (!this.#inFlight) void this.#drain();
  }

  async #drain(): Promise<void> {
    while (this.#queued !== null) {
      const query = this.#queued;
      const verbatim = this.#verbatim;
      this.#queued = null;
      const ticket = ++this.#sent;
      this.#inFlight = true;
      const result = await call('search', { query, limit: RESULT_LIMIT, ...(verbatim ? { verbatim } : {}) });
      this.#inFlight = false;
      // Dropped: a newer query is queued, or the field was cleared meanwhile.
      if (ticket !== this.#sent || this.#queued !== null) continue;
      this.pending = false;
      if (result.ok) {
        this.response = result.value;
        this.error = null;
      } else {
        this.response = null;
        this.error = result.error.message;
      }
      this.active = this.hits.length > 0 ? 0 : -1;
    }
  }

  move(step: number): void {
    const n = this.ordered.length;
    if (n === 0) return;
    this.active = this.active < 0 ? (step > 0 ? 0 : n - 1) : (this.active + step + n) % n;
  }

  clear(): void {
    this.input('');
  }
}

export const search = new SearchState();
