// Owns the export and import handlers: thin calls into the export service.
import type { ExportService } from '../services/export/service';
import { ok } from '../shared/result';
import type { HandlerTable } from './table';

type ExportHandlers = Pick<
  HandlerTable,
  'getExportInfo' | 'exportNotes' | 'revealExport' | 'previewImport' | 'applyImport'
>;

export function exportHandlers(service: ExportService): ExportHandlers {
  return {
    getExportInfo: () => ok({ nativeImportDialog: service.nativeImportDialog, canReveal: service.canReveal }),
    exportNotes: ({ format, scope }) => service.exportNotes(format, scope),
    revealExport: ({ path }) => service.reveal(path),
    previewImport: (input) =>
      input.source === 'dialog'
        ? service.previewImportDialog()
        : service.previewImportContent(input.fileName, input.content),
    applyImport: ({ token }) => service.applyImport(token),
  };
}
