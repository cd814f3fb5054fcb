// Owns the export and import dialogs' state: which dialog is open, the scope and format
// chosen, the counts per scope, the running export, the import preview and the merge.
// The "current filter" scope is the notes panel's own filter; the counts come from main (the
// notes' summary and the panel's count under its filter), which an import reloads.
import type { ExportFormat, ExportScope, ImportPreview } from '../../../src-main/shared/export';
import { MAX_IMPORT_BYTES } from '../../../src-main/shared/export';
import { isEmptyFilter } from '../../../src-main/shared/notes-filter';
import { call } from '../../lib/api';
import { t } from '../../lib/i18n';
import { notices } from '../../lib/notices.svelte';
import { annotations } from '../annotations/annotations.svelte';
import { notes } from '../annotations/notes.svelte';

export type ScopeKind = ExportScope['kind'];

class ExportState {
  exportOpen = $state(false);
  importOpen = $state(false);
  scopeKind = $state<ScopeKind>('all');
  format = $state<ExportFormat>('docx');
  busy = $state(false);
  error = $state<string | null>(null);
  documentId = $state<string | null>(null);
  nativeImportDialog = $state(false);
  preview = $state.raw<ImportPreview | null>(null);

  /** Opens the export dialog; from the notes panel with a filter set, that filter is preselected. */
  openExport(documentId: string | null, fromNotesPanel = false): void {
    this.documentId = documentId;
    this.error = null;
    this.scopeKind = documentId
      ? 'document'
      : fromNotesPanel && !isEmptyFilter(notes.filter)
        ? 'filter'
        : 'all';
    this.exportOpen = true;
    // Counts come from the store as it is now (the CLI or an import may have changed it).
    void annotations.load();
  }

  count(kind: ScopeKind): number {
    const scope = this.scopeFor(kind);
    if (!scope) return 0;
    if (scope.kind === 'all') return annotations.total;
    if (scope.kind === 'document') return annotations.summary.byDocument[scope.documentId] ?? 0;
    // The panel's filter: main counts it for the page the panel shows.
    return notes.total;
  }

  scopeFor(kind: ScopeKind): ExportScope | null {
    if (kind === 'all') return { kind };
    if (kind === 'document') return this.documentId ? { kind, documentId: this.documentId } : null;
    return isEmptyFilter(notes.filter) ? null : { kind, filter: notes.filter };
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
    await annotations.load();
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
