// Owns the annotation handlers: the store's operations, plus the check that a new
// annotation's quote really is the text at its position in the current document.
import type { NewAnnotation, AnnotationStore } from '../services/annotations/store';
import type { Library } from '../services/library/library';
import { fail, ok, type Result } from '../shared/result';
import type { HandlerTable } from './table';

function checkTarget(library: Library, input: NewAnnotation): Result<null> {
  const doc = library.get(input.documentId);
  if (!doc.ok) return doc;
  const { start, end } = input.position;
  if (end > doc.value.source.length || doc.value.source.slice(start, end) !== input.quote.exact) {
    return fail(
      'invalid-request',
      'Markeringen stämmer inte med dokumentets text. Markera texten igen och försök på nytt.',
    );
  }
  return ok(null);
}

type AnnotationHandlers = Pick<
  HandlerTable,
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotations'
  | 'getAnnotationsRevision'
>;

export function annotationHandlers(store: AnnotationStore, library: Library): AnnotationHandlers {
  return {
    listAnnotations: () => ok({ annotations: store.list(), problem: store.problem }),
    createAnnotation: async (input) => {
      const checked = checkTarget(library, input);
      return checked.ok ? store.create(input) : checked;
    },
    updateAnnotation: ({ id, patch }) => store.update(id, patch),
    deleteAnnotation: ({ id }) => store.remove(id),
    restoreAnnotations: async ({ annotations }) => {
      const result = await store.upsertMany(annotations);
      return result.ok ? ok(null) : result;
    },
    getAnnotationsRevision: () => ok({ revision: store.revision() }),
  };
}
