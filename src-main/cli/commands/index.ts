// The CLI's command table: one module per command, each with its usage and a run function.
// A new command is one file plus one line here.
import { documentsAdd, documentsList, documentsRemove } from './documents';
import { exportCommand } from './export';
import { importCommand } from './import';
import { notesList } from './notes-list';
import { searchCommand } from './search';
import type { CliCommand } from './types';

export const COMMANDS: readonly CliCommand[] = [
  searchCommand,
  notesList,
  exportCommand,
  importCommand,
  documentsAdd,
  documentsList,
  documentsRemove,
];
