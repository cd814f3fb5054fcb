// A plain reader of a collection folder (manifest.ndjson + Markdown) for the search scripts,
// until the structured document model lands: blocks are blank-line-separated chunks with
// Markdown markup stripped; `#`/`##` chunks are headings, the others numbered paragraphs.
// Gives the engine's input: paragraph records and one document record per document.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { documentRecord, type ParagraphRecord } from '../src-main/services/search/engine';

export interface ManifestEntry {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly designation?: string;
  readonly type?: string;
}

export interface CollectionDocument {
  readonly meta: ManifestEntry;
  /** Paragraphs in order, numbered from 1, each with the heading it stands under. */
  readonly paragraphs: ReadonlyArray<{
    readonly number: number;
    readonly heading: string | null;
    readonly text: string;
  }>;
}

/** The shared folder: LASAREN_SHARED, else the first of ../shared and ../../shared beside the repo. */
export function sharedDir(): string {
  const repo = resolve(import.meta.dirname, '..');
  const options = [process.env.LASAREN_SHARED, join(repo, '..', 'shared'), join(repo, '..', '..', 'shared')];
  const found = options.find((d): d is string => !!d && existsSync(d));
  if (!found) throw new Error('Hittar inte shared-mappen (sätt LASAREN_SHARED).');
  return found;
}

/** Markdown markup a reader does not see: links, emphasis, code marks, list bullets, quotes. */
function plain(chunk: string): string {
  return chunk
    .split('\n')
    .map((line) => line.replace(/^\s*(?:[*+-]|\d+[.)])\s+/, '').replace(/^\s*>\s?/, ''))
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|`)/g, '')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A flat copy of a string: the replace and trim chain leaves V8 sliced strings that keep
 * their parents alive (110 MB instead of 69 MB for all of regeringen.se's paragraphs).
 */
const flat = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

export function readMarkdown(text: string): CollectionDocument['paragraphs'] {
  const paragraphs: Array<{ number: number; heading: string | null; text: string }> = [];
  let heading: string | null = null;
  for (const chunk of text.split(/\n\s*\n/)) {
    const trimmed = chunk.trim();
    if (trimmed === '' || /^[-|:\s]+$/.test(trimmed)) continue;
    const title = /^(#{1,6})\s+(.*)$/s.exec(trimmed);
    if (title) {
      // The document's own title (#) is in the manifest; headings (##…) head what follows.
      if ((title[1] as string).length > 1) heading = flat(plain(title[2] as string));
      continue;
    }
    const body = flat(plain(trimmed));
    if (body !== '') paragraphs.push({ number: paragraphs.length + 1, heading, text: body });
  }
  return paragraphs;
}

export function readCollection(dir: string, limit = Infinity): CollectionDocument[] {
  const docs: CollectionDocument[] = [];
  for (const line of readFileSync(join(dir, 'manifest.ndjson'), 'utf8').split('\n')) {
    if (line.trim() === '' || docs.length >= limit) continue;
    const meta = JSON.parse(line) as ManifestEntry;
    const path = join(dir, meta.file);
    if (!existsSync(path)) continue;
    docs.push({ meta, paragraphs: readMarkdown(readFileSync(path, 'utf8')) });
  }
  return docs;
}

/**
 * The designation of a document, from the manifest or, for propositions the manifest gives
 * none, from the id (proposition-prop-20121363 → Prop. 2012/13:63) when it reads as one.
 */
export function designationOf(meta: ManifestEntry): string | null {
  if (meta.designation?.trim()) return meta.designation.trim();
  const prop = /^proposition-prop-(\d{4})(\d{2})(\d+)$/.exec(meta.id);
  if (prop && (Number(prop[1]) + 1) % 100 === Number(prop[2]))
    return `Prop. ${prop[1]}/${prop[2]}:${prop[3]}`;
  return null;
}

/** The engine's input for a collection: per document its title entry, then its paragraphs. */
export function collectionRecords(docs: readonly CollectionDocument[]): ParagraphRecord[] {
  const records: ParagraphRecord[] = [];
  for (const { meta, paragraphs } of docs) {
    records.push(
      documentRecord({
        documentId: meta.id,
        title: meta.title,
        designation: designationOf(meta),
        firstParagraph: paragraphs[0]?.number ?? 1,
      }),
    );
    for (const p of paragraphs)
      records.push({
        documentId: meta.id,
        title: meta.title,
        paragraph: p.number,
        heading: p.heading,
        text: p.text,
      });
  }
  return records;
}
