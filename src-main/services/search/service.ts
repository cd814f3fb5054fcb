// Owns the app's search service: the paragraph index of the library (loaded from the stored
// index when its content hash matches, otherwise rebuilt off the event loop and stored),
// the user's notes, and the answers the IPC table and the CLI give.
import { join } from 'node:path';
import { documentLabel } from '../../shared/documents/citation';
import type { ReaderDocument } from '../../shared/documents/model';
import type { DocumentMatch, DocumentMatchesResponse, SearchResponse } from '../../shared/search';
import { ok, type Result } from '../../shared/result';
import type { NotesSource } from '../annotations/store';
import type { Library } from '../library/library';
import { buildEngine } from './build';
import { DEFAULT_LIMIT, SearchEngine, documentRecord, type ParagraphRecord } from './engine';
import { INDEX_FILE_NAME, contentHash, readIndexFile, writeIndexFile } from './index-file';
import { matchText } from './match';
import { setLexiconDir } from './lexicon';
import { NotesIndex } from './notes';
import { parseQuery } from './query';

/** How long after the index is ready the collection's background file check starts. */
const CHECK_AFTER_READY_MS = 1_000;

export interface SearchService {
  /** Resolves when the index is loaded or built; how it got there, for the log. */
  readonly ready: Promise<string>;
  /**
   * Resolves when the engine has prepared after ready (its tables made, its code warmed up by
   * some hundred searches, one per turn of the event loop); for benchmarks and tests.
   */
  readonly prepared: Promise<void>;
  search(query: string, options?: { limit?: number; verbatim?: boolean }): Promise<SearchResponse>;
  findInDocument(documentId: string, query: string): Promise<Result<DocumentMatchesResponse>>;
  /** Where the notes and tags that search finds are (the annotation store's terms). */
  setNotes(source: NotesSource | null): void;
  /** Extends the index with documents added after start (the user's imports); no rebuild. */
  addDocuments(documents: readonly ReaderDocument[]): Promise<void>;
  /** Takes a removed document's paragraphs out of the live index, at once. */
  removeDocument(id: string): void;
}

/**
 * One record per citable block, in library order, each with the heading it stands under, and
 * one per document for its title and designation.
 */
export function paragraphRecords(documents: readonly ReaderDocument[]): ParagraphRecord[] {
  const records: ParagraphRecord[] = [];
  for (const doc of documents) {
    const firstParagraph = doc.blocks.find((b) => b.number !== null)?.number ?? 1;
    records.push({
      ...documentRecord({
        documentId: doc.meta.id,
        title: doc.meta.title,
        designation: doc.meta.designation,
        firstParagraph,
      }),
      title: documentLabel(doc.meta),
    });
    let heading: string | null = null;
    for (const block of doc.blocks) {
      if (block.kind === 'heading') heading = block.text;
      else if (block.number !== null) {
        records.push({
          documentId: doc.meta.id,
          title: documentLabel(doc.meta),
          paragraph: block.number,
          heading,
          text: block.text,
        });
      }
    }
  }
  return records;
}

export interface SearchServiceOptions {
  readonly resourcesDir: string;
  readonly dataDir: string;
  /** Where the lexicon is; by default <resourcesDir>/lexicon. */
  readonly lexiconDir?: string;
  readonly log?: (line: string) => void;
  /** How a missing or stale index is built; the default starts a worker for large corpora. */
  readonly build?: typeof buildEngine;
}

/**
 * Builds the index, in a worker when the corpus is large. A worker that cannot start or dies
 * (an installer that left out its file, a module it cannot load) must not leave search dead:
 * the index is then built in-process, which blocks main for a while but works.
 */
export async function buildWithFallback(
  records: readonly ParagraphRecord[],
  log: ((line: string) => void) | undefined,
  build: typeof buildEngine = buildEngine,
): Promise<Awaited<ReturnType<typeof buildEngine>>> {
  try {
    return await build(records);
  } catch (e) {
    log?.(
      `Varning: sökindexets arbetstråd misslyckades (${(e as Error).message}); indexet byggs i huvudprocessen i stället.`,
    );
    return buildEngine(records, { worker: false });
  }
}

async function loadEngine(library: Library, options: SearchServiceOptions): Promise<[SearchEngine, string]> {
  // The collection's prebuilt records: no document is parsed to start searching.
  const records = await library.searchRecords();
  const hash = contentHash(records);
  const cached = join(options.dataDir, INDEX_FILE_NAME);
  for (const path of [join(options.resourcesDir, INDEX_FILE_NAME), cached]) {
    const data = await readIndexFile(path, hash);
    if (!data) continue;
    const engine = new SearchEngine();
    try {
      await engine.import(records, data);
      return [engine, `Sökindexet lästes in från ${path}.`];
    } catch (e) {
      // A damaged stored index (its postings do not fit its dictionary) is built again.
      options.log?.(`Sökindexet i ${path} kunde inte läsas in (${(e as Error).message}); det byggs om.`);
    }
  }
  const { engine, data } = await buildWithFallback(records, options.log, options.build);
  // Store the rebuilt index for the next start; the shipped one may be read-only.
  await writeIndexFile(cached, hash, records.length, data ?? engine.export()).catch((e: unknown) =>
    options.log?.(`Sökindexet kunde inte sparas i ${cached}: ${(e as Error).message}`),
  );
  return [engine, `Sökindexet byggdes om (${records.length} stycken).`];
}

export function createSearchService(library: Library, options: SearchServiceOptions): SearchService {
  // The lexicon ships with the app (<resources>/lexicon), whichever collection is open.
  setLexiconDir(options.lexiconDir ?? join(options.resourcesDir, 'lexicon'));
  const notes = new NotesIndex((id) => {
    const summary = library.summary(id);
    return summary ? documentLabel(summary) : id;
  });
  let engine: SearchEngine | null = null;
  // Documents removed and not added since: taken out when the index is ready, and not
  // added by an addDocuments call made before the removal that waited for it.
  const gone = new Set<string>();
  const added = new Set<string>();
  const ready = loadEngine(library, options).then(([loaded, how]) => {
    engine = loaded;
    for (const id of gone) loaded.remove(id);
    // The collection's files may now be checked in the background (a large collection waits
    // for this, so the check does not compete with loading the index), a moment after the
    // first searches.
    setTimeout(() => library.checked.catch(() => undefined), CHECK_AFTER_READY_MS).unref();
    // Right away rather than on the first keystroke, a step per turn of the event loop.
    const steps = loaded.preparation();
    const next = () => {
      try {
        steps.shift()?.();
      } catch (e) {
        // Preparing only saves time later: a failure is logged, never the app's end.
        options.log?.(`Sökmotorn kunde inte förberedas: ${(e as Error).message}`);
        steps.length = 0;
      }
      if (steps.length > 0) setImmediate(next);
      else preparedNow();
    };
    setImmediate(next);
    return how;
  });
  let preparedNow!: () => void;
  const prepared = new Promise<void>((done) => (preparedNow = done));
  // A failed load surfaces on the first search; never as an unhandled rejection.
  ready.catch((e: unknown) => options.log?.(`Sökindexet kunde inte läsas in: ${(e as Error).message}`));

  return {
    ready,
    prepared,
    async search(query, { limit = DEFAULT_LIMIT, verbatim = false } = {}) {
      await ready;
      const current = engine as SearchEngine | null;
      if (!current) return { query, hits: [], more: false, suggestions: [] };
      // Notes join the same ranked list, for the query as typed and for a corrected one.
      return current.search(query, {
        limit,
        verbatim,
        extra: (parsed, n) => notes.rank(parsed, n),
      });
    },
    async findInDocument(documentId, query) {
      const doc = await library.get(documentId);
      if (!doc.ok) return doc;
      const parsed = parseQuery(query);
      const matches: DocumentMatch[] = [];
      if (parsed.units.length > 0) {
        for (const block of doc.value.blocks) {
          if (block.number === null) continue;
          const found = matchText(block.text, parsed);
          for (const r of found.ranges) matches.push({ paragraph: block.number, start: r.start, end: r.end });
        }
      }
      return ok({ documentId, query, matches });
    },
    setNotes(source) {
      notes.setNotes(source);
      // Notes changed since the last start are analysed once the index is in, off the start path.
      void ready.then(() => notes.catchUp()).catch(() => undefined);
    },
    async addDocuments(documents) {
      for (const d of documents) gone.delete(d.meta.id);
      await ready;
      const fresh = documents.filter((d) => !added.has(d.meta.id) && !gone.has(d.meta.id));
      for (const d of fresh) added.add(d.meta.id);
      if (fresh.length > 0) (engine as SearchEngine | null)?.add(paragraphRecords(fresh));
    },
    removeDocument(id) {
      // Added again later (same bytes, same id), it is indexed afresh.
      gone.add(id);
      added.delete(id);
      (engine as SearchEngine | null)?.remove(id);
    },
  };
}

/**
 * Builds the index of a collection and stores it in `indexDir` (the build step: the shipped
 * collection's documents/ under resources/, its collection and search index beside them).
 */
export async function writeResourcesIndex(
  resourcesDir: string,
  collectionDir: string = join(resourcesDir, 'documents'),
): Promise<{ paragraphs: number; documents: number; path: string; problems: readonly string[] }> {
  const { openCollection } = await import('../documents/collection');
  setLexiconDir(join(resourcesDir, 'lexicon'));
  const library = await openCollection(collectionDir, { cacheDir: resourcesDir, origin: 'shipped' });
  const records = await library.searchRecords();
  const { engine, data } = await buildEngine(records);
  const path = join(resourcesDir, INDEX_FILE_NAME);
  await writeIndexFile(path, contentHash(records), records.length, data ?? engine.export());
  return {
    paragraphs: records.length,
    documents: library.list().length,
    path,
    problems: library.problems.map((p) => `${p.where}: ${p.message}`),
  };
}
