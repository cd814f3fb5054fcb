// Owns the renderer's copy of the user's annotations: loading them, the recovery message,
// creating, editing and deleting them through main, and making each change undoable (with an
// "Ångra" notice, Ctrl+Z and redo). Main's store is the truth; this mirrors it after each save,
// and lists again when main reports that another process (the CLI, a second window) saved.
import type { Annotation, AnnotationBody } from '../../../src-main/shared/annotation';
import type { ReaderDocument } from '../../../src-main/shared/documents/model';
import {
  paragraphAt,
  positionSelector,
  quoteSelector,
  type SourceRange,
} from '../../../src-main/shared/anchoring';
import { call } from '../../lib/api';
import { t, type MessageKey } from '../../lib/i18n';
import { notices } from '../../lib/notices.svelte';
import { ChangeHistory, type Change } from './history.svelte';
import { router } from '../../lib/router.svelte';

/** A mutable copy, as the IPC input type wants (zod's input types are not readonly). */
function plain(a: Annotation) {
  return { ...a, tags: [...a.tags], history: a.history.map((h) => ({ ...h, tags: [...h.tags] })) };
}

/** How often to ask main whether another process saved notes (one cheap call, no list). */
const WATCH_INTERVAL_MS = 1_000;

class AnnotationsState {
  all = $state.raw<readonly Annotation[]>([]);
  loaded = $state(false);
  /** The store's recovery message, shown until the user closes it. */
  problem = $state<string | null>(null);
  /** An annotation to open in the reader once its document is shown (a jump from the panel). */
  focusRequest = $state<string | null>(null);
  readonly history = new ChangeHistory();

  readonly tags = $derived(
    [...new Set(this.all.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b, 'sv')),
  );

  /** Main's count of changes from other processes, as of the last list. */
  #revision: number | null = null;
  #watching = false;

  async load(): Promise<void> {
    // The revision first: a change landing between the two calls is then listed again later.
    const revision = await call('getAnnotationsRevision');
    if (revision.ok) this.#revision = revision.value.revision;
    const result = await call('listAnnotations');
    if (!result.ok) {
      notices.error(result.error.message);
      return;
    }
    this.all = result.value.annotations;
    // The recovery message is shown once per start; a refresh must not bring it back.
    if (!this.loaded) this.problem = result.value.problem;
    this.loaded = true;
    this.#watch();
  }

  #watch(): void {
    if (this.#watching) return;
    this.#watching = true;
    const tick = async () => {
      const result = await call('getAnnotationsRevision');
      if (result.ok && result.value.revision !== this.#revision) await this.load();
      setTimeout(() => void tick(), WATCH_INTERVAL_MS);
    };
    setTimeout(() => void tick(), WATCH_INTERVAL_MS);
  }

  /** Shows the annotation's passage and opens it there (from the notes panel or a deep link). */
  reveal(annotation: Annotation, options: { replace?: boolean } = {}): void {
    this.focusRequest = annotation.id;
    const { documentId, paragraph } = annotation;
    router.go({ view: 'reader', documentId, paragraph }, options);
  }

  forDocument(documentId: string): Annotation[] {
    return this.all.filter((a) => a.documentId === documentId);
  }

  #put(annotation: Annotation): void {
    const exists = this.all.some((a) => a.id === annotation.id);
    this.all = exists
      ? this.all.map((a) => (a.id === annotation.id ? annotation : a))
      : [...this.all, annotation];
  }

  #drop(id: string): void {
    this.all = this.all.filter((a) => a.id !== id);
  }

  async #restore(annotation: Annotation): Promise<boolean> {
    const result = await call('restoreAnnotations', { annotations: [plain(annotation)] });
    if (!result.ok) return this.#failed(result.error.message);
    this.#put(annotation);
    return true;
  }

  async #delete(id: string): Promise<boolean> {
    const result = await call('deleteAnnotation', { id });
    if (!result.ok && result.error.code !== 'not-found') return this.#failed(result.error.message);
    this.#drop(id);
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
    const result = await call('createAnnotation', {
      documentId: doc.meta.id,
      paragraph: paragraphAt(doc.blocks, range.start),
      quote: quoteSelector(doc.text, range),
      position: positionSelector(range),
      colour: body.colour,
      note: body.note,
      tags: [...body.tags],
    });
    if (!result.ok) return this.#failed(result.error.message) || null;
    const created = result.value;
    this.#put(created);
    this.#done({
      label: t(body.colour ? 'annotations.created' : 'annotations.noteCreated'),
      undo: () => this.#delete(created.id),
      redo: () => this.#restore(created),
    });
    return created;
  }

  async update(id: string, patch: Partial<AnnotationBody>): Promise<Annotation | null> {
    const before = this.all.find((a) => a.id === id);
    if (!before) return null;
    const result = await call('updateAnnotation', {
      id,
      patch: { ...patch, tags: patch.tags && [...patch.tags] },
    });
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

  async remove(id: string): Promise<boolean> {
    const before = this.all.find((a) => a.id === id);
    if (!before || !(await this.#delete(id))) return false;
    this.#done({
      label: t('annotations.deleted'),
      undo: () => this.#restore(before),
      redo: () => this.#delete(id),
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
