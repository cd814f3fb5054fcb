// Owns the app's search service: the paragraph index of the library (loaded from the stored
// index when its content hash matches, otherwise rebuilt off the event loop and stored),
// the user's notes, and the answers the IPC table and the CLI give.
import { join } from 'node:path';
import type { Annotation } from '../../shared/annotation';
import { documentLabel } from '../../shared/documents/citation';
import type { ReaderDocument } from '../../shared/documents/model';
import type { DocumentMatch, DocumentMatchesResponse, SearchResponse } from '../../shared/search';
import { fail, ok, type Result } from '../../shared/result';
import type { Library } from '../library/library';
import { buildEngine } from './build';
import { DEFAULT_LIMIT, SearchEngine, type ParagraphRecord } from './engine';
import { INDEX_FILE_NAME, contentHash, readIndexFile, writeIndexFile } from './index-file';
import { matchText } from './match';
import { NotesIndex } from './notes';
import { parseQuery } from './query';

export interface SearchService {
  /** Resolves when the index is loaded or built; how it got there, for the log. */
  readonly ready: Promise<string>;
  search(query: string, options?: { limit?: number }): Promise<SearchResponse>;
  findInDocument(documentId: string, query: string): Promise<Result<DocumentMatchesResponse>>;
  /** Replaces the notes and tags that search finds (the annotation store calls this). */
  setNotes(annotations: readonly Annotation[]): void;
  /** Extends the index with documents added after start (the user's imports); no rebuild. */
  addDocuments(documents: readonly ReaderDocument[]): Promise<void>;
  /** Leaves a removed document's paragraphs out of every later answer. */
  removeDocument(id: string): void;
}

/** One record per citable block, in library order, each with the heading it stands under. */
export function paragraphRecords(documents: readonly ReaderDocument[]): ParagraphRecord[] {
  const records: ParagraphRecord[] = [];
  for (const doc of documents) {
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
  readonly log?: (line: string) => void;
}

async function loadEngine(library: Library, options: SearchServiceOptions): Promise<[SearchEngine, string]> {
  // The collection's prebuilt records: no document is parsed to start searching.
  const records = await library.searchRecords();
  const hash = contentHash(records);
  const cached = join(options.dataDir, INDEX_FILE_NAME);
  for (const path of [join(options.resourcesDir, INDEX_FILE_NAME), cached]) {
    const data = await readIndexFile(path, hash);
    if (data) {
      const engine = new SearchEngine();
      await engine.import(records, data);
      return [engine, `Sökindexet lästes in från ${path}.`];
    }
  }
  const { engine, data } = await buildEngine(records);
  // Store the rebuilt index for the next start; the shipped one may be read-only.
  await writeIndexFile(cached, hash, records.length, data ?? engine.export()).catch((e: unknown) =>
    options.log?.(`Sökindexet kunde inte sparas i ${cached}: ${(e as Error).message}`),
  );
  return [engine, `Sökindexet byggdes om (${records.length} stycken).`];
}

export function createSearchService(library: Library, options: SearchServiceOptions): SearchService {
  const notes = new NotesIndex((id) => {
    const summary = library.summary(id);
    return summary ? documentLabel(summary) : id;
  });
  let engine: SearchEngine | null = null;
  // Paragraphs of removed documents stay in the index until the next start; hits skip them.
  const removed = new Set<string>();
  const added = new Set<string>();
  const ready = loadEngine(library, options).then(([loaded, how]) => {
    engine = loaded;
    return how;
  });
  // A failed load surfaces on the first search; never as an unhandled rejection.
  ready.catch((e: unknown) => options.log?.(`Sökindexet kunde inte läsas in: ${(e as Error).message}`));

  return {
    ready,
    async search(query, { limit = DEFAULT_LIMIT } = {}) {
      await ready;
      const current = engine as SearchEngine | null;
      if (!current) return { query, hits: [], more: false, suggestions: [] };
      const parsed = parseQuery(query);
      const ranked = current.rank(parsed, limit + (removed.size > 0 ? limit : 0));
      const paragraphs =
        removed.size === 0
          ? ranked
          : { ...ranked, hits: ranked.hits.filter((h) => !removed.has(h.hit.documentId)) };
      const noteHits = notes.rank(parsed, limit);
      const merged = [...paragraphs.hits, ...noteHits].sort(
        (a, b) =>
          b.hit.score - a.hit.score ||
          (a.hit.kind === 'note' ? -1 : 0) - (b.hit.kind === 'note' ? -1 : 0) ||
          a.rank - b.rank,
      );
      const hits = merged.slice(0, limit).map((h) => h.hit);
      const more = paragraphs.more || merged.length > limit;
      if (hits.length > 0 || parsed.units.length === 0) return { query, hits, more, suggestions: [] };
      return { ...current.search(query, { limit: 1 }), query, hits: [], more: false };
    },
    async findInDocument(documentId, query) {
      const doc = await library.get(documentId);
      if (!doc.ok) return fail(doc.error.code, doc.error.message);
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
    setNotes(annotations) {
      notes.setNotes(annotations);
    },
    async addDocuments(documents) {
      await ready;
      // A document removed and added again (same bytes, same id) is still in the index.
      const fresh = documents.filter((d) => !added.has(d.meta.id));
      for (const d of documents) removed.delete(d.meta.id);
      for (const d of fresh) added.add(d.meta.id);
      if (fresh.length > 0) (engine as SearchEngine | null)?.add(paragraphRecords(fresh));
    },
    removeDocument(id) {
      removed.add(id);
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
