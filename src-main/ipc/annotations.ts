// Owns the annotation handlers: the store's operations, the check that a new annotation's
// quote really is the text at its position in the current document, and accepting that an
// annotated passage changed in a new version of its document.
import type { NewAnnotation, AnnotationStore } from '../services/annotations/store';
import type { Library } from '../services/library/library';
import { anchorStatus, paragraphAt, positionSelector, quoteSelector } from '../shared/anchoring';
import { fail, ok, type Result } from '../shared/result';
import type { HandlerTable } from './table';

async function checkTarget(library: Library, input: NewAnnotation): Promise<Result<null>> {
  const doc = await library.get(input.documentId);
  if (!doc.ok) return doc;
  const { start, end } = input.position;
  if (end > doc.value.text.length || doc.value.text.slice(start, end) !== input.quote.exact) {
    return fail(
      'invalid-request',
      'Markeringen stämmer inte med dokumentets text. Markera texten igen och försök på nytt.',
      'The selection does not match the document’s text. Select the text again and try once more.',
    );
  }
  return ok(null);
}

type AnnotationHandlers = Pick<
  HandlerTable,
  | 'getNotesSummary'
  | 'listDocumentAnnotations'
  | 'listNotesPage'
  | 'getAnnotation'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotations'
  | 'getAnnotationsRevision'
  | 'acceptAnnotationChange'
>;

export function annotationHandlers(store: AnnotationStore, library: Library): AnnotationHandlers {
  return {
    getNotesSummary: () => ok(store.summary()),
    listDocumentAnnotations: ({ documentId }) => ok(store.forDocument(documentId)),
    listNotesPage: (request) => ok(store.page(request)),
    getAnnotation: ({ id }) => {
      const annotation = store.get(id);
      return annotation
        ? ok(annotation)
        : fail(
            'not-found',
            'Anteckningen finns inte längre (den kan ha tagits bort i ett annat fönster).',
            'The note no longer exists (it may have been deleted in another window).',
          );
    },
    createAnnotation: async (input) => {
      const checked = await checkTarget(library, input);
      return checked.ok ? store.create(input) : checked;
    },
    updateAnnotation: ({ id, patch }) => store.update(id, patch),
    deleteAnnotation: ({ id }) => store.remove(id),
    restoreAnnotations: async ({ annotations }) => {
      const result = await store.upsertMany(annotations);
      return result.ok ? ok(null) : result;
    },
    getAnnotationsRevision: () => ok({ revision: store.revision() }),
    acceptAnnotationChange: async ({ id }) => {
      const annotation = store.get(id);
      if (!annotation)
        return fail(
          'not-found',
          'Anteckningen finns inte längre. Ladda om anteckningarna.',
          'The note no longer exists. Reload the notes.',
        );
      const doc = await library.get(annotation.documentId);
      if (!doc.ok) return doc;
      const status = anchorStatus(doc.value.text, annotation);
      if (status.kind === 'orphaned')
        return fail(
          'invalid-request',
          'Det antecknade stycket finns inte i den nya versionen, så det finns ingen ny lydelse att godta. Radera anteckningen eller behåll den som den är.',
          'The annotated passage is not in the new version, so there is no new wording to accept. Delete the note or keep it as it is.',
        );
      const range = { start: status.start, end: status.end };
      // The same durable path as undo and import: one write with the whole annotation.
      const updated = {
        ...annotation,
        paragraph: paragraphAt(doc.value.blocks, range.start),
        quote: quoteSelector(doc.value.text, range),
        position: positionSelector(range),
        modified: new Date().toISOString(),
      };
      const written = await store.upsertMany([updated]);
      return written.ok ? ok(store.get(id) ?? updated) : written;
    },
  };
}
