// Owns the documents table, ready for documents the user imports (a later feature): each row
// holds the document's id, its metadata and parsed document as JSON, the original file name,
// the SHA-256 of the original bytes (to recognise a file imported twice) and when it was added.
// The shipped library does not live here; it is read from resources/.
import type { DatabaseSync } from 'node:sqlite';
import { Statements } from './statements';

export interface StoredDocument {
  readonly id: string;
  /** JSON text of the document's metadata. */
  readonly metadata: string;
  /** JSON text of the parsed document. */
  readonly document: string;
  readonly fileName: string;
  readonly sha256: string;
  /** ISO 8601 time it was imported. */
  readonly added: string;
}

const COLUMNS = 'id, metadata, document, file_name AS fileName, sha256, added';

const SQL = {
  put: `INSERT INTO documents (id, metadata, document, file_name, sha256, added) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET metadata = excluded.metadata, document = excluded.document,
         file_name = excluded.file_name, sha256 = excluded.sha256, added = excluded.added`,
  get: `SELECT ${COLUMNS} FROM documents WHERE id = ?`,
  bySha: `SELECT ${COLUMNS} FROM documents WHERE sha256 = ?`,
  list: 'SELECT id, metadata, file_name AS fileName, sha256, added FROM documents ORDER BY added',
  remove: 'DELETE FROM documents WHERE id = ?',
} as const;

export class DocumentRepository {
  readonly #statements: Statements;

  constructor(db: DatabaseSync) {
    this.#statements = new Statements(db);
  }

  put(doc: StoredDocument): void {
    this.#statements
      .get(SQL.put)
      .run(doc.id, doc.metadata, doc.document, doc.fileName, doc.sha256, doc.added);
  }

  get(id: string): StoredDocument | null {
    return (this.#statements.get(SQL.get).get(id) as StoredDocument | undefined) ?? null;
  }

  findBySha256(sha256: string): StoredDocument | null {
    return (this.#statements.get(SQL.bySha).get(sha256) as StoredDocument | undefined) ?? null;
  }

  /** Every imported document without its (large) parsed body. */
  list(): Array<Omit<StoredDocument, 'document'>> {
    return this.#statements.get(SQL.list).all() as Array<Omit<StoredDocument, 'document'>>;
  }

  remove(id: string): boolean {
    return this.#statements.get(SQL.remove).run(id).changes > 0;
  }
}
