// Owns the notes' search terms in the database (the `notes_terms` FTS5 table, migrations.ts):
// bringing them up to date with the annotations changed since the last look, in slices, and
// finding the annotations whose terms match a query's words. The terms are made by the
// caller's analyser (services/search/notes.ts); this module only stores and looks them up,
// so the store never needs the lexicon and a save never waits for analysis.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** A note's analysed keys (note text and tags), and the same keys spelt backwards. */
export interface NoteTerms {
  readonly terms: string;
  readonly reversed: string;
}

/** Turns a note and its tags into terms; null when there is nothing to find it by. */
export type Analyse = (note: string, tags: readonly string[]) => NoteTerms | null;

/** A row to analyse: rowid, note, tags, seq. */
type PendingRow = [number, unknown, string, number];

const WATERMARK = 'notes_terms_watermark';

/** Query words spelt backwards match compound tails from this length on (flex.ts's rule). */
const MIN_SUFFIX_LENGTH = 3;

/** Characters a stored key keeps within one token (the table's tokenchars, with letters and digits). */
const ONE_TOKEN = /^[\p{L}\p{N}\-:/+]+$/u;
/** Marks a key spelt backwards, so it never meets a forward key of the same letters. */
const BACKWARDS = '~';

const prefix = (token: string) => `"${token.replaceAll('"', '""')}"*`;
const backwards = (word: string) => [...word].reverse().join('');

/**
 * The FTS5 expression for words that must all occur, each as a key it starts or ends with
 * (equal, prefix while typing, compound tail), the rule the verification applies. A word the
 * tokenizer would split (a character it does not keep) asks for each piece as a prefix: more
 * candidates, never fewer, and the caller checks each one.
 */
export function matchExpression(words: readonly string[]): string {
  return words
    .filter((w) => w !== '')
    .map((w) => {
      if (!ONE_TOKEN.test(w)) {
        const pieces = w.split(/[^\p{L}\p{N}\-:/+]+/u).filter((p) => p !== '');
        return pieces.length ? `(${pieces.map(prefix).join(' AND ')})` : '';
      }
      return w.length >= MIN_SUFFIX_LENGTH
        ? `(${prefix(w)} OR ${prefix(BACKWARDS + backwards(w))})`
        : prefix(w);
    })
    .filter((e) => e !== '')
    .join(' AND ');
}

/** The one stored column: the keys, then each key spelt backwards and marked. */
function stored(found: NoteTerms): string {
  const reversed = found.reversed.split(' ').filter((k) => k !== '');
  return `${found.terms} ${reversed.map((k) => BACKWARDS + k).join(' ')}`;
}

export class NoteTermsRepository {
  readonly available: boolean;
  readonly #db: DatabaseSync;
  readonly #pendingSame: StatementSync | null = null;
  readonly #pending: StatementSync | null = null;
  readonly #put: StatementSync | null = null;
  readonly #drop: StatementSync | null = null;
  readonly #match: StatementSync | null = null;
  readonly #readMark: StatementSync;
  readonly #writeMark: StatementSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.available =
      db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'notes_terms'").get() !==
      undefined;
    this.#readMark = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.#writeMark = db.prepare(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    if (!this.available) return;
    // Two ranges of the seq index (a row value comparison would scan the table): the rest of
    // the last change's rows, then every later change's.
    this.#pendingSame = db.prepare(
      'SELECT rowid, note, tags, seq FROM annotations WHERE seq = ? AND rowid > ? ORDER BY rowid LIMIT ?',
    );
    this.#pendingSame.setReturnArrays(true);
    this.#pending = db.prepare(
      'SELECT rowid, note, tags, seq FROM annotations WHERE seq > ? ORDER BY seq, rowid LIMIT ?',
    );
    this.#pending.setReturnArrays(true);
    this.#put = db.prepare('INSERT OR REPLACE INTO notes_terms (rowid, terms) VALUES (?, ?)');
    this.#drop = db.prepare('DELETE FROM notes_terms WHERE rowid = ?');
    // Newest first, streamed from the doclists: ranking every match by bm25 first costs
    // hundreds of ms for a word most of 100,000 notes hold; the caller ranks what it gets.
    this.#match = db.prepare(
      'SELECT rowid FROM notes_terms WHERE notes_terms MATCH ? ORDER BY rowid DESC LIMIT ?',
    );
    this.#match.setReturnArrays(true);
  }

  /** Where the terms are up to: the last (seq, rowid) analysed, under which analyser version. */
  #watermark(version: string): { seq: number; rowid: number } {
    const row = this.#readMark.get(WATERMARK) as { value: string } | undefined;
    const [seq, rowid, at] = (row?.value ?? '').split(' ');
    if (at !== version) return { seq: -1, rowid: -1 };
    return { seq: Number(seq), rowid: Number(rowid) };
  }

  /** Up to `max` rows changed after the watermark, in (seq, rowid) order. */
  #after(seq: number, rowid: number, max: number): PendingRow[] {
    if (!this.#pending || !this.#pendingSame) return [];
    const same = this.#pendingSame.all(seq, rowid, max) as unknown as PendingRow[];
    if (same.length >= max) return same;
    return [...same, ...(this.#pending.all(seq, max - same.length) as unknown as PendingRow[])];
  }

  /** True when annotations changed since the terms were last brought up to date. */
  stale(version: string): boolean {
    const { seq, rowid } = this.#watermark(version);
    return this.#after(seq, rowid, 1).length > 0;
  }

  /**
   * Analyses up to `max` annotations changed since the watermark, in one IMMEDIATE
   * transaction (`transaction`, so another process indexing at once never doubles the work);
   * returns how many. A new analyser version starts over from nothing.
   */
  catchUp(
    version: string,
    analyse: Analyse,
    max: number,
    transaction: <T>(fn: () => T) => T,
    decode: (column: unknown) => string,
  ): number {
    const put = this.#put;
    const drop = this.#drop;
    if (!put || !drop) return 0;
    return transaction(() => {
      let { seq, rowid } = this.#watermark(version);
      if (seq < 0) this.#db.exec("INSERT INTO notes_terms (notes_terms) VALUES ('delete-all')");
      const rows = this.#after(seq, rowid, max);
      for (const [id, note, tags, rowSeq] of rows) {
        const found = analyse(decode(note), tags === '[]' ? [] : (JSON.parse(tags) as string[]));
        if (found) put.run(id, stored(found));
        else drop.run(id);
        seq = rowSeq;
        rowid = id;
      }
      if (rows.length > 0 || seq < 0)
        this.#writeMark.run(WATERMARK, `${Math.max(seq, 0)} ${rowid} ${version}`);
      return rows.length;
    });
  }

  /** Rowids of annotations whose terms hold every word (analysed), the newest first. */
  match(words: readonly string[], limit: number): number[] {
    const expression = matchExpression(words);
    if (!this.#match || expression === '') return [];
    return (this.#match.all(expression, limit) as unknown as Array<[number]>).map(([id]) => id);
  }
}
