// Owns the list of documents in the library, loaded once from main.
import type { DocumentSummary } from '../../../src-main/shared/documents/model';
import { call } from '../../lib/api';

class LibraryState {
  documents = $state.raw<DocumentSummary[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);

  async load(): Promise<void> {
    const result = await call('listDocuments');
    if (result.ok) this.documents = result.value;
    else this.error = result.error.message;
    this.loaded = true;
  }

  indexOf(id: string): number {
    return this.documents.findIndex((d) => d.id === id);
  }

  /** The neighbour `step` places away, or null at either end of the list. */
  neighbour(id: string, step: 1 | -1): DocumentSummary | null {
    const index = this.indexOf(id);
    return index < 0 ? null : (this.documents[index + step] ?? null);
  }
}

export const library = new LibraryState();
