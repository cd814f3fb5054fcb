// Owns `notes list`: prints the stored annotations (document, paragraph, quote, note, tags),
// as readable lines or as JSON, from the app's own data folder unless --data says otherwise.
// Opening the store applies the same check and recovery as the app (a damaged database is moved
// aside and the newest backup restored), and the same one-time import of the old JSON files.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { openAnnotationStore } from '../../services/annotations/store';
import { UsageError, collectionDirFrom, dataDirFrom } from '../args';
import type { CliCommand } from './types';

const COLOUR_NAMES: Record<string, string> = {
  yellow: 'gul',
  green: 'grön',
  blue: 'blå',
  pink: 'rosa',
  purple: 'lila',
};

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const notesList: CliCommand = {
  words: ['notes', 'list'],
  usage: 'notes list [--json] [--data MAPP] [--collection MAPP]   visar sparade anteckningar',
  async run(args) {
    let values: { json?: boolean; data?: string; collection?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: { json: { type: 'boolean' }, data: { type: 'string' }, collection: { type: 'string' } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const dataDir = dataDirFrom(values.data);
    // Notes are the user's, not the collection's; the folder is still checked so a typo is caught.
    collectionDirFrom(values.collection);
    if (!existsSync(dataDir)) {
      // Listing never creates the folder (a mistyped --data would otherwise leave one behind).
      console.error(`Mappen ${dataDir} finns inte; där finns inga anteckningar. Ange rätt mapp med --data.`);
      return 1;
    }
    const store = await openAnnotationStore(dataDir);
    if (store.problem) console.error(store.problem.sv);
    const annotations = store
      .all()
      .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.position.start - b.position.start);
    store.close();
    if (values.json) {
      console.log(JSON.stringify({ dataDir, problem: store.problem?.sv ?? null, annotations }, null, 2));
      return 0;
    }
    if (annotations.length === 0) {
      console.log(`Inga anteckningar i ${dataDir}.`);
      return 0;
    }
    for (const a of annotations) {
      const colour = a.colour ? COLOUR_NAMES[a.colour] : 'ingen färg';
      console.log(`${a.documentId}  stycke ${a.paragraph}  (${colour})`);
      console.log(`  Citat:      ”${oneLine(a.quote.exact, 200)}”`);
      if (a.note) console.log(`  Anteckning: ${a.note.replace(/\r?\n/g, '\n              ')}`);
      if (a.tags.length) console.log(`  Taggar:     ${a.tags.join(', ')}`);
      console.log(`  Ändrad:     ${a.modified}`);
      console.log('');
    }
    console.log(`${annotations.length} anteckningar i ${dataDir}.`);
    return 0;
  },
};
