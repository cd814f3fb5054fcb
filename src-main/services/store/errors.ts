// Owns turning SQLite and file-system failures into sentences a person can act on. Every
// message ends by saying that what was already saved is still there: a failed write is a
// rolled-back transaction, never a half-changed store.

import type { Bilingual } from '../../shared/result';

/** SQLite's primary result codes we tell apart (https://sqlite.org/rescode.html). */
export const SQLITE = {
  BUSY: 5,
  LOCKED: 6,
  READONLY: 8,
  IOERR: 10,
  CORRUPT: 11,
  FULL: 13,
  CANTOPEN: 14,
  NOTADB: 26,
} as const;

/** The primary SQLite result code of an error thrown by node:sqlite, or null. */
export function sqliteCode(e: unknown): number | null {
  const code = (e as { errcode?: unknown } | null)?.errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

export function isFsCode(e: unknown, ...codes: string[]): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && codes.includes(code);
}

/** True when the error means the database file itself is damaged (not a busy or full disk). */
export function isCorruption(e: unknown): boolean {
  const code = sqliteCode(e);
  return code === SQLITE.CORRUPT || code === SQLITE.NOTADB;
}

const KEPT = 'Inget som redan sparats har gått förlorat.';
const KEPT_EN = 'Nothing already saved has been lost.';

/** Why a write failed, for `what` ({ sv: 'Anteckningen', en: 'The note' }). */
export function writeFailure(e: unknown, what: Bilingual, dataDir: string): Bilingual {
  const code = sqliteCode(e);
  if (code === SQLITE.FULL || isFsCode(e, 'ENOSPC', 'EDQUOT'))
    return {
      sv: `${what.sv} kunde inte sparas: disken är full. Frigör utrymme och försök igen. ${KEPT}`,
      en: `${what.en} could not be saved: the disk is full. Free some space and try again. ${KEPT_EN}`,
    };
  if (code === SQLITE.READONLY || code === SQLITE.CANTOPEN || isFsCode(e, 'EROFS', 'EACCES', 'EPERM'))
    return {
      sv: `${what.sv} kunde inte sparas: mappen ${dataDir} går inte att skriva i (skrivskyddad). Ge Läsaren skrivrätt till mappen och försök igen. ${KEPT}`,
      en: `${what.en} could not be saved: the folder ${dataDir} cannot be written to (read-only). Give Läsaren write access to the folder and try again. ${KEPT_EN}`,
    };
  if (code === SQLITE.BUSY || code === SQLITE.LOCKED)
    return {
      sv: `${what.sv} kunde inte sparas: ett annat Läsaren-fönster eller kommandoraden höll databasen upptagen. Försök igen. ${KEPT}`,
      en: `${what.en} could not be saved: another Läsaren window or the command line kept the database busy. Try again. ${KEPT_EN}`,
    };
  const why = (e as Error).message;
  return {
    sv: `${what.sv} kunde inte sparas (${why}). Inget har ändrats; försök igen. ${KEPT}`,
    en: `${what.en} could not be saved (${why}). Nothing was changed; try again. ${KEPT_EN}`,
  };
}
