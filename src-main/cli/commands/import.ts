// `import`: merges a W3C Web Annotation JSON file into the notes (or, with --dry-run, only
// reports what a merge would do). A bad file changes nothing and exits with 1.
import { resolve } from 'node:path';
import { UsageError, collectionDirFrom, dataDirFrom } from '../args';
import { parseCommandArgs } from './parse';
import { openCliServices } from './open';
import type { CliCommand } from './types';

export const importCommand: CliCommand = {
  words: ['import'],
  usage: 'import FIL [--data MAPP] [--collection MAPP] [--dry-run]',
  async run(args) {
    const { values, positionals } = parseCommandArgs({
      args,
      options: { data: { type: 'string' }, collection: { type: 'string' }, 'dry-run': { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length !== 1 || !positionals[0])
      throw new UsageError(positionals.length ? 'Ange bara en fil.' : 'Ange filen att importera.');
    const file = resolve(positionals[0]);
    const services = await openCliServices(dataDirFrom(values.data), collectionDirFrom(values.collection));
    const preview = await services.exports.previewImportFile(file);
    if (!preview.ok) {
      console.error(preview.error.message);
      return 1;
    }
    const p = preview.value;
    console.log(
      `${p.fileName}: anteckningar i filen: ${p.total}; nya: ${p.added}, finns redan: ${p.unchanged}, i konflikt: ${p.conflicts} (från filen: ${p.replaced}, dina egna behålls: ${p.conflicts - p.replaced}; den äldre versionen sparas i historiken).`,
    );
    for (const u of p.unknownDocuments)
      console.log(
        `Dokumentet ${u.documentId} finns inte i biblioteket; dess anteckningar (${u.count}) sparas och visas som föräldralösa.`,
      );
    if (values['dry-run']) {
      console.log('Provkörning (--dry-run): inget har ändrats.');
      return 0;
    }
    const applied = await services.exports.applyImport(p.token);
    if (!applied.ok) {
      console.error(applied.error.message);
      return 1;
    }
    const a = applied.value;
    console.log(
      `Importen är klar. Nya: ${a.added}, sammanslagna: ${a.updated}, fanns redan: ${a.unchanged}.`,
    );
    return 0;
  },
};
