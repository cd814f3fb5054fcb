// Owns reading annotations in the pieces the app needs, so nothing reads all of them at start:
// one document's annotations (indexed by document id), the counts per document and colour
// (one covering index), the tags in use, and the notes panel's order under a filter (rowids
// only, filtered and sorted in SQL; a page's rows are read by rowid). The filter's text and
// tag tests are JavaScript functions registered on the connection, so SQL applies exactly the
// rules of shared/notes-filter.ts; the library's document order is applied to runs of rows.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Annotation, HighlightColour } from '../../shared/annotation';
import { filterWords, foldText, type NotesFilter } from '../../shared/notes-filter';
import type { NotesSort } from '../../shared/notes-query';
import {
  COLUMNS,
  NO_HISTORY,
  fromColumn,
  fromRow,
  groupRevisions,
  tagsOf,
  type RevisionRow,
  type Row,
} from './annotations';

/** Where a document stands in the library's order; unknown documents go last. */
export type DocumentOrder = (documentId: string) => number;

export interface AnnotationCounts {
  readonly total: number;
  readonly byDocument: Record<string, number>;
  readonly byColour: Record<HighlightColour | 'none', number>;
}

const LAST = Number.MAX_SAFE_INTEGER;

/** Document order is by document id in SQL (an index walk); runs are put in library order in JS. */
const ORDER_BY: Record<NotesSort, string> = {
  document: 'document_id, position_start, rowid',
  newest: 'modified DESC, rowid',
  oldest: 'modified, rowid',
};

/** Rows sorted by document id, one run per document, reordered by the library's order. */
function inDocumentOrder(rows: ReadonlyArray<readonly [number, string]>, order: DocumentOrder): number[] {
  const runs: Array<{ rank: number; from: number; to: number }> = [];
  for (let i = 0; i < rows.length; i++) {
    const id = (rows[i] as readonly [number, string])[1];
    const last = runs[runs.length - 1];
    if (last && (rows[last.from] as readonly [number, string])[1] === id) last.to = i + 1;
    else runs.push({ rank: order(id), from: i, to: i + 1 });
  }
  runs.sort((a, b) => a.rank - b.rank || a.from - b.from);
  const ids: number[] = [];
  for (const run of runs)
    for (let i = run.from; i < run.to; i++) ids.push((rows[i] as readonly [number, string])[0]);
  return ids;
}

function haystack(quote: unknown, note: unknown, tags: unknown): string {
  return foldText([fromColumn(quote), fromColumn(note), ...tagsOf(String(tags))].join('\n'));
}

/**
 * A cheap test in SQL before the exact one in JavaScript: a folded word's runs of plain ASCII
 * must each occur (LIKE ignores ASCII case) in one field as stored. Left out of runs: the
 * letters some other character folds into (K from the Kelvin sign, i from İ; ; and ` from
 * their NFC singletons), and " and \ (escaped in the stored tags' JSON). A field kept as a
 * UTF-16 BLOB (a lone surrogate) always passes to the exact test.
 */
const LIKE_ANY = `(typeof(quote_exact) = 'blob' OR typeof(note) = 'blob'
  OR quote_exact LIKE ? ESCAPE '\\' OR note LIKE ? ESCAPE '\\' OR tags LIKE ? ESCAPE '\\')`;

function asciiRuns(word: string): string[] {
  return (word.match(/[\x20-\x7e]+/g) ?? [])
    .flatMap((run) => run.split(/[ik;`"\\]+/))
    .filter((run) => run.length >= 2)
    .map((run) => `%${run.replace(/[%_]/g, (c) => `\\${c}`)}%`);
}

export class AnnotationQueries {
  readonly #db: DatabaseSync;
  readonly #forDocument: StatementSync;
  readonly #revisionsOfDocument: StatementSync;
  readonly #byRowids: StatementSync;
  readonly #revisionsOfRowids: StatementSync;
  readonly #counts: StatementSync;
  readonly #tags: StatementSync;
  #order: DocumentOrder = () => LAST;

  constructor(db: DatabaseSync) {
    this.#db = db;
    const arrays = (sql: string) => {
      const statement = db.prepare(sql);
      statement.setReturnArrays(true);
      return statement;
    };
    db.function('lasaren_has_tag', { deterministic: true }, (tags, wanted) =>
      tagsOf(String(tags)).some((t) => foldText(t) === wanted) ? 1 : 0,
    );
    db.function('lasaren_has_words', { deterministic: true }, (quote, note, tags, words) => {
      const text = haystack(quote, note, tags);
      return (JSON.parse(String(words)) as string[]).every((w) => text.includes(w)) ? 1 : 0;
    });
    this.#forDocument = arrays(
      `SELECT ${COLUMNS} FROM annotations WHERE document_id = ? ORDER BY position_start, rowid`,
    );
    this.#revisionsOfDocument = arrays(
      `SELECT r.annotation_id, r.colour, r.note, r.tags, r.modified FROM annotation_revisions r
       JOIN annotations a ON a.id = r.annotation_id WHERE a.document_id = ? ORDER BY r.annotation_id, r.n`,
    );
    this.#byRowids = arrays(
      `SELECT rowid, ${COLUMNS} FROM annotations WHERE rowid IN (SELECT value FROM json_each(?))`,
    );
    this.#revisionsOfRowids = arrays(
      `SELECT r.annotation_id, r.colour, r.note, r.tags, r.modified FROM annotation_revisions r
       JOIN annotations a ON a.id = r.annotation_id
       WHERE a.rowid IN (SELECT value FROM json_each(?)) ORDER BY r.annotation_id, r.n`,
    );
    this.#counts = arrays(
      'SELECT document_id, colour, count(*) FROM annotations GROUP BY document_id, colour',
    );
    // Distinct tag lists from the partial index on tags (few, however many notes share them).
    this.#tags = arrays("SELECT DISTINCT tags FROM annotations WHERE tags != '[]'");
  }

  /** The library's order for the panel's "document order" sort. */
  setDocumentOrder(order: DocumentOrder): void {
    this.#order = order;
  }

  /** One document's annotations, in text order. */
  forDocument(documentId: string): Annotation[] {
    const history = groupRevisions(this.#revisionsOfDocument.all(documentId) as unknown as RevisionRow[]);
    return (this.#forDocument.all(documentId) as unknown as Row[]).map((row) =>
      fromRow(row, history.get(row[0]) ?? NO_HISTORY),
    );
  }

  /** These rows (by rowid), in the order given; rowids no longer there are left out. */
  byRowids(rowids: readonly number[]): Annotation[] {
    if (rowids.length === 0) return [];
    const json = JSON.stringify(rowids);
    const history = groupRevisions(this.#revisionsOfRowids.all(json) as unknown as RevisionRow[]);
    const byRowid = new Map<number, Annotation>();
    for (const [rowid, ...row] of this.#byRowids.all(json) as unknown as Array<[number, ...Row]>)
      byRowid.set(rowid, fromRow(row, history.get(row[0]) ?? NO_HISTORY));
    return rowids.flatMap((id) => byRowid.get(id) ?? []);
  }

  counts(): AnnotationCounts {
    const byDocument: Record<string, number> = {};
    const byColour: Record<HighlightColour | 'none', number> = {
      yellow: 0,
      green: 0,
      blue: 0,
      pink: 0,
      purple: 0,
      none: 0,
    };
    let total = 0;
    for (const [documentId, colour, n] of this.#counts.all() as unknown as Array<
      [string, HighlightColour | null, number]
    >) {
      byDocument[documentId] = (byDocument[documentId] ?? 0) + n;
      byColour[colour ?? 'none'] += n;
      total += n;
    }
    return { total, byDocument, byColour };
  }

  /** Every tag in use, sorted the Swedish way. */
  tags(): string[] {
    const tags = new Set<string>();
    for (const [list] of this.#tags.all() as unknown as Array<[string]>)
      for (const tag of tagsOf(list)) tags.add(tag);
    return [...tags].sort((a, b) => a.localeCompare(b, 'sv'));
  }

  /** The rowids of the annotations passing the filter, in the sort order. */
  ids(filter: NotesFilter, sort: NotesSort): number[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (filter.documentId) {
      where.push('document_id = ?');
      params.push(filter.documentId);
    }
    if (filter.colour === 'none') where.push('colour IS NULL');
    else if (filter.colour) {
      where.push('colour = ?');
      params.push(filter.colour);
    }
    if (filter.tag?.trim()) {
      where.push("tags != '[]' AND lasaren_has_tag(tags, ?)");
      params.push(foldText(filter.tag.trim()));
    }
    const words = filterWords(filter.text);
    if (words.length > 0) {
      for (const run of words.flatMap(asciiRuns)) {
        where.push(LIKE_ANY);
        params.push(run, run, run);
      }
      where.push('lasaren_has_words(quote_exact, note, tags, ?)');
      params.push(JSON.stringify(words));
    }
    const sql = `SELECT rowid, document_id FROM annotations ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${ORDER_BY[sort]}`;
    const statement = this.#db.prepare(sql);
    statement.setReturnArrays(true);
    const rows = statement.all(...params) as unknown as Array<[number, string]>;
    return sort === 'document' ? inDocumentOrder(rows, this.#order) : rows.map(([id]) => id);
  }
}
