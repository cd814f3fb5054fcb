// Owns the database schema and its versions. Each migration runs once, in order, inside one
// transaction with the `user_version` it brings the file to; a database from a newer release
// (a higher user_version) is opened without writing anything (see database.ts).
import type { DatabaseSync } from 'node:sqlite';

/**
 * Notes with text that SQLite cannot hold as UTF-8 (lone surrogates) are kept as UTF-16 BLOBs,
 * so those columns are ANY (annotations.ts, `toColumn`). Tags and history are JSON arrays.
 * `seq` is the change counter's value when the row was last written: another process on the
 * same file reads only rows with a newer seq (and the tombstones of deleted notes).
 */
const V1 = `
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;
INSERT INTO counters (name, value) VALUES ('change', 0);

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE annotations (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,
  paragraph INTEGER NOT NULL CHECK (paragraph >= 1),
  quote_exact ANY NOT NULL,
  quote_prefix ANY NOT NULL,
  quote_suffix ANY NOT NULL,
  position_start INTEGER NOT NULL CHECK (position_start >= 0),
  position_end INTEGER NOT NULL CHECK (position_end > position_start),
  colour TEXT CHECK (colour IN ('yellow', 'green', 'blue', 'pink', 'purple')),
  note ANY NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  seq INTEGER NOT NULL
) STRICT;
CREATE INDEX annotations_by_seq ON annotations (seq);
CREATE INDEX annotations_by_document ON annotations (document_id);

CREATE TABLE annotation_revisions (
  annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  n INTEGER NOT NULL,
  colour TEXT,
  note ANY NOT NULL,
  tags TEXT NOT NULL,
  modified TEXT NOT NULL,
  PRIMARY KEY (annotation_id, n)
) STRICT, WITHOUT ROWID;

CREATE TABLE annotation_deletions (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL
) STRICT;
CREATE INDEX annotation_deletions_by_seq ON annotation_deletions (seq);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE reading_positions (
  document_id TEXT PRIMARY KEY,
  paragraph INTEGER NOT NULL CHECK (paragraph >= 1),
  updated TEXT NOT NULL
) STRICT;
CREATE INDEX reading_positions_by_time ON reading_positions (updated);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  metadata TEXT NOT NULL,
  document TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  added TEXT NOT NULL
) STRICT;
CREATE INDEX documents_by_sha256 ON documents (sha256);
`;

/**
 * Notes at scale (100,000): the counts by document and colour, the notes panel's document
 * order and the tags in use each read one covering index (not the rows), and
 * the notes' search terms live in the file (note-terms.ts), so nothing at start reads every
 * note. `notes_terms` is a contentless FTS5 table keyed by the annotation's rowid, holding the
 * Swedish analyser's keys of the note and its tags (and each key spelt backwards and marked
 * with ~, for compound tails); it is filled by the process that searches, for the rows whose `seq` is past the
 * watermark in `meta`, and a trigger drops a deleted annotation's terms in whichever process
 * deletes it. Created only where SQLite has FTS5 (then search reads the notes instead).
 */
const V2_INDEXES = `
CREATE INDEX annotations_by_document_colour ON annotations (document_id, colour);
CREATE INDEX annotations_by_document_position ON annotations (document_id, position_start);
CREATE INDEX annotations_by_tags ON annotations (tags) WHERE tags != '[]';
DROP INDEX annotations_by_document;
`;
const V2_TERMS = `
CREATE VIRTUAL TABLE notes_terms USING fts5(
  terms, content = '', contentless_delete = 1, detail = none,
  tokenize = "unicode61 remove_diacritics 0 tokenchars '-:/+~'"
);
CREATE TRIGGER annotations_drop_terms AFTER DELETE ON annotations BEGIN
  DELETE FROM notes_terms WHERE rowid = old.rowid;
END;
`;

/** True when this SQLite was built with FTS5 (Node 24's and Electron 45's are). */
export function hasFts5(db: DatabaseSync): boolean {
  const row = db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS used").get() as {
    used: number;
  };
  return row.used === 1;
}

type Step = string | ((db: DatabaseSync) => string);

/** Index i holds the SQL that takes the schema from version i to i + 1. */
export const MIGRATIONS: readonly Step[] = [V1, (db) => V2_INDEXES + (hasFts5(db) ? V2_TERMS : '')];
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/**
 * Brings the schema up to SCHEMA_VERSION. Each step is its own IMMEDIATE transaction and checks
 * the version again inside it, so two processes starting at once migrate exactly once.
 */
export function migrate(db: DatabaseSync): void {
  for (;;) {
    db.exec('BEGIN IMMEDIATE');
    try {
      const version = schemaVersion(db);
      const step = MIGRATIONS[version];
      if (version >= SCHEMA_VERSION || step === undefined) {
        db.exec('COMMIT');
        return;
      }
      db.exec(typeof step === 'string' ? step : step(db));
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }
}
