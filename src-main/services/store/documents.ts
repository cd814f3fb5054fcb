// Owns the documents table, ready for documents the user imports (a later feature): each row
// holds the document's id, its metadata and parsed document as JSON, the original file name,
// the SHA-256 of the original bytes (to recognise a file imported twice) and when it was added.
// The shipped library does not live here; it is read from resources/.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

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

export class DocumentRepository {
  readonly #put: StatementSync;
  readonly #get: StatementSync;
  readonly #bySha: StatementSync;
  readonly #list: StatementSync;
  readonly #remove: StatementSync;

  constructor(db: DatabaseSync) {
    this.#put = db.prepare(
      `INSERT INTO documents (id, metadata, document, file_name, sha256, added) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET metadata = excluded.metadata, document = excluded.document,
         file_name = excluded.file_name, sha256 = excluded.sha256, added = excluded.added`,
    );
    this.#get = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE id = ?`);
    this.#bySha = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE sha256 = ?`);
    this.#list = db.prepare(
      'SELECT id, metadata, file_name AS fileName, sha256, added FROM documents ORDER BY added',
    );
    this.#remove = db.prepare('DELETE FROM documents WHERE id = ?');
  }

  put(doc: StoredDocument): void {
    this.#put.run(doc.id, doc.metadata, doc.document, doc.fileName, doc.sha256, doc.added);
  }

  get(id: string): StoredDocument | null {
    return (this.#get.get(id) as StoredDocument | undefined) ?? null;
  }

  findBySha256(sha256: string): StoredDocument | null {
    return (this.#bySha.get(sha256) as StoredDocument | undefined) ?? null;
  }

  /** Every imported document without its (large) parsed body. */
  list(): Array<Omit<StoredDocument, 'document'>> {
    return this.#list.all() as Array<Omit<StoredDocument, 'document'>>;
  }

  remove(id: string): boolean {
    return this.#remove.run(id).changes > 0;
  }
}
