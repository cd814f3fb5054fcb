// Owns the one library the rest of the app sees: the collection (shipped or --collection)
// followed by the user's own documents ("Mina dokument"), so the reader, search, notes,
// export and deep links treat both alike. The collection's prebuilt search records stay the
// collection's own; imported documents join the index through the search service.
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import type { ReaderDocument } from '../../shared/documents/model';
import type { Library } from '../library/library';
import type { ImportService } from './service';

export function withImported(collection: Library, imports: ImportService): Library {
  return {
    get dir() {
      return collection.dir;
    },
    get name() {
      return collection.name;
    },
    get problems() {
      return collection.problems;
    },
    get indexDir() {
      return collection.indexDir;
    },
    get how() {
      return collection.how;
    },
    get checked() {
      return collection.checked;
    },
    get cacheDir() {
      return collection.cacheDir;
    },
    list: () => [...collection.list(), ...imports.list()],
    summary: (id) => collection.summary(id) ?? imports.summary(id),
    async get(id): Promise<Result<ReaderDocument>> {
      if (imports.has(id)) {
        const doc = imports.get(id);
        return doc
          ? ok(doc)
          : fail(
              'not-found',
              'Dokumentet kunde inte läsas ur databasen. Ta bort det under Mina dokument och lägg till filen igen.',
              'The document could not be read from the database. Remove it under My documents and add the file again.',
            );
      }
      return collection.get(id);
    },
    loadAll: async () => [...(await collection.loadAll()), ...imports.all()],
    searchRecords: () => collection.searchRecords(),
    textsLoaded: () => collection.textsLoaded(),
    info: () => {
      const info = collection.info();
      return { ...info, documentCount: info.documentCount + imports.list().length };
    },
  };
}
