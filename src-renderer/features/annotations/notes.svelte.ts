// Owns the notes panel's data: the filters and the sort order, and the notes under them read
// from main a page at a time (filtered and sorted there, in SQL), so a store of 100,000 notes
// never crosses to the renderer whole. Each loaded note comes with its document's title and
// where it anchors in the document's current text (exact, moved, changed or orphaned); the
// texts are fetched once each, only for documents whose notes were loaded.
import type { Annotation, HighlightColour } from '../../../src-main/shared/annotation';
import { anchorStatus, type AnchorStatus } from '../../../src-main/shared/anchoring';
import type { NotesFilter } from '../../../src-main/shared/notes-filter';
import type { NotesSort } from '../../../src-main/shared/notes-query';
import { call } from '../../lib/api';
import { notices } from '../../lib/notices.svelte';
import { displayLabel } from '../library/display-title';
import { library } from '../library/library.svelte';

export interface NoteRow {
  readonly annotation: Annotation;
  /** The document as named everywhere: designation and title (shared/documents/citation.ts). */
  readonly title: string | null;
  /** Where it anchors now and whether its passage changed; undefined while the text loads. */
  readonly status: AnchorStatus | undefined;
}

export type SortOrder = NotesSort;

/** Notes asked for at once: a screenful or two of cards. */
export const PAGE = 50;

class NotesState {
  #sources = $state.raw<Record<string, string | null>>({});
  #requested = new Set<string>();
  document = $state('');
  tag = $state('');
  colour = $state<HighlightColour | 'none' | ''>('');
  text = $state('');
  sort = $state<SortOrder>('document');
  /** How many notes pass the filter (main's count); -1 until the first page arrives. */
  total = $state(-1);
  /** Loaded notes by position in the sorted list (pages arrive as they are scrolled to). */
  #loaded = $state.raw<ReadonlyMap<number, Annotation>>(new Map());
  /** Pages asked for under the current filter (by first index), so none is asked twice. */
  #pending = new Set<number>();
  /** Moves with every new filter, sort or change of the notes: late answers are dropped. */
  #generation = 0;
  /** Moves when a new first page is in: the list asks again for the rows in view. */
  listed = $state(0);

  /** The panel's filter in the shared form the export's "current filter" scope applies too. */
  readonly filter: NotesFilter = $derived({
    documentId: this.document || null,
    tag: this.tag || null,
    colour: this.colour || null,
    text: this.text.trim() || null,
  });

  /**
   * Lists again from the top (a new filter or sort, or the notes changed): the pages already
   * in view are asked for again, the rest when scrolled to.
   */
  async reload(keep: readonly number[] = []): Promise<void> {
    const generation = ++this.#generation;
    this.#pending.clear();
    const pages = new Set([0, ...keep.map((i) => i - (i % PAGE))]);
    const answers = await Promise.all([...pages].map((start) => this.#fetch(start, generation)));
    if (generation !== this.#generation) return;
    const entries = answers.flatMap((answer) =>
      answer ? answer.annotations.map((a, i) => [answer.offset + i, a] as const) : [],
    );
    const last = answers.findLast((answer) => answer !== null);
    if (last) this.total = last.total;
    this.#loaded = new Map(entries);
    this.listed++;
    this.#ensureSources(entries.map(([, a]) => a));
  }

  async #fetch(offset: number, generation: number) {
    this.#pending.add(offset);
    const result = await call('listNotesPage', {
      filter: { ...this.filter },
      sort: this.sort,
      offset,
      limit: PAGE,
    });
    if (generation !== this.#generation) return null;
    if (!result.ok) {
      notices.error(result.error.message);
      return null;
    }
    return result.value;
  }

  /** Asks for the page holding position `index` if it is not loaded (the list scrolled there). */
  need(index: number): void {
    const start = index - (index % PAGE);
    if (this.#loaded.has(start) || this.#pending.has(start) || index >= this.total) return;
    const generation = this.#generation;
    void this.#fetch(start, generation).then((answer) => {
      if (!answer || generation !== this.#generation) return;
      const added = answer.annotations.map((a, i) => [answer.offset + i, a] as const);
      this.#loaded = new Map([...this.#loaded, ...added]);
      this.#ensureSources(answer.annotations);
    });
  }

  /** The row at position `index`, or undefined while its page loads. */
  row(index: number): NoteRow | undefined {
    const a = this.#loaded.get(index);
    if (!a) return undefined;
    const order = library.indexOf(a.documentId);
    const source = this.#sources[a.documentId];
    return {
      annotation: a,
      title: order < 0 ? null : displayLabel(library.documents[order]!),
      status: source === undefined ? undefined : anchorStatus(source, a),
    };
  }

  /** Fetches the texts of these notes' documents (once each). */
  #ensureSources(list: Iterable<Annotation>): void {
    for (const { documentId: id } of list) {
      if (this.#requested.has(id)) continue;
      this.#requested.add(id);
      void call('getDocument', { id }).then((r) => {
        this.#sources = { ...this.#sources, [id]: r.ok ? r.value.text : null };
      });
    }
  }

  /** The texts may have changed (a new version of a document): fetch them again when needed. */
  forgetSources(): void {
    this.#requested.clear();
    this.#sources = {};
  }
}

export const notes = new NotesState();
