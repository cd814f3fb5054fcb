// Owns preparing statements on the user's connection so they survive a reopen. When a damaged
// database is found after start (the check of a large file runs while the notes are already
// read), database.ts closes the connection, restores the backup and opens the same
// DatabaseSync again; SQLite finalizes every statement at close. Repositories whose owners
// keep them for the whole session (settings, reading positions, imported documents) prepare
// through this cache, which starts over when the connection's generation changed.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

const generations = new WeakMap<DatabaseSync, number>();

/** How many times this connection was reopened (0 until the first). */
export function generation(db: DatabaseSync): number {
  return generations.get(db) ?? 0;
}

/** Called by database.ts after it reopened `db` on a restored file. */
export function reopened(db: DatabaseSync): void {
  generations.set(db, generation(db) + 1);
}

export class Statements {
  readonly #db: DatabaseSync;
  #generation: number;
  readonly #cache = new Map<string, StatementSync>();

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#generation = generation(db);
  }

  get(sql: string): StatementSync {
    const now = generation(this.#db);
    if (now !== this.#generation) {
      this.#cache.clear();
      this.#generation = now;
    }
    let statement = this.#cache.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#cache.set(sql, statement);
    }
    return statement;
  }
}
