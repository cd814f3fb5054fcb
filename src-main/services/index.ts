// Owns assembling the main-side services from a resources folder and a data folder.
// Shared by the Electron app, the browser host and the CLI so all three run the same code.
import { join } from 'node:path';
import { openLibrary, type Library } from './library/library';
import { createSearchService, type SearchService } from './search/service';
import { openSettings, type SettingsService } from './settings/settings';
import { createExternalLinks, type ExternalLinks, type SystemOpener } from './shell/external';

export interface Services {
  readonly library: Library;
  readonly settings: SettingsService;
  readonly externalLinks: ExternalLinks;
  readonly search: SearchService;
}

export interface ServiceOptions {
  /** The folder that holds `documents/` (the repository's or the installed app's resources). */
  readonly resourcesDir: string;
  /** Where the user's own files live (Electron's userData, or --data). */
  readonly dataDir: string;
  readonly openExternal: SystemOpener;
  /** Where search reports how its index was loaded or why it could not be stored. */
  readonly log?: (line: string) => void;
}

export async function openServices(options: ServiceOptions): Promise<Services> {
  const [library, settings] = await Promise.all([
    openLibrary(join(options.resourcesDir, 'documents')),
    openSettings(options.dataDir),
  ]);
  const search = createSearchService(library, {
    resourcesDir: options.resourcesDir,
    dataDir: options.dataDir,
    ...(options.log ? { log: options.log } : {}),
  });
  return { library, settings, externalLinks: createExternalLinks(options.openExternal), search };
}

/** Startup problems worth a line in the log: files that could not be loaded, settings reset. */
export function startupProblems(services: Services): string[] {
  return [...services.library.problems, ...(services.settings.problem ? [services.settings.problem] : [])];
}
