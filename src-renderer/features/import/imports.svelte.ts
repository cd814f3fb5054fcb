// Owns adding the user's own files from the renderer: the file picker (button, Ctrl+O) and
// drops on the window feed one queue; each file is read in the page, sent to main, and its
// progress polled; at the end one summary says what was added and why anything was not.
// Also owns editing an imported document's metadata and removing it.
import type { ImportFileOutcome, ImportProgress } from '../../../src-main/shared/documents/imports';
import { MAX_IMPORT_FILE_BYTES } from '../../../src-main/shared/documents/imports';
import type { DocumentSummary } from '../../../src-main/shared/documents/model';
import { call } from '../../lib/api';
import { t } from '../../lib/i18n';
import { locale } from '../../lib/i18n/locale.svelte';
import { library } from '../library/library.svelte';

const POLL_MS = 250;

export interface ImportSummary {
  readonly added: readonly { fileName: string; title: string; id: string; duplicate: boolean }[];
  readonly failed: readonly { fileName: string; message: string }[];
}

/** The file's bytes as base64, read by the browser (no string-building in JS). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });
}

class ImportState {
  busy = $state(false);
  /** Files waiting, the one being read now and how far it has come. */
  total = $state(0);
  index = $state(0);
  progress = $state<ImportProgress | null>(null);
  summary = $state<ImportSummary | null>(null);
  dragging = $state(false);
  editing = $state<DocumentSummary | null>(null);
  #picker: HTMLInputElement | null = null;
  #queue: File[] = [];

  registerPicker(input: HTMLInputElement | null): void {
    this.#picker = input;
  }

  /** Opens the system's file dialog (the same in Electron and the browser host). */
  pick(): void {
    this.#picker?.click();
  }

  /** Adds files to the queue; one run imports them all and ends with one summary. */
  async add(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    this.#queue.push(...files);
    this.total += files.length;
    if (this.busy) return;
    this.busy = true;
    this.summary = null;
    const added: ImportSummary['added'][number][] = [];
    const failed: ImportSummary['failed'][number][] = [];
    while (this.#queue.length > 0) {
      const file = this.#queue.shift()!;
      this.index++;
      this.progress = { fileName: file.name, done: 0, total: 0 };
      const outcome = await this.#one(file);
      if (outcome.ok)
        added.push({
          fileName: file.name,
          title: outcome.document.title,
          id: outcome.document.id,
          duplicate: outcome.duplicate,
        });
      else
        failed.push({
          fileName: file.name,
          message: locale.current === 'en' ? outcome.messageEn : outcome.message,
        });
    }
    this.progress = null;
    this.busy = false;
    this.total = 0;
    this.index = 0;
    await library.load();
    this.summary = { added, failed };
  }

  async #one(file: File): Promise<ImportFileOutcome> {
    const refuse = (message: string): ImportFileOutcome => ({
      ok: false,
      fileName: file.name,
      problem: 'client',
      message,
      messageEn: message,
    });
    if (file.size > MAX_IMPORT_FILE_BYTES)
      return refuse(t('docimport.tooLarge', { mb: MAX_IMPORT_FILE_BYTES / 1048576 }));
    if (file.size === 0) return refuse(t('docimport.empty'));
    let data: string;
    try {
      data = await base64Of(file);
    } catch {
      return refuse(t('docimport.unreadable'));
    }
    const timer = setInterval(() => void this.#poll(file.name), POLL_MS);
    try {
      const result = await call('importDocument', { fileName: file.name, data });
      return result.ok ? result.value : refuse(result.error.message);
    } finally {
      clearInterval(timer);
    }
  }

  async #poll(fileName: string): Promise<void> {
    const result = await call('getImportProgress');
    if (!result.ok) return;
    const mine = result.value.find((p) => p.fileName === fileName);
    if (mine && this.busy) this.progress = mine;
  }

  dismissSummary(): void {
    this.summary = null;
  }

  edit(doc: DocumentSummary): void {
    this.editing = doc;
  }

  async save(id: string, patch: Record<string, string | null>): Promise<string | null> {
    const result = await call('updateDocumentMeta', { id, patch });
    if (!result.ok) return result.error.message;
    await library.load();
    this.editing = null;
    return null;
  }

  async remove(id: string, deleteNotes: boolean): Promise<string | null> {
    const result = await call('removeDocument', { id, deleteNotes });
    if (!result.ok) return result.error.message;
    await library.load();
    this.editing = null;
    return null;
  }
}

export const importState = new ImportState();

/** Ctrl+O (Cmd+O): add documents. Returns true when the key was handled. */
export function handleImportKey(event: KeyboardEvent): boolean {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 'o')
    return false;
  event.preventDefault();
  importState.pick();
  return true;
}
