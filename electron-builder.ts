// The installers, in one place: Windows NSIS (per user, no administrator rights) and MSI
// (per machine, for central deployment), macOS dmg (x64 and arm64), Linux AppImage and deb.
// electron-builder loads this file itself (`npm run dist`); tests/unit/installer checks it
// offline against the schema app-builder-lib ships. electron-builder finds this file by its
// name (its default config file), so `npx electron-builder` uses it too. See docs/installers.md.
import type { Configuration } from 'electron-builder';
import { applyFuses, isTestBuild } from './scripts/installer/fuses';

export const APP_ID = 'se.regeringen.lasaren';
export const PRODUCT_NAME = 'Läsaren';
export const PROTOCOL_SCHEME = 'lasaren';

const testBuild = isTestBuild();

const config: Configuration = {
  appId: APP_ID,
  productName: PRODUCT_NAME,
  copyright: 'Copyright © 2026 Läsaren',
  directories: { output: 'dist', buildResources: 'resources/installer' },
  // ASCII file names for every artifact; a test build says so in its name.
  artifactName: `lasaren-\${version}-\${os}-\${arch}${testBuild ? '-TEST' : ''}.\${ext}`,
  // Only the built bundles go into app.asar; production dependencies are added by electron-builder.
  files: ['out/**/*', '!out/**/*.map', 'package.json'],
  asar: true,
  // The documents and their prebuilt search index stay outside the asar, in <resourcesPath>,
  // where main reads them (`npm run build` writes the index).
  extraResources: [
    {
      from: 'resources/documents',
      to: 'documents',
      filter: ['manifest.ndjson', '**/*.md', '**/*.markdown', '**/*.txt'],
    },
    // The collection's prebuilt index (npm run build): the app lists documents without parsing them.
    { from: 'resources/collection-index.json', to: 'collection-index.json' },
    { from: 'resources/collection-records.ndjson', to: 'collection-records.ndjson' },
    { from: 'resources/search-index.ndjson', to: 'search-index.ndjson' },
  ],
  // The search worker thread (used only when the documents change) and the chunk it imports
  // are loaded by Node's worker loader, which cannot read inside an asar archive.
  asarUnpack: [
    'out/main/search-worker.js',
    'out/main/import-worker.js',
    'out/main/engine-*.js',
    'out/main/markdown-*.js',
  ],
  // Only the UI languages: Chromium's other locale files are dropped.
  electronLanguages: ['sv', 'en-US', 'en-GB', 'en'],
  // No native modules: nothing to rebuild, and no tool downloads for it.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  publish: null,
  protocols: [{ name: 'Läsaren-länk', schemes: [PROTOCOL_SCHEME], role: 'Viewer' }],
  afterPack: applyFuses,

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
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ],
    icon: 'resources/icons/png',
    executableName: 'lasaren',
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
};

export default config;
