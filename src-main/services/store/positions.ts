// Owns the reading_positions table: the paragraph the user last read in each document, and
// which document they read last (the newest row). The settings service reports the newest as
// lastDocumentId/lastParagraph, so the app reopens where the user left off.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export interface ReadingPosition {
  readonly documentId: string;
  readonly paragraph: number;
  /** ISO 8601 time it was recorded. */
  readonly updated: string;
}

export class PositionRepository {
  readonly #latest: StatementSync;
  readonly #of: StatementSync;
  readonly #put: StatementSync;

  constructor(db: DatabaseSync) {
    this.#latest = db.prepare(
      'SELECT document_id AS documentId, paragraph, updated FROM reading_positions ORDER BY updated DESC, rowid DESC LIMIT 1',
    );
    this.#of = db.prepare(
      'SELECT document_id AS documentId, paragraph, updated FROM reading_positions WHERE document_id = ?',
    );
    this.#put = db.prepare(
      `INSERT INTO reading_positions (document_id, paragraph, updated) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET paragraph = excluded.paragraph, updated = excluded.updated`,
    );
  }

  latest(): ReadingPosition | null {
    const row = this.#latest.get() as ReadingPosition | undefined;
    return row ? { ...row } : null;
  }

  of(documentId: string): ReadingPosition | null {
    const row = this.#of.get(documentId) as ReadingPosition | undefined;
    return row ? { ...row } : null;
  }

  put(documentId: string, paragraph: number, updated = new Date().toISOString()): void {
    this.#put.run(documentId, paragraph, updated);
  }
}
