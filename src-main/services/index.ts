// Owns assembling the main-side services from a resources folder and a data folder.
// Shared by the Electron app, the browser host and the CLI so all three run the same code.
import { join } from 'node:path';
import { loadSummarySnapshot, openAnnotationStore, type AnnotationStore } from './annotations/store';
import type { PdfRenderer } from './export/pdf';
import {
  createExportService,
  exportsFolderHost,
  type ExportHost,
  type ExportService,
} from './export/service';
import { withImported } from './imports/library';
import { ImportService } from './imports/service';
import { openLibrary, type Library } from './library/library';
import { createSearchService, type SearchService } from './search/service';
import { openSettings, type SettingsService } from './settings/settings';
import { createExternalLinks, type ExternalLinks, type SystemOpener } from './shell/external';
import { backupIfDue } from './store/backup';
import { openUserDatabase } from './store/database';

export interface Services {
  readonly library: Library;
  readonly settings: SettingsService;
  readonly externalLinks: ExternalLinks;
  readonly annotations: AnnotationStore;
  readonly exports: ExportService;
  readonly search: SearchService;
  /** The user's own documents (PDF, Word, HTML, Markdown, text) in the database. */
  readonly imports: ImportService;
  /** Stops the timers and closes the database (tests, and the CLI when it is done). */
  close(): void;
  /**
   * Stops the timers first (no backup starts), waits for the work that still writes into the
   * data folder (the search index built at start and stored there, imports being stored), then
   * closes: after it resolves nothing of these services touches the folder, so it can be removed.
   */
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** The folder that holds `documents/` (the repository's or the installed app's resources). */
  readonly resourcesDir: string;
  /** Where the user's own files live (Electron's userData, or --data). */
  readonly dataDir: string;
  /** Another collection folder (--collection) instead of the shipped documents. */
  readonly collectionDir?: string | null;
  readonly openExternal: SystemOpener;
  /** Electron's save/open dialogs, file manager and printToPDF; default: the exports folder. */
  readonly exportHost?: ExportHost;
  /** Where search reports how its index was loaded or why it could not be stored. */
  readonly log?: (line: string) => void;
  /** How often to look for notes another process saved (ms); 0 turns it off. Default 1,000. */
  readonly watchIntervalMs?: number;
}

/** The daily backup waits until start-up is over; its cost (VACUUM INTO) is then off the path. */
const BACKUP_DELAY_MS = 30_000;
const BACKUP_CHECK_MS = 60 * 60 * 1000;

/** Chromium through playwright-core, loaded only when a PDF is asked for outside Electron. */
const chromiumPdf: PdfRenderer = async (html) =>
  (await import('./export/pdf-chromium')).renderPdfWithChromium(html);

export async function openServices(options: ServiceOptions): Promise<Services> {
  // One connection for the process; the app, the host and the CLI may share the file.
  // The notes' counts are read while a large database is being checked; no note is loaded.
  const database = await openUserDatabase(options.dataDir, { whileChecking: loadSummarySnapshot });
  const [collection, settings, annotations] = await Promise.all([
    openLibrary(options),
    openSettings(options.dataDir, { database }),
    openAnnotationStore(options.dataDir, { database }),
  ]);
  options.log?.(collection.how);
  // The user's own documents follow the collection in the one library everything reads.
  const imports = new ImportService(database, options.dataDir);
  const library = withImported(collection, imports);
  const exportHost = options.exportHost ?? exportsFolderHost(options.dataDir, chromiumPdf);
  // Another collection's search index is cached beside its collection index, one per folder.
  const searchDirs = options.collectionDir
    ? {
        resourcesDir: library.indexDir ?? library.cacheDir ?? options.dataDir,
        dataDir: library.cacheDir ?? options.dataDir,
      }
    : { resourcesDir: options.resourcesDir, dataDir: options.dataDir };
  const lexiconDir = join(options.resourcesDir, 'lexicon');
  const search = createSearchService(library, {
    ...searchDirs,
    lexiconDir,
    ...(options.log ? { log: options.log } : {}),
  });
  // Imported documents join the index once it is loaded, and each new one as it arrives.
  if (imports.list().length > 0) void search.addDocuments(imports.all());
  imports.onChange({
    added: (doc) => search.addDocuments([doc]),
    removed: (id) => search.removeDocument(id),
  });
  // The notes panel's "document order" is the library's.
  annotations.setDocumentOrder(documentOrder(library));
  // Notes and tags are found by the same search as the documents, through terms kept in the
  // database; notes changed since the last start are analysed after start-up, in slices.
  search.setNotes(annotations.notes);
  // Notes and documents another process saved (the CLI's import or `documents add` beside the
  // running app) appear within a second: a data_version check per tick, rows read only when
  // something changed.
  const timers: NodeJS.Timeout[] = [];
  const every = options.watchIntervalMs ?? 1_000;
  if (every > 0)
    timers.push(
      setInterval(() => {
        annotations.refresh();
        imports.refresh();
      }, every).unref(),
    );
  const backup = () => {
    if (database.readOnlyReason || !database.db.isOpen) return;
    try {
      const path = backupIfDue(database.db, options.dataDir);
      if (path) options.log?.(`Säkerhetskopia av anteckningarna: ${path}`);
    } catch (e) {
      options.log?.(`Säkerhetskopian kunde inte tas: ${(e as Error).message}`);
    }
  };
  timers.push(setTimeout(backup, BACKUP_DELAY_MS).unref(), setInterval(backup, BACKUP_CHECK_MS).unref());
  const close = () => {
    for (const timer of timers) clearTimeout(timer);
    annotations.close();
    database.close();
  };
  return {
    library,
    settings,
    annotations,
    search,
    imports,
    externalLinks: createExternalLinks(options.openExternal),
    exports: createExportService(annotations, library, exportHost),
    close,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await search.ready.catch(() => undefined);
      await imports.idle();
      close();
    },
  };
}

/** The library's order (id → position), rebuilt only when the library changed size. */
function documentOrder(library: Library): () => ReadonlyMap<string, number> {
  let order = new Map<string, number>();
  let size = -1;
  return () => {
    const list = library.list();
    if (list.length !== size) {
      order = new Map(list.map((d, i) => [d.id, i]));
      size = list.length;
    }
    return order;
  };
}

/** Startup problems worth a line in the log: files that could not be loaded, settings reset. */
export function startupProblems(services: Services): string[] {
  const { library, settings, annotations } = services;
  const documents = library.problems.map((p) => `${p.where}: ${p.message}`);
  return [documents, settings.problem?.sv ?? [], annotations.problem?.sv ?? []].flat();
}
