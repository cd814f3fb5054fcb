// Owns the words of main's own UI: the application menu, the right-click menu and the
// start-up error dialog, in Swedish and English (the renderer's strings live in
// src-renderer/lib/i18n; main cannot import the renderer, and these are few).
import type { Language } from '../shared/preferences';

export interface MainStrings {
  readonly file: string;
  readonly edit: string;
  readonly view: string;
  readonly window: string;
  readonly help: string;
  readonly quit: string;
  readonly close: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly resetZoom: string;
  readonly fullScreen: string;
  readonly minimize: string;
  readonly about: string;
  readonly hide: string;
  readonly hideOthers: string;
  readonly unhide: string;
  readonly reload: string;
  readonly devTools: string;
  readonly highlight: string;
  readonly note: string;
  readonly startupTitle: string;
  readonly startupMessage: string;
  readonly startupDetail: (reason: string, dataDir: string) => string;
}

const SV: MainStrings = {
  file: '&Arkiv',
  edit: '&Redigera',
  view: '&Visa',
  window: '&Fönster',
  help: '&Hjälp',
  quit: 'Avsluta Läsaren',
  close: 'Stäng fönstret',
  undo: 'Ångra',
  redo: 'Gör om',
  cut: 'Klipp ut',
  copy: 'Kopiera',
  paste: 'Klistra in',
  selectAll: 'Markera allt',
  zoomIn: 'Zooma in',
  zoomOut: 'Zooma ut',
  resetZoom: 'Verklig storlek',
  fullScreen: 'Helskärm',
  minimize: 'Minimera',
  about: 'Om Läsaren',
  hide: 'Göm Läsaren',
  hideOthers: 'Göm övriga',
  unhide: 'Visa alla',
  reload: 'Läs om (utveckling)',
  devTools: 'Utvecklarverktyg (utveckling)',
  highlight: 'Färgmarkera',
  note: 'Skriv en anteckning …',
  startupTitle: 'Läsaren kunde inte starta',
  startupMessage: 'Läsaren kunde inte starta och avslutas nu.',
  startupDetail: (reason, dataDir) =>
    `Orsak: ${reason}\n\nStarta om datorn och försök igen. Om felet kvarstår: kontrollera att mappen ${dataDir} går att skriva i och inte är full, eller kontakta IT-supporten och ange orsaken ovan. Dina anteckningar ligger kvar i mappen.`,
};

const EN: MainStrings = {
  file: '&File',
  edit: '&Edit',
  view: '&View',
  window: '&Window',
  help: '&Help',
  quit: 'Quit Läsaren',
  close: 'Close Window',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  fullScreen: 'Full Screen',
  minimize: 'Minimize',
  about: 'About Läsaren',
  hide: 'Hide Läsaren',
  hideOthers: 'Hide Others',
  unhide: 'Show All',
  reload: 'Reload (development)',
  devTools: 'Developer Tools (development)',
  highlight: 'Highlight',
  note: 'Write a Note …',
  startupTitle: 'Läsaren could not start',
  startupMessage: 'Läsaren could not start and will now quit.',
  startupDetail: (reason, dataDir) =>
    `Cause: ${reason}\n\nRestart the computer and try again. If it happens again, check that the folder ${dataDir} can be written to and is not full, or contact IT support and give them the cause above. Your notes are still in that folder.`,
};

export function mainStrings(language: Language): MainStrings {
  return language === 'en' ? EN : SV;
}
