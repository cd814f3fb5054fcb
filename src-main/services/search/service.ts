// Owns the app's search service: the paragraph index of the library (loaded from the stored
// index when its content hash matches, otherwise rebuilt off the event loop and stored),
// the user's notes, and the answers the IPC table and the CLI give.
import { join } from 'node:path';
import type { Annotation } from '../../shared/annotation';
import type { LibraryDocument } from '../../shared/model';
import type { DocumentMatch, DocumentMatchesResponse, SearchResponse } from '../../shared/search';
import { fail, ok, type Result } from '../../shared/result';
import type { Library } from '../library/library';
import { buildEngine } from './build';
import { DEFAULT_LIMIT, SearchEngine, documentRecord, type ParagraphRecord } from './engine';
import { INDEX_FILE_NAME, contentHash, readIndexFile, writeIndexFile } from './index-file';
import { matchText } from './match';
import { setLexiconDir } from './lexicon';
import { NotesIndex } from './notes';
import { parseQuery } from './query';

export interface SearchService {
  /** Resolves when the index is loaded or built; how it got there, for the log. */
  readonly ready: Promise<string>;
  search(query: string, options?: { limit?: number; verbatim?: boolean }): Promise<SearchResponse>;
  findInDocument(documentId: string, query: string): Result<DocumentMatchesResponse>;
  /** Replaces the notes and tags that search finds (the annotation store calls this). */
  setNotes(annotations: readonly Annotation[]): void;
}

/**
 * One record per paragraph, in library order, each with the heading it stands under, and
 * one per document for its title (and designation, once the document model has one).
 */
export function paragraphRecords(documents: readonly LibraryDocument[]): ParagraphRecord[] {
  const records: ParagraphRecord[] = [];
  for (const doc of documents) {
    const firstParagraph = doc.blocks.find((b) => b.kind === 'paragraph');
    records.push(
      documentRecord({
        documentId: doc.meta.id,
        title: doc.meta.title,
        designation: (doc.meta as { designation?: string }).designation ?? null,
        firstParagraph: firstParagraph?.kind === 'paragraph' ? firstParagraph.paragraph : 1,
      }),
    );
    let heading: string | null = null;
    for (const block of doc.blocks) {
      if (block.kind === 'heading') heading = block.text;
      else if (block.kind === 'paragraph') {
        records.push({
          documentId: doc.meta.id,
          title: doc.meta.title,
          paragraph: block.paragraph,
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

async function loadEngine(
  records: ParagraphRecord[],
  options: SearchServiceOptions,
): Promise<[SearchEngine, string]> {
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
  // The lexicon ships beside the documents (<resources>/lexicon).
  setLexiconDir(join(options.resourcesDir, 'lexicon'));
  const records = paragraphRecords(library.documents);
  const titles = new Map(library.documents.map((d) => [d.meta.id, d.meta.title]));
  const notes = new NotesIndex((id) => titles.get(id) ?? id);
  let engine: SearchEngine | null = null;
  const ready = loadEngine(records, options).then(([loaded, how]) => {
    engine = loaded;
    return how;
  });
  // A failed load surfaces on the first search; never as an unhandled rejection.
  ready.catch((e: unknown) => options.log?.(`Sökindexet kunde inte läsas in: ${(e as Error).message}`));

  return {
    ready,
    async search(query, { limit = DEFAULT_LIMIT, verbatim = false } = {}) {
      await ready;
      const current = engine as SearchEngine | null;
      if (!current) return { query, hits: [], more: false, suggestions: [] };
      // Notes join the same ranked list, for the query as typed and for a corrected one.
      return current.search(query, { limit, verbatim, extra: (parsed, n) => notes.rank(parsed, n) });
    },
    findInDocument(documentId, query) {
      const doc = library.get(documentId);
      if (!doc.ok) return fail(doc.error.code, doc.error.message);
      const parsed = parseQuery(query);
      const matches: DocumentMatch[] = [];
      if (parsed.units.length > 0) {
        for (const block of doc.value.blocks) {
          if (block.kind !== 'paragraph') continue;
          const found = matchText(block.text, parsed);
          for (const r of found.ranges)
            matches.push({ paragraph: block.paragraph, start: r.start, end: r.end });
        }
      }
      return ok({ documentId, query, matches });
    },
    setNotes(annotations) {
      notes.setNotes(annotations);
    },
  };
}

/** Builds the index of a resources folder's documents and stores it there (the build step). */
export async function writeResourcesIndex(
  resourcesDir: string,
): Promise<{ paragraphs: number; documents: number; path: string; problems: readonly string[] }> {
  const { openLibrary } = await import('../library/library');
  setLexiconDir(join(resourcesDir, 'lexicon'));
  const library = await openLibrary(join(resourcesDir, 'documents'));
  const records = paragraphRecords(library.documents);
  const { engine, data } = await buildEngine(records);
  const path = join(resourcesDir, INDEX_FILE_NAME);
  await writeIndexFile(path, contentHash(records), records.length, data ?? engine.export());
  return {
    paragraphs: records.length,
    documents: library.documents.length,
    path,
    problems: library.problems,
  };
}
