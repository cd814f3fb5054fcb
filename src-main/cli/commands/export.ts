// `export`: writes notes to a file in one of the six formats, on the same services as the app.
import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, type ExportScope } from '../../shared/export';
import { DOCUMENT_ID_PATTERN } from '../../shared/documents/model';
import { writeExportFile } from '../../services/export/service';
import { UsageError, collectionDirFrom, dataDirFrom } from '../args';
import { parseCommandArgs } from './parse';
import { openCliServices } from './open';
import type { CliCommand } from './types';

const isFormat = (v: string): v is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(v);

export const exportCommand: CliCommand = {
  words: ['export'],
  usage: `export --format ${EXPORT_FORMATS.join('|')} --out FIL [--document ID] [--tag TAGG] [--data MAPP] [--collection MAPP]`,
  async run(args) {
    const { values } = parseCommandArgs({
      args,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        document: { type: 'string' },
        tag: { type: 'string' },
        data: { type: 'string' },
        collection: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    });
    const { format, out, document, tag } = values;
    if (!format) throw new UsageError('Ange formatet med --format.');
    if (!isFormat(format))
      throw new UsageError(`Okänt format "${format}"; välj ett av ${EXPORT_FORMATS.join(', ')}.`);
    if (!out) throw new UsageError('Ange filen att skriva med --out.');
    if (document !== undefined && !DOCUMENT_ID_PATTERN.test(document))
      throw new UsageError(`Ogiltigt dokument-id "${document}".`);
    if (tag !== undefined && tag.trim() === '') throw new UsageError('--tag kan inte vara tom.');

    const services = await openCliServices(dataDirFrom(values.data), collectionDirFrom(values.collection));
    if (
      document &&
      !services.library.summary(document) &&
      services.annotations.forDocument(document).length === 0
    ) {
      const known = services.library.list().map((d) => d.id);
      throw new UsageError(
        `Dokumentet "${document}" finns inte. Dokument i biblioteket: ${known.join(', ')}.`,
      );
    }
    const scope: ExportScope = tag
      ? { kind: 'filter', filter: { documentId: document ?? null, tag } }
      : document
        ? { kind: 'document', documentId: document }
        : { kind: 'all' };
    const { bytes, model } = await services.exports.render(format, scope);
    const path = resolve(out);
    await writeExportFile(path, bytes);
    const notes = model.count === 1 ? '1 anteckning' : `${model.count} anteckningar`;
    console.log(`Exporterade ${notes} från ${model.groups.length} dokument till ${path}`);
    return 0;
  },
};
