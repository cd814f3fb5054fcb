// Owns the reading_positions table: the paragraph the user last read in each document, and
// which document they read last (the newest row). The settings service reports the newest as
// lastDocumentId/lastParagraph, so the app reopens where the user left off.
import type { DatabaseSync } from 'node:sqlite';
import { Statements } from './statements';

export interface ReadingPosition {
  readonly documentId: string;
  readonly paragraph: number;
  /** ISO 8601 time it was recorded. */
  readonly updated: string;
}

const SQL = {
  latest:
    'SELECT document_id AS documentId, paragraph, updated FROM reading_positions ORDER BY updated DESC, rowid DESC LIMIT 1',
  of: 'SELECT document_id AS documentId, paragraph, updated FROM reading_positions WHERE document_id = ?',
  put: `INSERT INTO reading_positions (document_id, paragraph, updated) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET paragraph = excluded.paragraph, updated = excluded.updated`,
} as const;

export class PositionRepository {
  readonly #statements: Statements;

  constructor(db: DatabaseSync) {
    this.#statements = new Statements(db);
  }

  latest(): ReadingPosition | null {
    const row = this.#statements.get(SQL.latest).get() as ReadingPosition | undefined;
    return row ? { ...row } : null;
  }

  of(documentId: string): ReadingPosition | null {
    const row = this.#statements.get(SQL.of).get(documentId) as ReadingPosition | undefined;
    return row ? { ...row } : null;
  }

  put(documentId: string, paragraph: number, updated = new Date().toISOString()): void {
    this.#statements.get(SQL.put).run(documentId, paragraph, updated);
  }
}
