// Owns the annotation tables: rows ↔ Annotation objects, and the change counter that lets
// another process read only what changed. Every write here runs inside the caller's
// transaction (UserDatabase.transaction). Text SQLite cannot hold as UTF-8 (a lone surrogate)
// is stored as a UTF-16 BLOB so a note comes back exactly as typed.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Annotation, AnnotationRevision, HighlightColour } from '../../shared/annotation';

type Column = string | Uint8Array;

/** Matches a lone surrogate (in `u` mode a proper pair is one code point, never Cs). */
const LONE_SURROGATE = /\p{Cs}/u;

function toColumn(text: string): Column {
  return LONE_SURROGATE.test(text) ? Buffer.from(text, 'utf16le') : text;
}

export function fromColumn(value: unknown): string {
  if (typeof value === 'string') return value;
  const bytes = value as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf16le');
}

export const COLUMNS =
  'id, document_id, paragraph, quote_exact, quote_prefix, quote_suffix, position_start, position_end, colour, note, tags, created, modified';

/** A row as an array, in COLUMNS order (arrays: ~2× faster than objects at 100,000 rows). */
export type Row = [
  string,
  string,
  number,
  Column,
  Column,
  Column,
  number,
  number,
  string | null,
  Column,
  string,
  string,
  string,
];
export type RevisionRow = [string, string | null, Column, string, string];

/** Shared by every annotation without tags or history (the arrays are readonly). */
const NO_TAGS: readonly string[] = Object.freeze([]);
export const NO_HISTORY: readonly AnnotationRevision[] = Object.freeze([]);

/**
 * Tags as stored (JSON.stringify of the array). Without a backslash no tag holds a quote or an
 * escape, so splitting between `","` is exact and skips a JSON.parse per note at load.
 */
export function tagsOf(json: string): readonly string[] {
  if (json === '[]') return NO_TAGS;
  if (json.includes('\\')) return JSON.parse(json) as string[];
  return json.slice(2, -2).split('","');
}

export function fromRow(row: Row, history: readonly AnnotationRevision[]): Annotation {
  return {
    id: row[0],
    documentId: row[1],
    paragraph: row[2],
    quote: {
      type: 'TextQuoteSelector',
      exact: fromColumn(row[3]),
      prefix: fromColumn(row[4]),
      suffix: fromColumn(row[5]),
    },
    position: { type: 'TextPositionSelector', start: row[6], end: row[7] },
    colour: row[8] as HighlightColour | null,
    note: fromColumn(row[9]),
    tags: tagsOf(row[10]),
    created: row[11],
    modified: row[12],
    history,
  };
}

export function groupRevisions(rows: RevisionRow[]): Map<string, AnnotationRevision[]> {
  const byId = new Map<string, AnnotationRevision[]>();
  for (const [id, colour, note, tags, modified] of rows) {
    const list = byId.get(id) ?? [];
    list.push({
      colour: colour as HighlightColour | null,
      note: fromColumn(note),
      tags: tagsOf(tags),
      modified,
    });
    byId.set(id, list);
  }
  return byId;
}

export class AnnotationRepository {
  readonly #all: StatementSync;
  readonly #allRevisions: StatementSync;
  readonly #one: StatementSync;
  readonly #revisionsOf: StatementSync;
  readonly #bump: StatementSync;
  readonly #seq: StatementSync;
  readonly #upsert: StatementSync;
  readonly #clearRevisions: StatementSync;
  readonly #addRevision: StatementSync;
  readonly #delete: StatementSync;
  readonly #tombstone: StatementSync;
  readonly #untombstone: StatementSync;

  constructor(db: DatabaseSync) {
    const arrays = (sql: string) => {
      const statement = db.prepare(sql);
      statement.setReturnArrays(true);
      return statement;
    };
    this.#all = arrays(`SELECT ${COLUMNS} FROM annotations ORDER BY rowid`);
    this.#allRevisions = arrays(
      'SELECT annotation_id, colour, note, tags, modified FROM annotation_revisions ORDER BY annotation_id, n',
    );
    this.#one = arrays(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`);
    this.#revisionsOf = arrays(
      'SELECT annotation_id, colour, note, tags, modified FROM annotation_revisions WHERE annotation_id = ? ORDER BY n',
    );
    this.#bump = db.prepare("UPDATE counters SET value = value + 1 WHERE name = 'change' RETURNING value");
    this.#seq = db.prepare("SELECT value FROM counters WHERE name = 'change'");
    this.#upsert = db.prepare(
      `INSERT INTO annotations (${COLUMNS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET document_id = excluded.document_id, paragraph = excluded.paragraph,
         quote_exact = excluded.quote_exact, quote_prefix = excluded.quote_prefix,
         quote_suffix = excluded.quote_suffix, position_start = excluded.position_start,
         position_end = excluded.position_end, colour = excluded.colour, note = excluded.note,
         tags = excluded.tags, created = excluded.created, modified = excluded.modified, seq = excluded.seq`,
    );
    this.#clearRevisions = db.prepare('DELETE FROM annotation_revisions WHERE annotation_id = ?');
    this.#addRevision = db.prepare(
      'INSERT INTO annotation_revisions (annotation_id, n, colour, note, tags, modified) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#delete = db.prepare('DELETE FROM annotations WHERE id = ?');
    this.#tombstone = db.prepare(
      'INSERT INTO annotation_deletions (id, seq) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq',
    );
    this.#untombstone = db.prepare('DELETE FROM annotation_deletions WHERE id = ?');
  }

  /**
   * Every annotation, in the order they were first saved, and the change counter: export, the
   * CLI and tests; never on the app's start path (annotation-queries.ts reads in pieces).
   */
  loadAll(): { annotations: Annotation[]; seq: number } {
    const revisions = groupRevisions(this.#allRevisions.all() as unknown as RevisionRow[]);
    const rows = this.#all.all() as unknown as Row[];
    const annotations = rows.map((row) => fromRow(row, revisions.get(row[0]) ?? NO_HISTORY));
    return { annotations, seq: this.seq() };
  }

  get(id: string): Annotation | undefined {
    const row = this.#one.get(id) as unknown as Row | undefined;
    if (!row) return undefined;
    return fromRow(
      row,
      groupRevisions(this.#revisionsOf.all(id) as unknown as RevisionRow[]).get(id) ?? NO_HISTORY,
    );
  }

  seq(): number {
    return (this.#seq.get() as { value: number }).value;
  }

  /** Takes the next change number; call once per transaction, before writing. */
  nextSeq(): number {
    return (this.#bump.get() as { value: number }).value;
  }

  put(a: Annotation, seq: number): void {
    this.#upsert.run(
      a.id,
      a.documentId,
      a.paragraph,
      toColumn(a.quote.exact),
      toColumn(a.quote.prefix),
      toColumn(a.quote.suffix),
      a.position.start,
      a.position.end,
      a.colour,
      toColumn(a.note),
      JSON.stringify(a.tags),
      a.created,
      a.modified,
      seq,
    );
    this.#untombstone.run(a.id);
    this.#clearRevisions.run(a.id);
    a.history.forEach((h, n) =>
      this.#addRevision.run(a.id, n, h.colour, toColumn(h.note), JSON.stringify(h.tags), h.modified),
    );
  }

  /** Deletes the annotation (its revisions go with it) and leaves a tombstone for other processes. */
  remove(id: string, seq: number): boolean {
    const { changes } = this.#delete.run(id);
    if (changes > 0) this.#tombstone.run(id, seq);
    return changes > 0;
  }
}
