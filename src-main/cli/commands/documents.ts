// Owns `documents add | list | remove`: the user's own documents from the command line, on the
// same import service as the app (parsed in a worker under the same limits, stored in the
// same database of the --data folder). A running app sees them at its next start.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { openAnnotationStore } from '../../services/annotations/store';
import { ImportService } from '../../services/imports/service';
import { openUserDatabase } from '../../services/store/database';
import type { ImportFileOutcome } from '../../shared/documents/imports';
import { UsageError, dataDirFrom } from '../args';
import type { CliCommand } from './types';

function options<T extends Record<string, { type: 'string' | 'boolean' }>>(
  args: string[],
  spec: T,
  positionals: boolean,
) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: positionals });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function openImports(dataDir: string): Promise<{ imports: ImportService; close(): void } | string> {
  const database = await openUserDatabase(dataDir);
  for (const p of database.problems) console.error(p.sv);
  if (!database.ready) {
    database.close();
    return database.readOnlyReason?.sv ?? `Databasen i ${dataDir} kunde inte öppnas.`;
  }
  return { imports: new ImportService(database, dataDir), close: () => database.close() };
}

export const documentsAdd: CliCommand = {
  words: ['documents', 'add'],
  usage:
    'documents add FIL… [--json] [--data MAPP]   lägger till egna dokument (PDF, Word, HTML, Markdown, text)',
  async run(args) {
    const { values, positionals } = options(
      args,
      { json: { type: 'boolean' }, data: { type: 'string' } },
      true,
    );
    if (positionals.length === 0) throw new UsageError('Ange minst en fil att lägga till.');
    const dataDir = dataDirFrom(values.data);
    const opened = await openImports(dataDir);
    if (typeof opened === 'string') {
      console.error(opened);
      return 1;
    }
    const outcomes: ImportFileOutcome[] = [];
    try {
      for (const path of positionals) {
        const fileName = basename(path);
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await readFile(path));
        } catch (e) {
          const reason =
            (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen finns inte' : (e as Error).message;
          outcomes.push({
            ok: false,
            fileName,
            problem: 'io',
            message: `${path} kunde inte läsas: ${reason}.`,
            messageEn: `${path} could not be read.`,
          });
          continue;
        }
        if (!values.json) process.stderr.write(`Läser ${fileName} …\n`);
        outcomes.push(await opened.imports.add(fileName, bytes));
      }
    } finally {
      opened.close();
    }
    const added = outcomes.filter((o) => o.ok);
    if (values.json) console.log(JSON.stringify({ dataDir, outcomes }, null, 2));
    else {
      for (const o of outcomes) {
        if (o.ok)
          console.log(
            `${o.duplicate ? 'Fanns redan' : 'Tillagd'}: ${o.fileName} → ${o.document.id} "${o.document.title}"`,
          );
        else console.error(`Inte tillagd: ${o.fileName}: ${o.message}`);
      }
      console.log(`${added.length} av ${outcomes.length} filer finns nu bland dina dokument i ${dataDir}.`);
    }
    return added.length === outcomes.length ? 0 : 1;
  },
};

export const documentsList: CliCommand = {
  words: ['documents', 'list'],
  usage: 'documents list [--json] [--data MAPP]   visar dina egna dokument',
  async run(args) {
    const { values } = options(args, { json: { type: 'boolean' }, data: { type: 'string' } }, false);
    const dataDir = dataDirFrom(values.data);
    if (!existsSync(dataDir)) {
      console.error(`Mappen ${dataDir} finns inte; där finns inga dokument. Ange rätt mapp med --data.`);
      return 1;
    }
    const opened = await openImports(dataDir);
    if (typeof opened === 'string') {
      console.error(opened);
      return 1;
    }
    const documents = opened.imports.list();
    opened.close();
    if (values.json) console.log(JSON.stringify({ dataDir, documents }, null, 2));
    else if (documents.length === 0) console.log(`Inga egna dokument i ${dataDir}.`);
    else {
      for (const d of documents) {
        const facts = [d.author, d.published, `${d.paragraphCount} stycken`].filter(Boolean).join(', ');
        console.log(`${d.id}  ${d.title} (${facts})`);
      }
    }
    return 0;
  },
};

export const documentsRemove: CliCommand = {
  words: ['documents', 'remove'],
  usage:
    'documents remove ID [--delete-notes] [--data MAPP]   tar bort ett eget dokument (anteckningarna sparas om du inte ber om annat)',
  async run(args) {
    const { values, positionals } = options(
      args,
      { 'delete-notes': { type: 'boolean' }, data: { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) throw new UsageError('Ange id för ett dokument (se documents list).');
    const id = positionals[0]!;
    const dataDir = dataDirFrom(values.data);
    const database = await openUserDatabase(dataDir);
    if (!database.ready) {
      console.error(database.readOnlyReason?.sv ?? `Databasen i ${dataDir} kunde inte öppnas.`);
      database.close();
      return 1;
    }
    const imports = new ImportService(database, dataDir);
    const annotations = await openAnnotationStore(dataDir, { database });
    try {
      const removed = await imports.remove(id);
      if (!removed.ok) {
        console.error(`${removed.error.message} (${id})`);
        return 1;
      }
      const notes = annotations.forDocument(id);
      if (values['delete-notes']) {
        for (const n of notes) await annotations.remove(n.id);
        console.log(`Borttaget: "${removed.value.title}" och ${notes.length} anteckningar.`);
      } else {
        console.log(
          `Borttaget: "${removed.value.title}". ${notes.length} anteckningar finns kvar utan dokument (ta bort dem med --delete-notes).`,
        );
      }
      return 0;
    } finally {
      annotations.close();
      database.close();
    }
  },
};
