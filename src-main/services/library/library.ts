// Owns the shipped library: reads every `<id>.txt` with its `<id>.json` metadata from the
// documents folder, parses them once, and answers list/get. Imports nothing from electron.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DOCUMENT_ID_PATTERN,
  type DocumentMeta,
  type DocumentSummary,
  type LibraryDocument,
} from '../../shared/model';
import { fail, ok, type Result } from '../../shared/result';
import { parseDocument } from './parse';

const MetaFileSchema = z.strictObject({
  title: z.string().trim().min(1).max(300),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/),
  description: z.string().trim().min(1).max(500),
});

export interface Library {
  readonly documents: readonly LibraryDocument[];
  /** Files that could not be loaded, each as a sentence naming the file and the fix. */
  readonly problems: readonly string[];
  list(): DocumentSummary[];
  get(id: string): Result<LibraryDocument>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function loadOne(dir: string, id: string): Promise<LibraryDocument | string> {
  const textFile = `${id}.txt`;
  const metaFile = `${id}.json`;
  let source: string;
  try {
    source = utf8.decode(await readFile(join(dir, textFile)));
  } catch (e) {
    return e instanceof TypeError
      ? `${textFile} är inte giltig UTF-8-text; spara om filen som UTF-8.`
      : `${textFile} kunde inte läsas: ${(e as Error).message}`;
  }
  let metaJson: unknown;
  try {
    metaJson = JSON.parse(await readFile(join(dir, metaFile), 'utf8'));
  } catch (e) {
    return `${metaFile} saknas eller är inte giltig JSON (${(e as Error).message}); varje dokument behöver en metadatafil med title, language och description.`;
  }
  const parsed = MetaFileSchema.safeParse(metaJson);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => i.path.join('.') || '(filen)').join(', ');
    return `${metaFile} har fel fält (${where}); den ska innehålla title, language och description.`;
  }
  const meta: DocumentMeta = { id, ...parsed.data };
  const blocks = parseDocument(source);
  const paragraphCount = blocks.filter((b) => b.kind === 'paragraph').length;
  return { meta, source, blocks, paragraphCount };
}

/** Loads the documents folder. A broken file is reported, never fatal for the others. */
export async function openLibrary(dir: string): Promise<Library> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    return createLibrary([], [`Dokumentmappen ${dir} kunde inte läsas: ${(e as Error).message}`]);
  }
  const ids = names
    .filter((n) => n.endsWith('.txt'))
    .map((n) => n.slice(0, -'.txt'.length))
    .sort();
  const documents: LibraryDocument[] = [];
  const problems: string[] = [];
  for (const id of ids) {
    if (!DOCUMENT_ID_PATTERN.test(id)) {
      problems.push(`${id}.txt har ett ogiltigt filnamn; använd små bokstäver, siffror, _ och -.`);
      continue;
    }
    const loaded = await loadOne(dir, id);
    if (typeof loaded === 'string') problems.push(loaded);
    else documents.push(loaded);
  }
  return createLibrary(documents, problems);
}

export function createLibrary(documents: LibraryDocument[], problems: string[]): Library {
  const byId = new Map(documents.map((d) => [d.meta.id, d]));
  return {
    documents,
    problems,
    list: () => documents.map((d) => ({ ...d.meta, paragraphCount: d.paragraphCount })),
    get(id) {
      const doc = byId.get(id);
      return doc ? ok(doc) : fail('not-found', `Dokumentet "${id}" finns inte i biblioteket.`);
    },
  };
}
