// Owns the open document: loading it from main (with a small cache so switching back and
// forth is instant) and remembering it as the last-read document.
import type { ReaderDocument } from '../../../src-main/shared/documents/model';
import { call } from '../../lib/api';
import { saveSettings } from '../../lib/settings-client';

class ReaderState {
  document = $state.raw<ReaderDocument | null>(null);
  error = $state<string | null>(null);
  loading = $state(false);
  #cache = new Map<string, ReaderDocument>();
  #ticket = 0;

  async open(id: string): Promise<void> {
    const ticket = ++this.#ticket;
    const cached = this.#cache.get(id);
    if (cached) {
      this.document = cached;
      this.error = null;
    } else {
      this.loading = true;
      const result = await call('getDocument', { id });
      if (ticket !== this.#ticket) return; // a newer open() won
      this.loading = false;
      if (!result.ok) {
        this.document = null;
        this.error = result.error.message;
        return;
      }
      this.#cache.set(id, result.value);
      this.document = result.value;
      this.error = null;
    }
    // The paragraph is reported again by the reading-position tracker once the page settles.
    void saveSettings({ lastDocumentId: id, lastParagraph: null });
  }

  rememberParagraph(paragraph: number): void {
    void saveSettings({ lastParagraph: paragraph });
  }
}

export const reader = new ReaderState();
