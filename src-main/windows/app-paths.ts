// Owns where the Electron app keeps the user's files, decided before anything opens them.
// An unpackaged app (`npm start`, a developer's checkout) uses a folder of its own beside the
// installed app's, so a developer never edits real notes, and because Electron's
// single-instance lock lives in the userData folder, it never hands over to (or quits in
// favour of) an installed Läsaren that is running. Pure: index.ts applies the result.

/** Appended to the installed app's folder name for unpackaged runs. */
export const DEV_DATA_SUFFIX = '-dev';

export interface DataDirInput {
  readonly packaged: boolean;
  /** Electron's default userData (the installed app's folder, e.g. ~/.config/Läsaren). */
  readonly defaultUserData: string;
  /** LASAREN_DATA_DIR: the end-to-end tests' throw-away folder; ignored when packaged. */
  readonly override?: string | undefined;
}

/** The userData folder to use, or null to keep Electron's default (installed builds). */
export function userDataFor(input: DataDirInput): string | null {
  if (input.packaged) return null;
  if (input.override && input.override.trim() !== '') return input.override;
  return `${input.defaultUserData.replace(/[\\/]+$/, '')}${DEV_DATA_SUFFIX}`;
}
