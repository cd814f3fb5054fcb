// Shared by the search unit tests: an engine over the real shipped documents.
import { join } from 'node:path';
import { openCollection, type Collection } from '../../../../src-main/services/documents/collection';
import type { ReaderDocument } from '../../../../src-main/shared/documents/model';
import { SearchEngine } from '../../../../src-main/services/search/engine';
import { paragraphRecords } from '../../../../src-main/services/search/service';
import type { SearchHit } from '../../../../src-main/shared/search';

export const ROOT = join(import.meta.dirname, '../../../..');
export const DOCS = join(ROOT, 'resources/documents');
export const NCP = '000_85e98cc4eb8dedfb';
export const PLAN = '003_e730e55ba1c2e8b7';

export async function openDocs(dir: string = DOCS): Promise<Collection> {
  return openCollection(dir, { cacheDir: null, origin: 'shipped' });
}

/** The shipped documents, every one parsed. */
export async function realLibrary(): Promise<{ documents: ReaderDocument[] }> {
  const documents = await (await openDocs()).loadAll();
  if (documents.length < 2) throw new Error('the shipped documents are missing');
  return { documents };
}

export async function realEngine(): Promise<SearchEngine> {
  const engine = new SearchEngine();
  engine.add(paragraphRecords((await realLibrary()).documents));
  return engine;
}

/** The matched words of a hit, as the user sees them highlighted. */
export const marked = (hit: SearchHit): string[] => hit.matches.map((m) => hit.text.slice(m.start, m.end));
export const where = (hit: SearchHit): string => `${hit.documentId}#${hit.paragraph}`;
