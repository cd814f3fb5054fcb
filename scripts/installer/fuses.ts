// Owns the Electron fuses flipped into every packaged binary, and the afterPack hook that
// flips them. Release builds close every way to run the binary as something else; a test
// build (LASAREN_TEST_BUILD=1) keeps only the inspect switches Playwright's Electron driver
// needs. The hook reads the fuse wire back and fails the build if any fuse did not take.
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';
import { join } from 'node:path';

/** Set to 1 when building installers for the end-to-end tests; never for a release. */
export const TEST_BUILD_ENV = 'LASAREN_TEST_BUILD';

export function isTestBuild(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[TEST_BUILD_ENV] === '1';
}

export type FuseSettings = Readonly<Record<FuseV1Options, boolean>>;

/** Every fuse @electron/fuses knows, set explicitly rather than left at Electron's default. */
export function fuseSettings(testBuild: boolean): FuseSettings {
  return {
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // Playwright's _electron.launch passes --inspect=0 and --remote-debugging-port=0.
    [FuseV1Options.EnableNodeCliInspectArguments]: testBuild,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface PackedApp {
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  /** electron-builder's Arch enum: 3 is arm64, 4 universal. */
  readonly arch: number;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    /** Set by the Linux packager only. */
    readonly executableName?: string;
  };
}

/** Where the fuse wire lives: the .app bundle, the .exe, or the Linux executable. */
export function electronBinaryPath(context: PackedApp): string {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32') return join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return join(appOutDir, packager.executableName ?? packager.appInfo.productFilename);
}

/** How the fuse wire stores a state: the ASCII digits '1' and '0'. */
const ENABLED = 0x31;
const DISABLED = 0x30;
const ARM64 = 3;
const UNIVERSAL = 4;

/** electron-builder's afterPack hook: runs before signing, as fuses must be flipped first. */
export async function applyFuses(context: PackedApp, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const binary = electronBinaryPath(context);
  const settings = fuseSettings(isTestBuild(env));
  const config: FuseV1Config = {
    version: FuseVersion.V1,
    // Not strict: a newer Electron may have fuses this @electron/fuses does not name yet; they
    // keep Electron's defaults, and every fuse named here is read back below.
    strictlyRequireAllFuses: false,
    // Flipping fuses breaks the ad-hoc signature Apple Silicon requires; re-sign ad hoc.
    resetAdHocDarwinSignature:
      context.electronPlatformName === 'darwin' && (context.arch === ARM64 || context.arch === UNIVERSAL),
    ...settings,
  };
  await flipFuses(binary, config);

  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number | undefined>;
  const wrong = Object.keys(settings)
    .map(Number)
    .filter((option) => wire[option] !== (settings[option as FuseV1Options] ? ENABLED : DISABLED));
  if (wrong.length > 0) {
    throw new Error(`Fuses not set in ${binary}: ${wrong.map((o) => FuseV1Options[o]).join(', ')}`);
  }
  console.log(
    `Electron fuses set in ${binary} (${isTestBuild(env) ? 'TEST build: inspect arguments allowed' : 'release build'}).`,
  );
}

export default applyFuses;
