// Owns the renderer's view of the user's annotations without ever holding all of them: the
// counts and tags (getNotesSummary), the annotations of the documents being read (fetched per
// document), the recovery message, creating, editing and deleting through main, and making
// each change undoable (with an "Ångra" notice, Ctrl+Z and redo). Main's store is the truth;
// after each change here, or when main reports that another process (the CLI, a second window)
// saved, the counts and the open documents' annotations are read again and `version` moves,
// so the notes panel asks for its page again.
import type { Annotation, AnnotationBody } from '../../../src-main/shared/annotation';
import type { ReaderDocument } from '../../../src-main/shared/documents/model';
import type { NotesSummary } from '../../../src-main/shared/notes-query';
import {
  paragraphAt,
  positionSelector,
  quoteSelector,
  type SourceRange,
} from '../../../src-main/shared/anchoring';
import { call } from '../../lib/api';
import { repeatEvery } from '../../lib/repeat';
import { t, type MessageKey } from '../../lib/i18n';
import type { Bilingual } from '../../../src-main/shared/result';
import { notices } from '../../lib/notices.svelte';
import { ChangeHistory, type Change } from './history.svelte';
import { router } from '../../lib/router.svelte';

/** A mutable copy, as the IPC input type wants (zod's input types are not readonly). */
function plain(a: Annotation) {
  return { ...a, tags: [...a.tags], history: a.history.map((h) => ({ ...h, tags: [...h.tags] })) };
}

/** How often to ask main whether another process saved notes (one cheap call, no list). */
const WATCH_INTERVAL_MS = 1_000;
/** Documents whose annotations are kept (the one open and a few just left). */
const KEPT_DOCUMENTS = 6;

const EMPTY: NotesSummary = {
  total: 0,
  byDocument: {},
  byColour: { yellow: 0, green: 0, blue: 0, pink: 0, purple: 0, none: 0 },
  tags: [],
  problem: null,
};

class AnnotationsState {
  summary = $state.raw<NotesSummary>(EMPTY);
  loaded = $state(false);
  /** The store's recovery message, shown until the user closes it. */
  problem = $state.raw<Bilingual | null>(null);
  /** An annotation to open in the reader once its document is shown (a jump from the panel). */
  focusRequest = $state<string | null>(null);
  /** Moves whenever the notes changed, here or elsewhere: the notes panel lists again. */
  version = $state(0);
  readonly history = new ChangeHistory();
  /** Annotations of the documents read lately, by document id, in text order. */
  #documents = $state.raw<ReadonlyMap<string, readonly Annotation[]>>(new Map());
  #fetching = new Set<string>();

  readonly tags = $derived(this.summary.tags);
  readonly total = $derived(this.summary.total);

  /** Main's count of changes from other processes, as of the last load. */
  #revision: number | null = null;
  /** The store's problem as of the last load (shown again only when it changed). */
  #problemSeen: string | null = null;
  #watching = false;
  /** Bumped when a change of this window starts and when it ends (see load). */
  #changes = 0;

  async #changing<T>(run: () => Promise<T>): Promise<T> {
    this.#changes++;
    try {
      return await run();
    } finally {
      this.#changes++;
    }
  }

  /** Reads the counts (and the open documents' annotations) again; at start, only the counts. */
  async load(): Promise<void> {
    let result;
    // A change of this window that overlapped the read may be missing from it: read again.
    for (let tries = 0; ; tries++) {
      const changes = this.#changes;
      // The revision first: a change landing between the two calls is then read again later.
      const revision = await call('getAnnotationsRevision');
      if (revision.ok) this.#revision = revision.value.revision;
      result = await call('getNotesSummary');
      if (changes === this.#changes || tries === 3) break;
    }
    if (!result.ok) {
      notices.error(result.error.message);
      return;
    }
    this.summary = result.value;
    // The recovery message is shown once per start; a refresh must not bring it back. A new
    // one (a large database found damaged after start, its backup restored) is shown then.
    const problem = result.value.problem;
    if (!this.loaded || (problem !== null && problem.sv !== this.#problemSeen)) this.problem = problem;
    this.#problemSeen = problem?.sv ?? null;
    if (this.loaded) await Promise.all([...this.#documents.keys()].map((id) => this.#fetchDocument(id)));
    this.loaded = true;
    this.version++;
    this.#watch();
  }

  #watch(): void {
    if (this.#watching) return;
    this.#watching = true;
    repeatEvery(WATCH_INTERVAL_MS, async () => {
      const result = await call('getAnnotationsRevision');
      if (result.ok && result.value.revision !== this.#revision) await this.load();
    });
  }

  /** Shows the annotation's passage and opens it there (from the notes panel or a deep link). */
  reveal(annotation: Annotation, options: { replace?: boolean } = {}): void {
    this.focusRequest = annotation.id;
    const { documentId, paragraph } = annotation;
    router.go({ view: 'reader', documentId, paragraph }, options);
  }

  /** One annotation by id, from main (a deep link); null when it no longer exists. */
  async fetch(id: string): Promise<Annotation | null> {
    const result = await call('getAnnotation', { id });
    return result.ok ? result.value : null;
  }

  /**
   * The document's annotations, in text order: [] until they arrive (asked for on first use).
   * Reading this in an effect re-runs it when they do.
   */
  forDocument(documentId: string): readonly Annotation[] {
    const known = this.#documents.get(documentId);
    if (!known && !this.#fetching.has(documentId)) void this.#fetchDocument(documentId);
    return known ?? [];
  }

  async #fetchDocument(documentId: string): Promise<void> {
    this.#fetching.add(documentId);
    const changes = this.#changes;
    const result = await call('listDocumentAnnotations', { documentId });
    this.#fetching.delete(documentId);
    if (!result.ok) return void notices.error(result.error.message);
    // A change of this window made meanwhile is in the cache already and maybe not in this answer.
    if (changes !== this.#changes) return void this.#fetchDocument(documentId);
    this.#setDocument(documentId, result.value);
  }

  #setDocument(documentId: string, list: readonly Annotation[]): void {
    // Replaced whole ($state.raw); the most recently read document last, the oldest dropped.
    const others = [...this.#documents].filter(([id]) => id !== documentId);
    this.#documents = new Map([...others, [documentId, list] as const].slice(-KEPT_DOCUMENTS));
  }

  /** The annotation as this window last saw it, else as main has it now. */
  async #current(id: string): Promise<Annotation | null> {
    for (const list of this.#documents.values()) {
      const found = list.find((a) => a.id === id);
      if (found) return found;
    }
    return this.fetch(id);
  }

  /** After a change of this window: the cached document, then the counts and the panel. */
  #put(annotation: Annotation): void {
    const list = this.#documents.get(annotation.documentId);
    if (list) {
      const others = list.filter((a) => a.id !== annotation.id);
      const next = [...others, annotation].sort((x, y) => x.position.start - y.position.start);
      this.#setDocument(annotation.documentId, next);
    }
    this.#refreshCounts();
  }

  #drop(annotation: Annotation): void {
    const list = this.#documents.get(annotation.documentId);
    if (list)
      this.#setDocument(
        annotation.documentId,
        list.filter((a) => a.id !== annotation.id),
      );
    this.#refreshCounts();
  }

  #refreshCounts(): void {
    this.version++;
    void call('getNotesSummary').then((result) => {
      if (result.ok) this.summary = result.value;
    });
  }

  async #restore(annotation: Annotation): Promise<boolean> {
    const result = await this.#changing(() =>
      call('restoreAnnotations', { annotations: [plain(annotation)] }),
    );
    if (!result.ok) return this.#failed(result.error.message);
    this.#put(annotation);
    return true;
  }

  async #delete(annotation: Annotation): Promise<boolean> {
    const result = await this.#changing(() => call('deleteAnnotation', { id: annotation.id }));
    if (!result.ok && result.error.code !== 'not-found') return this.#failed(result.error.message);
    this.#drop(annotation);
    return true;
  }

  #failed(message: string): false {
    notices.error(message);
    return false;
  }

  #lastNotice = 0;

  #done(change: Change): void {
    this.history.record(change);
    // Only the latest change's notice offers "Ångra", and it undoes exactly that change.
    notices.dismiss(this.#lastNotice);
    this.#lastNotice = notices.show(change.label, {
      action: {
        label: t('annotations.undo'),
        run: () => {
          if (this.history.latest === change) void this.undo();
        },
      },
    });
  }

  async create(doc: ReaderDocument, range: SourceRange, body: AnnotationBody): Promise<Annotation | null> {
    const result = await this.#changing(() =>
      call('createAnnotation', {
        documentId: doc.meta.id,
        paragraph: paragraphAt(doc.blocks, range.start),
        quote: quoteSelector(doc.text, range),
        position: positionSelector(range),
        colour: body.colour,
        note: body.note,
        tags: [...body.tags],
      }),
    );
    if (!result.ok) return this.#failed(result.error.message) || null;
    const created = result.value;
    this.#put(created);
    this.#done({
      label: t(body.colour ? 'annotations.created' : 'annotations.noteCreated'),
      undo: () => this.#delete(created),
      redo: () => this.#restore(created),
    });
    return created;
  }

  async update(id: string, patch: Partial<AnnotationBody>): Promise<Annotation | null> {
    const before = await this.#current(id);
    if (!before) return null;
    const result = await this.#changing(() =>
      call('updateAnnotation', {
        id,
        patch: { ...patch, tags: patch.tags && [...patch.tags] },
      }),
    );
    if (!result.ok) return this.#failed(result.error.message) || null;
    const after = result.value;
    this.#put(after);
    this.#done({
      label: t('annotations.updated'),
      undo: () => this.#restore(before),
      redo: () => this.#restore(after),
    });
    return after;
  }

  /** Accepts that the annotated passage changed: the annotation takes the current wording. */
  async acceptChange(id: string): Promise<Annotation | null> {
    const before = await this.#current(id);
    if (!before) return null;
    const result = await call('acceptAnnotationChange', { id });
    if (!result.ok) return this.#failed(result.error.message) || null;
    const after = result.value;
    this.#put(after);
    this.#done({
      label: t('changes.accepted'),
      undo: () => this.#restore(before),
      redo: () => this.#restore(after),
    });
    return after;
  }

  async remove(id: string): Promise<boolean> {
    const before = await this.#current(id);
    if (!before || !(await this.#delete(before))) return false;
    this.#done({
      label: t('annotations.deleted'),
      undo: () => this.#restore(before),
      redo: () => this.#delete(before),
    });
    return true;
  }

  async undo(): Promise<void> {
    notices.dismiss(this.#lastNotice);
    const change = await this.history.undo();
    this.#announce(change, 'annotations.undone');
  }

  async redo(): Promise<void> {
    const change = await this.history.redo();
    this.#announce(change, 'annotations.redone');
  }

  #announce(change: Change | null, key: MessageKey): void {
    if (change) notices.show(t(key, { what: change.label.toLocaleLowerCase('sv') }));
  }
}

export const annotations = new AnnotationsState();
