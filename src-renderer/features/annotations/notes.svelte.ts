// Owns the notes panel's data: every annotation with its document's title and where it
// anchors in the document's current text (or that it is orphaned), plus the filters and the
// sort order. Documents' texts are fetched once each, only for documents that have notes.
import type { Annotation, HighlightColour } from '../../../src-main/shared/annotation';
import { anchor, type Anchoring } from '../../../src-main/shared/anchoring';
import { matchesFilter, type NotesFilter } from '../../../src-main/shared/notes-filter';
import { call } from '../../lib/api';
import { library } from '../library/library.svelte';
import { annotations } from './annotations.svelte';

export interface NoteRow {
  readonly annotation: Annotation;
  readonly title: string | null;
  readonly documentOrder: number;
  /** undefined while the document's text is loading. */
  readonly anchoring: Anchoring | undefined;
}

export type SortOrder = 'document' | 'newest' | 'oldest';

class NotesState {
  #sources = $state.raw<Record<string, string | null>>({});
  #requested = new Set<string>();
  document = $state('');
  tag = $state('');
  colour = $state<HighlightColour | 'none' | ''>('');
  text = $state('');
  sort = $state<SortOrder>('document');

  /** Fetches the texts of documents that have annotations (once each). */
  ensureSources(): void {
    for (const id of new Set(annotations.all.map((a) => a.documentId))) {
      if (this.#requested.has(id)) continue;
      this.#requested.add(id);
      void call('getDocument', { id }).then((r) => {
        this.#sources = { ...this.#sources, [id]: r.ok ? r.value.text : null };
      });
    }
  }

  readonly rows: NoteRow[] = $derived.by(() => {
    const sources = this.#sources;
    return annotations.all.map((a) => {
      const order = library.indexOf(a.documentId);
      const source = sources[a.documentId];
      return {
        annotation: a,
        title: library.documents[order]?.title ?? null,
        documentOrder: order < 0 ? Number.MAX_SAFE_INTEGER : order,
        anchoring:
          source === undefined ? undefined : source === null ? { status: 'orphaned' } : anchor(source, a),
      };
    });
  });

  /** The panel's filter in the shared form the export's "current filter" scope applies too. */
  readonly filter: NotesFilter = $derived({
    documentId: this.document || null,
    tag: this.tag || null,
    colour: this.colour || null,
    text: this.text.trim() || null,
  });

  readonly shown: NoteRow[] = $derived.by(() => {
    const filter = this.filter;
    const out = this.rows.filter(({ annotation }) => matchesFilter(annotation, filter));
    const position = (r: NoteRow) =>
      r.anchoring?.status === 'anchored' ? r.anchoring.start : r.annotation.position.start;
    if (this.sort === 'document')
      out.sort((a, b) => a.documentOrder - b.documentOrder || position(a) - position(b));
    else {
      const sign = this.sort === 'newest' ? -1 : 1;
      out.sort((a, b) => sign * a.annotation.modified.localeCompare(b.annotation.modified));
    }
    return out;
  });
}

export const notes = new NotesState();
