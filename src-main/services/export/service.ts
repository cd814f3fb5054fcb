// Owns the export and import service over the annotation store and the library: export a
// scope in a format to a file the host lets the user choose, show it in its folder, and
// import a W3C JSON file as preview-then-merge in one durable write. Imports nothing from
// electron: the host injects its dialogs, its file manager and its PDF printer.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import {
  MAX_IMPORT_BYTES,
  defaultExportFileName,
  type ExportFormat,
  type ExportOutcome,
  type ExportScope,
  type ImportApplied,
  type ImportPreview,
  type ImportPreviewOutcome,
} from '../../shared/export';
import { fail, ok, type Result } from '../../shared/result';
import type { AnnotationStore } from '../annotations/store';
import type { Library } from '../library/library';
import { writeFileAtomic } from '../storage/atomic-file';
import { planMerge } from './merge';
import { buildExportModel, selectAnnotations, type ExportModel } from './model';
import type { PdfRenderer } from './pdf';
import { renderExport } from './render';
import { decodeImportFile, parseImportText, readW3cAnnotations, tooLarge } from './w3c-import';
import type { Annotation } from '../../shared/annotation';
import { placeOf } from '../../shared/documents/citation';
import type { ReaderDocument } from '../../shared/documents/model';

/** What the host provides: Electron's native dialogs, or the browser host's stand-ins. */
export interface ExportHost {
  /** Asks where to save (a native save dialog); null when the user cancels. */
  chooseSavePath(defaultName: string, format: ExportFormat): Promise<string | null>;
  /** Shows the file in the system's file manager; null where the host has none. */
  readonly revealFile: ((path: string) => Promise<void>) | null;
  /** A native open dialog for imports; null where the page's own file input is used. */
  readonly chooseImportFile: (() => Promise<string | null>) | null;
  readonly renderPdf: PdfRenderer;
}

export interface ExportService {
  render(format: ExportFormat, scope: ExportScope): Promise<{ bytes: Uint8Array; model: ExportModel }>;
  exportNotes(format: ExportFormat, scope: ExportScope): Promise<Result<ExportOutcome>>;
  reveal(path: string): Promise<Result<null>>;
  readonly nativeImportDialog: boolean;
  readonly canReveal: boolean;
  previewImportContent(fileName: string, content: string): Promise<Result<ImportPreview>>;
  previewImportFile(path: string): Promise<Result<ImportPreview>>;
  previewImportDialog(): Promise<Result<ImportPreviewOutcome>>;
  applyImport(token: string): Promise<Result<ImportApplied>>;
}

/** The browser host's "save dialog": a unique file in `<data>/exports/`, reported by path. */
export function exportsFolderHost(dataDir: string, renderPdf: PdfRenderer): ExportHost {
  const folder = join(dataDir, 'exports');
  return {
    async chooseSavePath(defaultName) {
      await mkdir(folder, { recursive: true });
      const dot = defaultName.lastIndexOf('.');
      const [stem, ext] = [defaultName.slice(0, dot), defaultName.slice(dot)];
      for (let n = 1; ; n++) {
        const candidate = join(folder, n === 1 ? defaultName : `${stem} (${n})${ext}`);
        try {
          await stat(candidate);
        } catch {
          return candidate;
        }
      }
    },
    revealFile: null,
    chooseImportFile: null,
    renderPdf,
  };
}

export function createExportService(
  store: AnnotationStore,
  library: Library,
  host: ExportHost,
): ExportService {
  const written = new Set<string>();
  let pending: { token: string; fileName: string; annotations: Annotation[] } | null = null;
  /** The documents (parsed) with these ids that the library has; others are left out. */
  async function loadDocuments(ids: Iterable<string>): Promise<Map<string, ReaderDocument>> {
    const out = new Map<string, ReaderDocument>();
    for (const id of ids) {
      if (out.has(id) || !library.summary(id)) continue;
      const doc = await library.get(id);
      if (doc.ok) out.set(id, doc.value);
    }
    return out;
  }

  const render: ExportService['render'] = async (format, scope) => {
    // Citations name the section a quote stands in: read the exported documents' headings.
    // Every note, read once from the database (an export may hold all of them).
    const all = store.all();
    const docs = await loadDocuments(selectAnnotations(all, scope).map((a) => a.documentId));
    const places = (id: string, paragraph: number) => {
      const doc = docs.get(id);
      return doc ? placeOf(doc.blocks, paragraph) : { paragraph };
    };
    const model = buildExportModel(all, library.list(), scope, new Date(), places);
    return { bytes: await renderExport(model, format, host.renderPdf), model };
  };

  async function preview(fileName: string, json: Result<unknown>): Promise<Result<ImportPreview>> {
    if (!json.ok) return json;
    // Only the documents the file points at are parsed, not the whole collection.
    const mentioned = JSON.stringify(json.value).matchAll(/lasaren:\/\/document\/([a-z0-9_-]{1,128})/g);
    const documents = await loadDocuments([...mentioned].map((m) => m[1] as string));
    const read = readW3cAnnotations(json.value, { documents, now: new Date().toISOString() });
    if (!read.ok) return read;
    const plan = planMerge(store.all(), read.value);
    const unknown = new Map<string, number>();
    for (const a of read.value)
      if (!library.summary(a.documentId)) unknown.set(a.documentId, (unknown.get(a.documentId) ?? 0) + 1);
    const token = randomUUID();
    pending = { token, fileName, annotations: read.value };
    return ok({
      cancelled: false,
      token,
      fileName,
      total: read.value.length,
      added: plan.added,
      unchanged: plan.unchanged,
      conflicts: plan.conflicts,
      replaced: plan.replaced,
      unknownDocuments: [...unknown].map(([documentId, count]) => ({ documentId, count })),
    });
  }

  async function readImportFile(path: string): Promise<Result<unknown>> {
    try {
      const size = (await stat(path)).size;
      if (size > MAX_IMPORT_BYTES) return tooLarge(size);
      return decodeImportFile(await readFile(path));
    } catch (e) {
      const why = (e as Error).message;
      return fail(
        'io',
        `Filen ${basename(path)} kunde inte läsas (${why}).`,
        `The file ${basename(path)} could not be read (${why}).`,
      );
    }
  }

  return {
    render,
    nativeImportDialog: host.chooseImportFile !== null,
    canReveal: host.revealFile !== null,

    async exportNotes(format, scope) {
      // Ask first: a cancelled dialog costs no rendering (a PDF takes a second or two).
      const path = await host.chooseSavePath(defaultExportFileName(format), format);
      if (path === null) return ok({ cancelled: true });
      let rendered: Awaited<ReturnType<typeof render>>;
      try {
        rendered = await render(format, scope);
      } catch (e) {
        const why = (e as Error).message;
        return fail('io', `Filen kunde inte skapas: ${why}`, `The file could not be made: ${why}`);
      }
      const { bytes, model } = rendered;
      try {
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, bytes);
      } catch (e) {
        const why = (e as Error).message;
        return fail(
          'io',
          `Filen kunde inte sparas i ${dirname(path)} (${why}). Välj en annan mapp.`,
          `The file could not be saved in ${dirname(path)} (${why}). Choose another folder.`,
        );
      }
      written.add(resolve(path));
      return ok({
        cancelled: false,
        path,
        fileName: basename(path),
        count: model.count,
        documents: model.groups.length,
        canReveal: host.revealFile !== null,
      });
    },

    async reveal(path) {
      // Only files this session exported: the renderer cannot point the file manager anywhere.
      if (!written.has(resolve(path)))
        return fail(
          'forbidden',
          'Bara filer som just exporterats kan visas i mappen.',
          'Only files just exported can be shown in their folder.',
        );
      if (!host.revealFile)
        return fail(
          'io',
          `Öppna mappen ${dirname(path)} själv; den här värden kan inte visa filer.`,
          `Open the folder ${dirname(path)} yourself; this host cannot show files.`,
        );
      await host.revealFile(path);
      return ok(null);
    },

    previewImportContent: (fileName, content) => preview(fileName, parseImportText(content)),

    previewImportFile: async (path) => preview(basename(path), await readImportFile(path)),

    async previewImportDialog() {
      if (!host.chooseImportFile)
        return fail(
          'invalid-request',
          'Välj filen med knappen i importfönstret.',
          'Choose the file with the button in the import dialog.',
        );
      const path = await host.chooseImportFile();
      if (path === null) return ok({ cancelled: true });
      return preview(basename(path), await readImportFile(path));
    },

    async applyImport(token) {
      if (!pending || pending.token !== token)
        return fail(
          'not-found',
          'Förhandsvisningen har gått ut. Välj filen igen.',
          'The preview has expired. Choose the file again.',
        );
      const { annotations } = pending;
      // Planned again against the store as it is now, so edits since the preview are respected.
      const plan = planMerge(store.all(), annotations);
      if (plan.upserts.length > 0) {
        const written = await store.upsertMany(plan.upserts);
        if (!written.ok) return written;
      }
      pending = null;
      return ok({ added: plan.added, updated: plan.conflicts, unchanged: plan.unchanged });
    },
  };
}

/** Writes bytes to a path given on the command line (no dialog). */
export async function writeExportFile(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, bytes);
}
