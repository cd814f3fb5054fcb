// Owns find-in-document: the query, its matches in the open document (from main, with the
// same Swedish analysis as search), which match is current, and whether the bar is shown.
import type { DocumentMatch } from '../../../src-main/shared/search';
import { call } from '../../lib/api';

class FindState {
  open = $state(false);
  query = $state('');
  documentId = $state<string | null>(null);
  matches = $state.raw<readonly DocumentMatch[]>([]);
  /** Index of the current match; -1 for none. */
  current = $state(-1);
  /** Bumped when the input should take focus (Ctrl+F). */
  focusRequest = $state(0);
  #ticket = 0;

  /** Shows the bar with the field focused (Ctrl+F). */
  show(): void {
    this.open = true;
    this.focusRequest++;
  }

  close(): void {
    this.open = false;
    this.#ticket++;
    this.query = '';
    this.matches = [];
    this.current = -1;
  }

  /** Finds `query` in the document; the current match becomes the first at or after `paragraph`. */
  async find(documentId: string, query: string, paragraph: number | null = null): Promise<void> {
    this.documentId = documentId;
    this.query = query;
    const ticket = ++this.#ticket;
    if (query.trim() === '') {
      this.matches = [];
      this.current = -1;
      return;
    }
    const result = await call('findInDocument', { documentId, query });
    if (ticket !== this.#ticket) return;
    this.matches = result.ok ? result.value.matches : [];
    const at = paragraph === null ? 0 : this.matches.findIndex((m) => m.paragraph >= paragraph);
    this.current = this.matches.length === 0 ? -1 : Math.max(0, at);
  }

  step(direction: 1 | -1): void {
    const n = this.matches.length;
    if (n === 0) return;
    this.current = (this.current + direction + n) % n;
  }
}

export const find = new FindState();
