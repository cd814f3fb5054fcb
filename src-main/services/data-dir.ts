// Owns where the user's own files live when not running inside Electron: the same folder
// the installed app uses (Electron's userData for the product name), so the CLI and the
// browser host work on the user's real notes unless told otherwise with --data.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Läsaren';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), PRODUCT_NAME);
}
