// The installers, in one place: Windows NSIS (per user, no administrator rights) and MSI
// (per machine, for central deployment), macOS dmg (x64 and arm64), Linux deb and rpm (not
// AppImage: it starts Chromium with --no-sandbox). Packing fails when a resource the
// installed app needs is missing (scripts/installer/resources.ts).
// electron-builder loads this file itself (`npm run dist`); tests/unit/installer checks it
// offline against the schema app-builder-lib ships. electron-builder finds this file by its
// name (its default config file), so `npx electron-builder` uses it too. See docs/installers.md.
import type { AfterPackContext, Configuration } from 'electron-builder';
import { applyFuses, isTestBuild } from './scripts/installer/fuses';
import {
  verifyPackedApp,
  verifyResourcesBeforePack,
  type ResourceEntry,
} from './scripts/installer/resources';
import { STAND_IN_ENV, standInElectronDist } from './scripts/installer/stand-in-electron';

export const APP_ID = 'se.regeringen.lasaren';
export const PRODUCT_NAME = 'Läsaren';
export const PROTOCOL_SCHEME = 'lasaren';

const testBuild = isTestBuild();
const standIn = standInElectronDist();

// The documents and their prebuilt search index stay outside the asar, in <resourcesPath>,
// where main reads them (`npm run build` writes the index).
const EXTRA_RESOURCES: readonly ResourceEntry[] = [
  {
    from: 'resources/documents',
    to: 'documents',
    filter: ['manifest.ndjson', '**/*.md', '**/*.markdown', '**/*.txt'],
  },
  // The collection's prebuilt index (npm run build): the app lists documents without parsing them.
  { from: 'resources/collection-index.json', to: 'collection-index.json' },
  { from: 'resources/collection-records.ndjson', to: 'collection-records.ndjson' },
  { from: 'resources/search-index.ndjson', to: 'search-index.ndjson' },
  // The Swedish lexicon the search analyser reads (LGPL-3.0 data, replaceable; see its README).
  { from: 'resources/lexicon', to: 'lexicon' },
];

/** beforePack (same context type as afterPack): refuses to pack without the built app, the documents or a matching search index. */
export async function verifyResources(context: AfterPackContext): Promise<void> {
  await verifyResourcesBeforePack(context.packager.projectDir, EXTRA_RESOURCES);
}

/** Checks the packed layout, then flips the fuses (not in a stand-in Electron, which has none). */
export async function afterPackChecks(context: AfterPackContext): Promise<void> {
  verifyPackedApp(context, EXTRA_RESOURCES);
  if (standInElectronDist()) {
    console.warn(`Fuses skipped: ${STAND_IN_ENV} packs a stand-in Electron for a layout check only.`);
    return;
  }
  await applyFuses(context);
}

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  copyright: 'Copyright © 2026 Läsaren',
  directories: { output: 'dist', buildResources: 'resources/installer' },
  // ASCII file names for every artifact; a test build says so in its name.
  artifactName: `lasaren-\${version}-\${os}-\${arch}${testBuild ? '-TEST' : ''}.\${ext}`,
  // Only the built bundles go into app.asar; production dependencies are added by electron-builder.
  // Type definitions and source maps of dependencies are not needed at run time.
  files: [
    'out/**/*',
    '!out/**/*.map',
    'package.json',
    '!**/node_modules/@types/**',
    '!**/node_modules/**/*.d.ts',
    '!**/node_modules/**/*.map',
    // pdf.js's optional canvas (a 36 MB native module) only renders pages; we read text.
    '!**/node_modules/@napi-rs/**',
  ],
  asar: true,
  extraResources: EXTRA_RESOURCES.map(({ from, to, filter }) => ({
    from,
    to,
    ...(filter ? { filter: [...filter] } : {}),
  })),
  // The search worker thread (used only when the documents change) is loaded by Node's worker
  // loader, which cannot read inside an asar archive. It is one self-contained file
  // (electron.vite.config.ts): nothing beside it in app.asar.unpacked has a node_modules. So is
  // the import worker, which parses the user's files with time and memory limits.
  asarUnpack: [
    'out/main/search-worker.js',
    'out/main/import-worker.js',
    // pdf.js, which the import worker loads by name, with its worker module and font data.
    'node_modules/pdfjs-dist/package.json',
    'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
    'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
    'node_modules/pdfjs-dist/cmaps/**',
    'node_modules/pdfjs-dist/standard_fonts/**',
  ],
  // Only the UI languages: Chromium's other locale files are dropped.
  electronLanguages: ['sv', 'en-US', 'en-GB', 'en'],
  // No native modules: nothing to rebuild, and no tool downloads for it.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  publish: null,
  protocols: [{ name: 'Läsaren-länk', schemes: [PROTOCOL_SCHEME], role: 'Viewer' }],
  beforePack: verifyResources,
  afterPack: afterPackChecks,
  // A stand-in Electron folder (tests/package): electron-builder then downloads nothing.
  ...(standIn ? { electronDist: standIn } : {}),

  win: {
    target: [
      { target: 'nsis', arch: ['x64', 'arm64'] },
      { target: 'msi', arch: ['x64'] },
    ],
    icon: 'resources/icons/icon.ico',
    executableName: 'Lasaren',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    selectPerMachineByDefault: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: PRODUCT_NAME,
    installerIcon: 'resources/icons/icon.ico',
    uninstallerIcon: 'resources/icons/icon.ico',
    multiLanguageInstaller: true,
    installerLanguages: ['sv_SE', 'en_US'],
    language: '1053',
    displayLanguageSelector: false,
    include: 'resources/installer/installer.nsh',
    // The user's notes are theirs: an uninstall never deletes them.
    deleteAppDataOnUninstall: false,
  },
  msi: {
    oneClick: true,
    perMachine: true,
    runAfterFinish: false,
    createDesktopShortcut: false,
    createStartMenuShortcut: true,
    shortcutName: PRODUCT_NAME,
  },

  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    icon: 'resources/icons/icon.icns',
    category: 'public.app-category.productivity',
    hardenedRuntime: true,
    extendInfo: {
      CFBundleDevelopmentRegion: 'sv',
      CFBundleLocalizations: ['sv', 'en'],
    },
  },
  dmg: { title: `${PRODUCT_NAME} \${version}` },

  linux: {
    // deb and rpm install chrome-sandbox (setuid where user namespaces are off) and, on Ubuntu
    // 24.04+, an AppArmor profile, so Chromium's sandbox stays on; an AppImage would run
    // with --no-sandbox. See docs/installers.md.
    target: [
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'rpm', arch: ['x64'] },
    ],
    icon: 'resources/icons/png',
    executableName: 'lasaren',
    // The .desktop file is named after package.json's desktopName (lasaren.desktop), which
    // Electron also uses as the window's app_id / WM_CLASS, so StartupWMClass matches.
    syncDesktopName: true,
    category: 'Office',
    synopsis: 'Offline-läsare för policydokument',
    description: 'Läs, sök och anteckna i policydokument utan nätverk.',
    // Set the owning organisation's name and address here before publishing a deb.
    maintainer: 'Läsaren',
    desktop: {
      entry: {
        Name: PRODUCT_NAME,
        'Name[en]': 'Läsaren (Reader)',
        Comment: 'Läs, sök och anteckna i policydokument',
        'Comment[en]': 'Read, search and annotate policy documents',
      },
    },
  },
  deb: { packageName: 'lasaren' },
  rpm: { packageName: 'lasaren' },
};

export default config;
