// What the library says about the user's own documents, on real files: the date the file
// carries (PDF info CreationDate, else ModDate; Word's core properties; HTML date <meta>
// tags; a Markdown front matter), else the time the user added it; and the file's format for
// the type column. Rows stored by the previous release (the format's display name, or none)
// show the same without a re-import.
import { mkdtemp, rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../../../src-main/services/documents/import-parse';
import { parseMarkdown } from '../../../../src-main/services/documents/markdown';
import { openServices, type Services } from '../../../../src-main/services';
import { DATABASE_FILE } from '../../../../src-main/services/store/database';
import { ROOT, testfile } from '../documents/import-fixtures';

/** Parses as the import worker does (the user's Markdown keeps its links external). */
async function parsed(bytes: Uint8Array, fileName: string) {
  const outcome = await parseFile(bytes, fileName, {
    markdown: (source) => parseMarkdown(source, { resolveLink: () => null }),
  });
  if (!outcome.ok) throw new Error(outcome.error.sv);
  return outcome.document;
}

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("a file's own date", () => {
  it('is read from PDF, Word and HTML metadata as the publisher left it', async () => {
    const dir = await parsed(testfile('03_dir-2016-15-dataskyddsforordningen.pdf'), 'dir.pdf');
    expect(dir.meta.published).toBe('2016-02-29');
    const ruling = await parsed(testfile('16_HD-T3592-13_NJA-2014-s-499.docx'), 'dom.docx');
    expect(ruling.meta.published).toBe('2014-10-16');
    const page = await parsed(testfile('22_regeringen_dir-2016-15.html'), 'dir.html');
    expect(page.meta.published).toBe('2016-02-29');
  });

  it("falls back to a PDF's ModDate when it has no CreationDate", async () => {
    // NFS 2007:10 with its info dictionary's CreationDate key renamed (same length, so the
    // cross-reference table still holds): only ModDate, 15 May 2017, is left.
    const bytes = testfile('06_NFS-2007-10.pdf');
    const latin1 = Buffer.from(bytes).toString('latin1');
    expect(latin1.split('/CreationDate').length).toBe(2);
    const renamed = new Uint8Array(Buffer.from(latin1.replace('/CreationDate', '/CreationDatX'), 'latin1'));
    expect((await parsed(bytes, 'nfs.pdf')).meta.published).toBe('2017-05-03');
    expect((await parsed(renamed, 'nfs.pdf')).meta.published).toBe('2017-05-15');
  });

  it('is read from Dublin Core terms in a saved page that has no other date', async () => {
    // riksdagen.se's saved page carries no date; the same page with a dcterms.date, then
    // with only a dcterms.modified.
    const source = decode(testfile('24_riksdagen_SFS-2023-482.html'));
    expect((await parsed(encode(source), 'sfs.html')).meta.published).toBeUndefined();
    const withDate = source.replace('<head>', '<head><meta name="DCTERMS.date" content="2023-05-31">');
    expect(withDate).not.toBe(source);
    expect((await parsed(encode(withDate), 'sfs.html')).meta.published).toBe('2023-05-31');
    const modified = source.replace(
      '<head>',
      '<head><meta name="dcterms.modified" content="2024-01-08T10:00">',
    );
    expect((await parsed(encode(modified), 'sfs.html')).meta.published).toBe('2024-01-08');
  });

  it("is read from a Markdown file's front matter, which is not shown as text", async () => {
    const page = decode(testfile('26_g0vse_viktigare-lagar-arsskiftet-2023-2024.md'));
    const plain = await parsed(encode(page), 'lagar.md');
    expect(plain.meta.published).toBeUndefined();
    const front = [
      '---',
      'title: "Viktigare lagar och förordningar inför årsskiftet 2023/2024"',
      'date: 2023-12-15',
      'author: Regeringskansliet',
      'tags:',
      '  - lagar',
      '---',
      '',
    ].join('\n');
    const withFront = await parsed(encode(front + page), 'lagar.md');
    expect(withFront.meta).toMatchObject({
      published: '2023-12-15',
      title: 'Viktigare lagar och förordningar inför årsskiftet 2023/2024',
      author: 'Regeringskansliet',
    });
    // The same blocks as the page without it: no "date:" paragraph, no rule, no extra heading.
    expect(withFront.text).toBe(plain.text);
    expect(withFront.text).not.toContain('date: 2023');
  });

  it('is not taken from a Markdown file that merely starts with a rule', async () => {
    for (const source of [
      '---\n\n# Rubrik\n\nEtt stycke.\n',
      '---\nEtt stycke: med kolon.\n---\n\nMer text.\n',
    ]) {
      const doc = await parsed(encode(source), 'regel.md');
      expect(doc.meta.published).toBeUndefined();
      expect(doc.text).toContain(source.includes('Rubrik') ? 'Rubrik' : 'Ett stycke: med kolon.');
    }
  });

  it('is absent from a plain text file', async () => {
    expect((await parsed(testfile('27_SOSFS-2012-17.txt'), 'sosfs.txt')).meta.published).toBeUndefined();
  });
});

describe('the library entry of an added file', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'lasaren-dates-'));
  const running: Services[] = [];
  const start = async () => {
    const services = await openServices({
      resourcesDir: join(ROOT, 'resources'),
      dataDir,
      openExternal: async () => undefined,
      watchIntervalMs: 0,
    });
    running.push(services);
    return services;
  };
  afterAll(async () => {
    for (const s of running) await s.stop();
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  });

  const files = {
    text: '27_SOSFS-2012-17.txt',
    docx: '15_prop-2012-13-144_sjofartsstodet.docx',
    html: '22_regeringen_dir-2016-15.html',
    markdown: '26_g0vse_viktigare-lagar-arsskiftet-2023-2024.md',
    pdf: '03_dir-2016-15-dataskyddsforordningen.pdf',
  } as const;

  it('carries its format, and the time it was added for the list to show when it has no date', async () => {
    const services = await start();
    const before = new Date().toISOString();
    for (const name of Object.values(files)) {
      const outcome = await services.imports.add(name, testfile(name));
      expect(outcome.ok, name).toBe(true);
    }
    const after = new Date().toISOString();
    const byFormat = new Map(services.imports.list().map((d) => [d.format, d]));
    expect([...byFormat.keys()].sort()).toEqual(['docx', 'html', 'markdown', 'pdf', 'text']);
    const text = byFormat.get('text')!;
    expect(text).toMatchObject({ origin: 'imported', published: null, type: null });
    expect(text.added! >= before && text.added! <= after).toBe(true);
    expect(byFormat.get('markdown')).toMatchObject({ published: null });
    expect(byFormat.get('docx')).toMatchObject({ published: '2013-04-18' });
    expect(byFormat.get('pdf')).toMatchObject({ published: '2016-02-29' });
    // The reader's header has the same facts.
    const opened = await services.library.get(text.id);
    expect(opened.ok && opened.value.meta).toMatchObject({ format: 'text', added: text.added });
  });

  it('shows rows stored by the previous release the same way, without importing them again', async () => {
    const first = running[0]!;
    const expected = first.imports.list().map((d) => ({ id: d.id, format: d.format, added: d.added }));
    await first.stop();
    // The previous release stored the format's display name ("Text", "Word", "HTML", "PDF",
    // "Markdown"); a row without one is read by its original file name.
    const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
    const rows = db.prepare('SELECT id, metadata FROM documents').all() as { id: string; metadata: string }[];
    const names: Record<string, string> = { text: 'Text', docx: 'Word', pdf: 'PDF', markdown: 'Markdown' };
    for (const row of rows) {
      const meta = JSON.parse(row.metadata) as { format?: string };
      if (meta.format === 'html') delete meta.format;
      else meta.format = names[meta.format!]!;
      db.prepare('UPDATE documents SET metadata = ? WHERE id = ?').run(JSON.stringify(meta), row.id);
    }
    db.close();
    const again = await start();
    const now = again.imports.list().map((d) => ({ id: d.id, format: d.format, added: d.added }));
    expect(now).toEqual(expected);
    expect(now.every((d) => d.format && d.added)).toBe(true);
  });
});
