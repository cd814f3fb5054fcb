// Owns the user's remembered preferences in `<data>/settings.json`. Preferences are cheap to
// lose but must never crash the app: an unreadable file is moved aside and defaults are used.
import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { createSerialQueue, writeFileAtomic } from '../storage/atomic-file';

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  /** Set when the stored file was unusable and set aside; a sentence for the log. */
  readonly problem: string | null;
}

export async function openSettings(dataDir: string): Promise<SettingsService> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'settings.json');
  let current: Settings = { ...DEFAULT_SETTINGS };
  let problem: string | null = null;
  try {
    const parsed = SettingsSchema.safeParse({
      ...DEFAULT_SETTINGS,
      ...(JSON.parse(await readFile(file, 'utf8')) as object),
    });
    if (parsed.success) current = parsed.data;
    else throw new Error('fel format');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
      const aside = `${file}.trasig-${Date.now()}`;
      await rename(file, aside).catch(() => undefined);
      problem = `Inställningarna i ${file} kunde inte läsas och har flyttats till ${aside}; standardvärden används.`;
    }
  }
  const enqueue = createSerialQueue();
  return {
    problem,
    get: () => current,
    update: (patch) =>
      enqueue(async () => {
        // A key given as undefined means "no change" (the patch schema allows it), never "unset".
        const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        const next = SettingsSchema.parse({ ...current, ...given });
        await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
        current = next;
        return next;
      }),
  };
}
