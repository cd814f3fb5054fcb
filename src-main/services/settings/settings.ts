// Owns the user's remembered preferences, kept in the database's settings table (one row per
// preference) with the reading position in reading_positions. Preferences are cheap to lose
// but must never crash the app: a stored value that fails the schema falls back to its
// default, and a write that fails (full disk, read-only folder) keeps the new value for this
// session and says why once.
import type { Bilingual } from '../../shared/result';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { openUserDatabase, type OpenOptions, type UserDatabase } from '../store/database';
import { writeFailure } from '../store/errors';
import { PositionRepository } from '../store/positions';
import { SettingsRepository } from '../store/settings';

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  /** Set when stored preferences were unusable or could not be saved; a sentence for the log. */
  readonly problem: Bilingual | null;
}

export interface SettingsOptions extends OpenOptions {
  readonly database?: UserDatabase;
}

/** Each stored value checked on its own, so one bad value does not reset the others. */
function fromRows(rows: Record<string, unknown>): { settings: Settings; bad: string[] } {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const bad: string[] = [];
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof Settings>) {
    if (!(key in rows)) continue;
    const parsed = SettingsSchema.shape[key].safeParse(rows[key]);
    if (parsed.success) settings[key] = parsed.data;
    else bad.push(key);
  }
  return { settings: SettingsSchema.parse(settings), bad };
}

export async function openSettings(dataDir: string, options: SettingsOptions = {}): Promise<SettingsService> {
  const database = options.database ?? (await openUserDatabase(dataDir, options));
  const legacy = database.legacy?.failed ? database.legacy : null;
  const rows = database.ready && !legacy ? new SettingsRepository(database.db) : null;
  const positions = database.ready && !legacy ? new PositionRepository(database.db) : null;
  let problem: Bilingual | null = null;
  let dataVersion = -1;
  let current: Settings = legacy ? legacy.settings : { ...DEFAULT_SETTINGS };

  /** Re-reads the rows when another process (or this one, at start) changed the file. */
  const reload = () => {
    if (!rows || !database.db.isOpen) return;
    const version = database.dataVersion();
    if (version === dataVersion) return;
    dataVersion = version;
    const read = fromRows(rows.readAll());
    current = read.settings;
    if (read.bad.length && problem === null)
      problem = {
        sv: `Inställningarna ${read.bad.join(', ')} i ${database.path} kunde inte läsas; standardvärden används för dem.`,
        en: `The settings ${read.bad.join(', ')} in ${database.path} could not be read; defaults are used for them.`,
      };
  };
  reload();

  return {
    get problem() {
      return problem;
    },
    get: () => {
      reload();
      return current;
    },
    async update(patch) {
      reload();
      // A key given as undefined means "no change" (the patch schema allows it), never "unset".
      const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = SettingsSchema.parse({ ...current, ...given });
      if (rows && !database.readOnlyReason) {
        try {
          database.transaction(() => {
            for (const key of Object.keys(given)) rows.put(key, next[key as keyof Settings]);
            if (next.lastDocumentId && next.lastParagraph)
              positions?.put(next.lastDocumentId, next.lastParagraph);
          });
        } catch (e) {
          problem = writeFailure(e, { sv: 'Inställningarna', en: 'The settings' }, dataDir);
        }
      }
      current = next;
      return next;
    },
  };
}
