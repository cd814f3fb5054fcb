// Owns the names of the IPC capabilities and their channels. Kept free of zod so the
// sandboxed preload and the browser host's bridge can import it without the schemas.

export const CHANNELS = {
  listDocuments: 'library:list',
  getLibraryFirstScreen: 'library:first-screen',
  getDocument: 'library:get',
  getCollectionInfo: 'library:collection-info',
  getLibraryRevision: 'library:revision',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  openExternal: 'shell:open-external',
  getNotesSummary: 'annotations:summary',
  listDocumentAnnotations: 'annotations:document',
  listNotesPage: 'annotations:page',
  getAnnotation: 'annotations:get',
  createAnnotation: 'annotations:create',
  updateAnnotation: 'annotations:update',
  deleteAnnotation: 'annotations:delete',
  acceptAnnotationChange: 'annotations:accept-change',
  restoreAnnotations: 'annotations:restore',
  getAnnotationsRevision: 'annotations:revision',
  getExportInfo: 'export:info',
  exportNotes: 'export:notes',
  revealExport: 'export:reveal',
  previewImport: 'import:preview',
  applyImport: 'import:apply',
  importDocument: 'documents:import',
  getImportProgress: 'documents:import-progress',
  updateDocumentMeta: 'documents:update-meta',
  removeDocument: 'documents:remove',
  search: 'search:query',
  findInDocument: 'search:find-in-document',
} as const;

export type CapabilityName = keyof typeof CHANNELS;
export type Channel = (typeof CHANNELS)[CapabilityName];

/** The global the preload (Electron) or the bridge script (browser host) defines. */
export const API_GLOBAL = 'lasaren';

/**
 * The one message main sends to the renderer unasked: a command from the right-click menu.
 * The preload forwards only these values (to the listener given to `onMenuCommand`).
 */
export const MENU_COMMAND_CHANNEL = 'menu:command';
export const MENU_COMMANDS = ['highlight', 'note'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}
