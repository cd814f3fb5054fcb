// Owns the settings table: one row per preference, its value as JSON. Which keys exist and
// what they may hold is the settings service's business (services/settings/); this only
// reads and writes rows, inside the caller's transaction.
import type { DatabaseSync } from 'node:sqlite';
import { Statements } from './statements';

const SQL = {
  all: 'SELECT key, value FROM settings',
  put: 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
} as const;

export class SettingsRepository {
  readonly #statements: Statements;

  constructor(db: DatabaseSync) {
    this.#statements = new Statements(db);
  }

  /** Every stored preference; a value that is not valid JSON is left out (defaults apply). */
  readAll(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const row of this.#statements.get(SQL.all).all() as Array<{ key: string; value: string }>) {
      try {
        out[row.key] = JSON.parse(row.value) as unknown;
      } catch {
        // A damaged value falls back to its default; the others stay.
      }
    }
    return out;
  }

  put(key: string, value: unknown): void {
    this.#statements.get(SQL.put).run(key, JSON.stringify(value));
  }
}
