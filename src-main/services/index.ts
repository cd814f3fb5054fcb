// Owns assembling the main-side services from a resources folder and a data folder.
// Shared by the Electron app, the browser host and the CLI so all three run the same code.
import { openAnnotationStore, type AnnotationStore } from './annotations/store';
import type { PdfRenderer } from './export/pdf';
import {
  createExportService,
  exportsFolderHost,
  type ExportHost,
  type ExportService,
} from './export/service';
import { openLibrary, type Library } from './library/library';
import { createSearchService, type SearchService } from './search/service';
import { openSettings, type SettingsService } from './settings/settings';
import { createExternalLinks, type ExternalLinks, type SystemOpener } from './shell/external';

export interface Services {
  readonly library: Library;
  readonly settings: SettingsService;
  readonly externalLinks: ExternalLinks;
  readonly annotations: AnnotationStore;
  readonly exports: ExportService;
  readonly search: SearchService;
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
}

/** Chromium through playwright-core, loaded only when a PDF is asked for outside Electron. */
const chromiumPdf: PdfRenderer = async (html) =>
  (await import('./export/pdf-chromium')).renderPdfWithChromium(html);

export async function openServices(options: ServiceOptions): Promise<Services> {
  const [library, settings, annotations] = await Promise.all([
    openLibrary(options),
    openSettings(options.dataDir),
    openAnnotationStore(options.dataDir),
  ]);
  options.log?.(library.how);
  const exportHost = options.exportHost ?? exportsFolderHost(options.dataDir, chromiumPdf);
  // Another collection's search index is cached beside its collection index, one per folder.
  const searchDirs = options.collectionDir
    ? {
        resourcesDir: library.indexDir ?? library.cacheDir ?? options.dataDir,
        dataDir: library.cacheDir ?? options.dataDir,
      }
    : { resourcesDir: options.resourcesDir, dataDir: options.dataDir };
  const search = createSearchService(library, {
    ...searchDirs,
    ...(options.log ? { log: options.log } : {}),
  });
  // Notes and tags are found by the same search as the documents.
  search.setNotes(annotations.list());
  annotations.onChange((all) => search.setNotes(all));
  return {
    library,
    settings,
    annotations,
    search,
    externalLinks: createExternalLinks(options.openExternal),
    exports: createExportService(annotations, library, exportHost),
  };
}

/** Startup problems worth a line in the log: files that could not be loaded, settings reset. */
export function startupProblems(services: Services): string[] {
  const { library, settings, annotations } = services;
  const documents = library.problems.map((p) => `${p.where}: ${p.message}`);
  return [documents, settings.problem ?? [], annotations.problem ?? []].flat();
}
