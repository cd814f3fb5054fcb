// Owns the handler table: one function per capability of the contract, over the services.
// Imports nothing from electron, so the browser host serves the very same table.
import type { CapabilityName } from '../shared/channels';
import type { OutputOf, ParsedInputOf } from '../shared/contract';
import { ok, type Result } from '../shared/result';
import type { Services } from '../services';
import { firstScreen } from '../services/library/first-screen';
import { annotationHandlers } from './annotations';
import { exportHandlers } from './export';
import { importHandlers } from './imports';

export type HandlerTable = {
  readonly [K in CapabilityName]: (
    input: ParsedInputOf<K>,
  ) => Promise<Result<OutputOf<K>>> | Result<OutputOf<K>>;
};

export function createHandlerTable(services: Services): HandlerTable {
  const { library, settings, externalLinks, annotations, exports, search, imports } = services;
  return {
    listDocuments: () => ok(library.list()),
    getLibraryFirstScreen: ({ limit }) => ok(firstScreen(library.list(), limit)),
    getDocument: ({ id }) => library.get(id),
    getCollectionInfo: () => ok(library.info()),
    getLibraryRevision: () => ok({ revision: imports.revision() }),
    getSettings: () => ok(settings.get()),
    updateSettings: async (patch) => ok(await settings.update(patch)),
    openExternal: ({ url }) => externalLinks.open(url),
    ...annotationHandlers(annotations, library),
    ...exportHandlers(exports),
    ...importHandlers(imports, annotations),
    search: async ({ query, limit, verbatim }) =>
      ok(await search.search(query, { ...(limit ? { limit } : {}), ...(verbatim ? { verbatim } : {}) })),
    findInDocument: ({ documentId, query }) => search.findInDocument(documentId, query),
  };
}
