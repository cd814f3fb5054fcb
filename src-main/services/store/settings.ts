// Owns the settings table: one row per preference, its value as JSON. Which keys exist and
// what they may hold is the settings service's business (services/settings/); this only
// reads and writes rows, inside the caller's transaction.
import type { DatabaseSync, StatementSync } from 'node:sqlite';

export class SettingsRepository {
  readonly #all: StatementSync;
  readonly #put: StatementSync;

  constructor(db: DatabaseSync) {
    this.#all = db.prepare('SELECT key, value FROM settings');
    this.#put = db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /** Every stored preference; a value that is not valid JSON is left out (defaults apply). */
  readAll(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const row of this.#all.all() as Array<{ key: string; value: string }>) {
      try {
        out[row.key] = JSON.parse(row.value) as unknown;
      } catch {
        // A damaged value falls back to its default; the others stay.
      }
    }
    return out;
  }

  put(key: string, value: unknown): void {
    this.#put.run(key, JSON.stringify(value));
  }
}
