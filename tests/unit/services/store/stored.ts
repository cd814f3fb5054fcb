// Test helper: what a data folder's database holds, read through a connection of its own
// (as another process would), so tests can say "nothing was written" without trusting the
// store under test.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DATABASE_FILE } from '../../../../src-main/services/store/database';

export interface Stored {
  readonly annotations: unknown[];
  readonly revisions: unknown[];
  readonly settings: Record<string, unknown>;
  readonly positions: unknown[];
}

/** Everything the user has saved in `dataDir`, or null when there is no database yet. */
export function readStored(dataDir: string): Stored | null {
  const path = join(dataDir, DATABASE_FILE);
  if (!existsSync(path)) return null;
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = (sql: string) =>
      db
        .prepare(sql)
        .all()
        .map((r) => ({ ...r }));
    return {
      annotations: rows('SELECT * FROM annotations ORDER BY rowid'),
      revisions: rows('SELECT * FROM annotation_revisions ORDER BY annotation_id, n'),
      settings: Object.fromEntries(
        (db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>).map(
          (r) => [r.key, JSON.parse(r.value) as unknown],
        ),
      ),
      positions: rows('SELECT * FROM reading_positions ORDER BY document_id'),
    };
  } finally {
    db.close();
  }
}
