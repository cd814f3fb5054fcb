// Owns the one-time move from the JSON files the previous release wrote (`annotations.json`
// with `annotations.backup.json`, and `settings.json`) into the database. Everything goes in
// ONE transaction that also records that the move is done, so two processes starting at once
// import once, and a failure leaves the database without any of it. Only after the commit are
// the old files renamed `*.importerad.json` (kept as a backup, never deleted). When the import
// fails, the old files stay untouched and in charge: the caller shows their notes and saves
// nothing until a later start succeeds.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_SCHEMA_VERSION, type Annotation } from '../../shared/annotation';
import { StoreFileSchema } from '../../shared/annotation-schema';
import type { Bilingual } from '../../shared/result';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../shared/settings';
import { AnnotationRepository } from './annotations';
import type { UserDatabase } from './database';
import { PositionRepository } from './positions';
import { SettingsRepository } from './settings';

export const LEGACY_FILES = {
  annotations: 'annotations.json',
  backup: 'annotations.backup.json',
  settings: 'settings.json',
} as const;
const DONE_KEY = 'legacy-json-imported';

export interface LegacyOutcome {
  /** True when the import failed: the old files are in charge this session. */
  readonly failed: boolean;
  /** What the user should know (imported from a backup, a file set aside, or the failure). */
  readonly message: Bilingual | null;
  /** The notes and settings the old files hold (what the app shows when the import failed). */
  readonly annotations: readonly Annotation[];
  readonly settings: Settings;
  readonly imported: number;
}

export type LegacyRead = { annotations: Annotation[] } | { error: Bilingual } | { missing: true };

/** The previous release's rules for reading its store file (the bench's copy of that store uses it too). */
export function readLegacyStoreFile(path: string): LegacyRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { missing: true };
    const why = (e as Error).message;
    return { error: { sv: `kunde inte läsas (${why})`, en: `could not be read (${why})` } };
  }
  if (text.trim() === '') return { error: { sv: 'är tom', en: 'is empty' } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {
      error: {
        sv: 'är skadad eller avkortad (inte giltig JSON)',
        en: 'is damaged or cut short (not valid JSON)',
      },
    };
  }
  const version = (json as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== STORE_SCHEMA_VERSION) {
    const shown = JSON.stringify(version);
    return {
      error: {
        sv: `har en okänd formatversion (${shown ?? 'saknas'})`,
        en: `has an unknown format version (${shown ?? 'missing'})`,
      },
    };
  }
  const parsed = StoreFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
    return { error: { sv: `följer inte formatet (${where})`, en: `does not follow the format (${where})` } };
  }
  return { annotations: parsed.data.annotations };
}

function count(n: number): Bilingual {
  return {
    sv: `${n} ${n === 1 ? 'anteckning' : 'anteckningar'}`,
    en: `${n} ${n === 1 ? 'note' : 'notes'}`,
  };
}

/** The notes to import: the main file, or the backup when the main file is unusable. */
function readLegacyAnnotations(dataDir: string): { annotations: Annotation[]; notes: Bilingual[] } {
  const main = readLegacyStoreFile(join(dataDir, LEGACY_FILES.annotations));
  if ('annotations' in main) return { annotations: main.annotations, notes: [] };
  const backup = readLegacyStoreFile(join(dataDir, LEGACY_FILES.backup));
  const notes: Bilingual[] = [];
  if ('error' in main)
    notes.push({
      sv: `Den gamla anteckningsfilen ${LEGACY_FILES.annotations} ${main.error.sv}.`,
      en: `The old notes file ${LEGACY_FILES.annotations} ${main.error.en}.`,
    });
  if ('annotations' in backup) {
    if ('error' in main) {
      const n = count(backup.annotations.length);
      notes.push({
        sv: `Dess säkerhetskopia (${n.sv}) har lästs in i stället.`,
        en: `Its backup (${n.en}) has been read instead.`,
      });
    }
    return { annotations: backup.annotations, notes };
  }
  if ('error' in backup)
    notes.push({
      sv: `Säkerhetskopian ${LEGACY_FILES.backup} ${backup.error.sv}.`,
      en: `The backup ${LEGACY_FILES.backup} ${backup.error.en}.`,
    });
  if (notes.length)
    notes.push({
      sv: 'Inga anteckningar kunde hämtas ur dem; filerna finns kvar, omdöpta.',
      en: 'No notes could be taken from them; the files are kept, renamed.',
    });
  return { annotations: [], notes };
}

function readLegacySettings(dataDir: string): { settings: Settings; notes: Bilingual[] } {
  let text: string;
  try {
    text = readFileSync(join(dataDir, LEGACY_FILES.settings), 'utf8');
  } catch {
    return { settings: { ...DEFAULT_SETTINGS }, notes: [] };
  }
  try {
    const parsed = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...(JSON.parse(text) as object) });
    if (parsed.success) return { settings: parsed.data, notes: [] };
  } catch {
    // Reported below; preferences are cheap to lose.
  }
  return {
    settings: { ...DEFAULT_SETTINGS },
    notes: [
      {
        sv: `De gamla inställningarna i ${LEGACY_FILES.settings} kunde inte läsas; standardvärden används.`,
        en: `The old settings in ${LEGACY_FILES.settings} could not be read; defaults are used.`,
      },
    ],
  };
}

/** Renames each old file that still exists to `<stem>.importerad.json` (or with a time added). */
function renameImported(dataDir: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const name of Object.values(LEGACY_FILES)) {
    const from = join(dataDir, name);
    if (!existsSync(from)) continue;
    const stem = name.replace(/\.json$/, '');
    let to = join(dataDir, `${stem}.importerad.json`);
    if (existsSync(to)) to = join(dataDir, `${stem}.importerad-${stamp}.json`);
    renameSync(from, to);
  }
}

export function hasLegacyFiles(dataDir: string): boolean {
  return Object.values(LEGACY_FILES).some((name) => existsSync(join(dataDir, name)));
}

function isDone(database: UserDatabase): boolean {
  return database.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(DONE_KEY) !== undefined;
}

function failure(dataDir: string, reason: Bilingual, annotations: readonly Annotation[]): Bilingual {
  const files = `${LEGACY_FILES.annotations}, ${LEGACY_FILES.settings}`;
  const n = count(annotations.length);
  return {
    sv: `Anteckningarna kunde inte flyttas in i den nya databasen (${reason.sv}). De gamla filerna i ${dataDir} (${files}) är orörda och gäller fortfarande: Läsaren visar dina ${n.sv} men sparar inga ändringar förrän flytten lyckas. Starta om Läsaren för att försöka igen (frigör diskutrymme eller ge skrivrätt till mappen om det behövs).`,
    en: `The notes could not be moved into the new database (${reason.en}). The old files in ${dataDir} (${files}) are untouched and still apply: Läsaren shows your ${n.en} but saves no changes until the move succeeds. Restart Läsaren to try again (free disk space or give write access to the folder if needed).`,
  };
}

/**
 * When the database cannot be written at all this start but old files that were never
 * imported are there: they stay in charge (shown, not changed). Null when there are none.
 */
export function legacyInCharge(dataDir: string, reason: Bilingual): LegacyOutcome | null {
  if (!hasLegacyFiles(dataDir)) return null;
  const { annotations } = readLegacyAnnotations(dataDir);
  const { settings } = readLegacySettings(dataDir);
  return { failed: true, message: failure(dataDir, reason, annotations), annotations, settings, imported: 0 };
}

/**
 * Imports the old files once; returns null when there was nothing to do. Called by
 * openUserDatabase after the schema is current.
 */
export function importLegacyJson(database: UserDatabase): LegacyOutcome | null {
  const { dataDir, db } = database;
  if (!hasLegacyFiles(dataDir)) return null;
  if (isDone(database)) {
    // Imported before, but the process stopped before the renames (or an old release wrote
    // the files again): keep them out of the way without importing twice.
    renameImported(dataDir);
    return null;
  }
  const legacy = readLegacyAnnotations(dataDir);
  const settings = readLegacySettings(dataDir);
  const notes = [...legacy.notes, ...settings.notes];
  let imported = -1;
  try {
    database.transaction(() => {
      // Another process may have imported while this one read the files.
      if (isDone(database)) return;
      const annotations = new AnnotationRepository(db);
      const seq = annotations.nextSeq();
      for (const a of legacy.annotations) annotations.put(a, seq);
      const settingsRows = new SettingsRepository(db);
      for (const [key, value] of Object.entries(settings.settings)) settingsRows.put(key, value);
      const { lastDocumentId, lastParagraph } = settings.settings;
      if (lastDocumentId && lastParagraph) new PositionRepository(db).put(lastDocumentId, lastParagraph);
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DONE_KEY, new Date().toISOString());
      imported = legacy.annotations.length;
    });
  } catch (e) {
    return {
      failed: true,
      message: failure(dataDir, { sv: (e as Error).message, en: (e as Error).message }, legacy.annotations),
      annotations: legacy.annotations,
      settings: settings.settings,
      imported: 0,
    };
  }
  renameImported(dataDir);
  if (imported < 0) return null;
  return {
    failed: false,
    message: notes.length
      ? {
          sv: `Anteckningarna har flyttats in i den nya databasen. ${notes.map((n) => n.sv).join(' ')}`,
          en: `The notes have been moved into the new database. ${notes.map((n) => n.en).join(' ')}`,
        }
      : null,
    annotations: legacy.annotations,
    settings: settings.settings,
    imported,
  };
}
