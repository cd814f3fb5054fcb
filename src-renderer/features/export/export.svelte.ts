// Owns the export and import dialogs' state: which dialog is open, the scope and format
// chosen, the counts per scope, the running export, the import preview and the merge.
// The notes panel hands its current filter in through `setNotesFilter`.
import type { Annotation } from '../../../src-main/shared/annotation';
import type { ExportFormat, ExportScope, ImportPreview } from '../../../src-main/shared/export';
import { MAX_IMPORT_BYTES } from '../../../src-main/shared/export';
import { isEmptyFilter, matchesFilter, type NotesFilter } from '../../../src-main/shared/notes-filter';
import { call } from '../../lib/api';
import { t } from '../../lib/i18n';
import { notices } from '../../lib/notices.svelte';

export type ScopeKind = ExportScope['kind'];

/** Fired on window after an import changed the store, so views holding notes reload them. */
export const ANNOTATIONS_IMPORTED_EVENT = 'lasaren:annotations-imported';

class ExportState {
  exportOpen = $state(false);
  importOpen = $state(false);
  scopeKind = $state<ScopeKind>('all');
  format = $state<ExportFormat>('docx');
  busy = $state(false);
  error = $state<string | null>(null);
  annotations = $state.raw<readonly Annotation[]>([]);
  /** The notes panel's filter, or null when it shows everything. */
  notesFilter = $state.raw<NotesFilter | null>(null);
  documentId = $state<string | null>(null);
  nativeImportDialog = $state(false);
  preview = $state.raw<ImportPreview | null>(null);

  setNotesFilter(filter: NotesFilter | null): void {
    this.notesFilter = filter && !isEmptyFilter(filter) ? filter : null;
  }

  async openExport(documentId: string | null): Promise<void> {
    this.documentId = documentId;
    this.error = null;
    this.scopeKind = documentId ? 'document' : 'all';
    this.exportOpen = true;
    const list = await call('listAnnotations');
    if (list.ok) this.annotations = list.value.annotations;
    else this.error = list.error.message;
  }

  count(kind: ScopeKind): number {
    const scope = this.scopeFor(kind);
    if (!scope) return 0;
    if (scope.kind === 'all') return this.annotations.length;
    if (scope.kind === 'document')
      return this.annotations.filter((a) => a.documentId === scope.documentId).length;
    return this.annotations.filter((a) => matchesFilter(a, scope.filter)).length;
  }

  scopeFor(kind: ScopeKind): ExportScope | null {
    if (kind === 'all') return { kind };
    if (kind === 'document') return this.documentId ? { kind, documentId: this.documentId } : null;
    return this.notesFilter ? { kind, filter: this.notesFilter } : null;
  }

  async runExport(): Promise<void> {
    const scope = this.scopeFor(this.scopeKind);
    if (!scope || this.busy) return;
    this.busy = true;
    this.error = null;
    const result = await call('exportNotes', { format: this.format, scope });
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.exportOpen = false;
    const done = result.value;
    if (done.cancelled) return;
    const text =
      done.count === 1
        ? t('export.doneOne', { file: done.fileName })
        : t('export.done', { count: done.count, file: done.fileName });
    if (done.canReveal) {
      const path = done.path;
      notices.show(text, {
        action: {
          label: t('export.reveal'),
          run: () =>
            void call('revealExport', { path }).then((r) => {
              if (!r.ok) notices.error(r.error.message);
            }),
        },
      });
    } else notices.show(`${text} ${t('export.savedIn', { path: done.path })}`);
  }

  async openImport(): Promise<void> {
    this.error = null;
    this.preview = null;
    this.importOpen = true;
    const info = await call('getExportInfo');
    this.nativeImportDialog = info.ok && info.value.nativeImportDialog;
  }

  async chooseWithDialog(): Promise<void> {
    this.busy = true;
    this.error = null;
    const result = await call('previewImport', { source: 'dialog' });
    this.busy = false;
    if (!result.ok) this.error = result.error.message;
    else if (!result.value.cancelled) this.preview = result.value;
  }

  async chooseFile(file: File): Promise<void> {
    this.error = null;
    this.preview = null;
    if (file.size > MAX_IMPORT_BYTES) {
      this.error = t('import.tooLarge', { mb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) });
      return;
    }
    this.busy = true;
    let content: string;
    try {
      content = await file.text();
    } catch {
      this.busy = false;
      this.error = t('import.unreadable');
      return;
    }
    const result = await call('previewImport', {
      source: 'content',
      fileName: file.name || 'import.json',
      content,
    });
    this.busy = false;
    if (!result.ok) this.error = result.error.message;
    else if (!result.value.cancelled) this.preview = result.value;
  }

  async applyImport(): Promise<void> {
    const preview = this.preview;
    if (!preview || this.busy) return;
    this.busy = true;
    const result = await call('applyImport', { token: preview.token });
    this.busy = false;
    if (!result.ok) {
      this.error = result.error.message;
      return;
    }
    this.importOpen = false;
    this.preview = null;
    const { added, updated, unchanged } = result.value;
    notices.show(t('import.done', { added, updated, unchanged }));
    window.dispatchEvent(new CustomEvent(ANNOTATIONS_IMPORTED_EVENT));
  }

  close(): void {
    if (this.busy) return;
    this.exportOpen = false;
    this.importOpen = false;
    this.preview = null;
    this.error = null;
  }
}

export const exportState = new ExportState();
