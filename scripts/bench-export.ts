// Prints how long each export format takes for 100, 1,000 and 10,000 notes on real passages
// of the shipped documents, and how long a JSON import preview and merge take.
// `npm run bench:export` (PDF needs Chromium; it is skipped with the reason when missing).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openServices } from '../src-main/services';
import { renderPdfWithChromium, chromiumPath } from '../src-main/services/export/pdf-chromium';
import { exportsFolderHost } from '../src-main/services/export/service';
import type { Annotation } from '../src-main/shared/annotation';
import { EXPORT_FORMATS } from '../src-main/shared/export';
import { existsSync } from 'node:fs';

const ROOT = resolve(import.meta.dirname, '..');

async function run(count: number): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-bench-export-'));
  const services = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir,
    openExternal: async () => undefined,
    exportHost: exportsFolderHost(dataDir, renderPdfWithChromium),
  });
  const paragraphs = (await services.library.loadAll()).flatMap((doc) =>
    doc.blocks.flatMap((b) => (b.number !== null ? [{ doc, b, paragraph: b.number }] : [])),
  );
  const now = new Date().toISOString();
  const notes: Annotation[] = Array.from({ length: count }, (_, i) => {
    const { doc, b, paragraph } = paragraphs[i % paragraphs.length]!;
    const end = Math.min(b.end, b.start + 60);
    return {
      id: randomUUID(),
      documentId: doc.meta.id,
      paragraph,
      quote: {
        type: 'TextQuoteSelector',
        exact: doc.text.slice(b.start, end),
        prefix: doc.text.slice(Math.max(0, b.start - 32), b.start),
        suffix: doc.text.slice(end, end + 32),
      },
      position: { type: 'TextPositionSelector', start: b.start, end },
      colour: 'yellow',
      note: `Anteckning ${i}: följ upp med Åsa.\nAndra raden.`,
      tags: ['uppföljning', `grupp-${i % 10}`],
      created: now,
      modified: now,
      history: [],
    };
  });
  await services.annotations.upsertMany(notes);
  const figures: string[] = [];
  for (const format of EXPORT_FORMATS) {
    if (format === 'pdf' && (count > 1000 || !existsSync(chromiumPath()))) {
      figures.push(`pdf: hoppas över${count > 1000 ? ' (över 1 000)' : ' (Chromium saknas)'}`);
      continue;
    }
    const t0 = performance.now();
    const { bytes } = await services.exports.render(format, { kind: 'all' });
    figures.push(
      `${format}: ${(performance.now() - t0).toFixed(0)} ms, ${(bytes.length / 1024).toFixed(0)} kB`,
    );
  }
  const json = new TextDecoder().decode((await services.exports.render('json', { kind: 'all' })).bytes);
  const target = await mkdtemp(join(tmpdir(), 'lasaren-bench-import-'));
  const into = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir: target,
    openExternal: async () => undefined,
  });
  const t0 = performance.now();
  const preview = await into.exports.previewImportContent('bench.json', json);
  const t1 = performance.now();
  if (!preview.ok) throw new Error(preview.error.message);
  await into.exports.applyImport(preview.value.token);
  const t2 = performance.now();
  figures.push(
    `import: förhandsvisning ${(t1 - t0).toFixed(0)} ms, sammanslagning ${(t2 - t1).toFixed(0)} ms`,
  );
  console.log(`${count} anteckningar\n  ${figures.join('\n  ')}`);
  await rm(dataDir, { recursive: true, force: true });
  await rm(target, { recursive: true, force: true });
}

for (const count of [100, 1000, 10_000]) await run(count);
