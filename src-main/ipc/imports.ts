// Owns the handlers for the user's own documents: import one file (base64 bytes), progress,
// metadata edits and removal (notes kept as orphans unless the user asked to delete them).
import type { HandlerTable } from './table';
import { ok } from '../shared/result';
import type { AnnotationStore } from '../services/annotations/store';
import type { ImportService } from '../services/imports/service';

type ImportHandlers = Pick<
  HandlerTable,
  'importDocument' | 'getImportProgress' | 'updateDocumentMeta' | 'removeDocument'
>;

export function importHandlers(imports: ImportService, annotations: AnnotationStore): ImportHandlers {
  return {
    importDocument: async ({ fileName, data }) =>
      ok(await imports.add(fileName, new Uint8Array(Buffer.from(data, 'base64')))),
    getImportProgress: () => ok(imports.progress()),
    updateDocumentMeta: ({ id, patch }) => imports.updateMeta(id, patch),
    removeDocument: async ({ id, deleteNotes }) => {
      const removed = await imports.remove(id);
      if (!removed.ok) return removed;
      let notesDeleted = 0;
      if (deleteNotes) {
        for (const note of annotations.forDocument(id)) {
          if ((await annotations.remove(note.id)).ok) notesDeleted++;
        }
      }
      return ok({ document: removed.value, notesDeleted });
    },
  };
}
