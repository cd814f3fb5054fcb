// The Markdown parser on all 400 documents of the integration collection and on the shipped
// documents: every word of the source (markup removed) is in the text and nothing else is,
// no markup leaks, tables have consistent cells, numbering is stable, structure is kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest } from '../../../../src-main/services/documents/manifest';
import { parseMarkdown } from '../../../../src-main/services/documents/markdown';
import { ROOT, integrationDir } from './shared-path';

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Ordered-list markers are shown apart from the text. A numbered line only starts a list after
 * a blank line or another item, or when it is "1." (CommonMark: "…oktober\n2020." is text).
 */
function withoutListMarkers(source: string): string {
  const lines = source.split('\n');
  return lines
    .map((line, i) => {
      const m = /^(\s*)(\d{1,9})[.)](\s|$)/.exec(line);
      const previous = lines[i - 1] ?? '';
      const starts =
        previous.trim() === '' || /^\s*(\d{1,9}[.)]|[-*+])(\s|$)/.test(previous) || m?.[2] === '1';
      return m && starts ? line.slice(m[0].length) : line;
    })
    .join('\n');
}

/** Words of a Markdown source as a reader sees them: link addresses, markers and syntax gone. */
function sourceWords(source: string): string[] {
  const visible = withoutListMarkers(source)
    // "**a****b**" is two strong runs side by side: CommonMark joins their words ("ab").
    .replace(/(?<=[\p{L}\p{N}])\*{4}(?=[\p{L}\p{N}])/gu, '')
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, ']') // [text](address "title")
    .replace(/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/gm, '') // table delimiter rows
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
  return visible.match(WORD) ?? [];
}

function count(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

const manifest = readManifest(readFileSync(join(integrationDir(), 'manifest.ndjson'), 'utf8'));

describe('the 400 integration documents', () => {
  it('all parse, keep every word of the source and add none', () => {
    expect(manifest.entries).toHaveLength(400);
    for (const entry of manifest.entries) {
      const source = readFileSync(join(integrationDir(), entry.file), 'utf8');
      const doc = parseMarkdown(source);
      const expected = count(sourceWords(source));
      const got = count(doc.text.match(WORD) ?? []);
      const missing = [...expected].filter(([w, n]) => (got.get(w) ?? 0) < n).map(([w]) => w);
      const extra = [...got].filter(([w, n]) => (expected.get(w) ?? 0) < n).map(([w]) => w);
      expect({ file: entry.file, missing, extra }).toEqual({ file: entry.file, missing: [], extra: [] });
    }
  });

  it('leak no Markdown syntax into the text', () => {
    for (const entry of manifest.entries) {
      const doc = parseMarkdown(readFileSync(join(integrationDir(), entry.file), 'utf8'));
      for (const b of doc.blocks) {
        const where = `${entry.file}: ${b.text.slice(0, 60)}`;
        // "***" escaped in the source is a separator the speech prints, not markup.
        if (/^\*+$/.test(b.text)) continue;
        expect(b.text, where).not.toMatch(/\*\*|\]\(|\|---|^#{1,6} /m);
        expect(doc.text.slice(b.start, b.end), where).toBe(b.text);
      }
    }
  });

  it('number citable blocks 1, 2, 3 … and keep headings, lists and tables', () => {
    let headings = 0;
    let tables = 0;
    let items = 0;
    for (const entry of manifest.entries) {
      const doc = parseMarkdown(readFileSync(join(integrationDir(), entry.file), 'utf8'));
      const numbers = doc.blocks.flatMap((b) => (b.number === null ? [] : [b.number]));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(doc.blocks[0]?.kind, entry.file).toBe('title');
      for (const b of doc.blocks) {
        if (b.kind === 'heading') {
          headings++;
          expect(b.level).toBeGreaterThanOrEqual(2);
          expect(b.number).toBeNull();
        }
        if (b.kind === 'list-item') {
          items++;
          expect(b.level).toBeGreaterThanOrEqual(1);
        }
        if (b.kind === 'table') {
          tables++;
          const rows = b.rows ?? [];
          expect(rows.length).toBeGreaterThan(0);
          expect(b.text.split('\n')).toHaveLength(rows.length);
          const width = rows[0]?.cells.length ?? 0;
          for (const [i, row] of rows.entries()) {
            expect(row.cells, `${entry.file} table row ${i}`).toHaveLength(width);
            const line = b.text.split('\n')[i] ?? '';
            expect(row.cells.map((c) => b.text.slice(c.start, c.end)).join('\t')).toBe(line);
          }
        }
      }
      // Parsing again gives the same numbers: citations and deep links are stable.
      expect(parseMarkdown(readFileSync(join(integrationDir(), entry.file), 'utf8'))).toEqual(doc);
    }
    expect({ headings: headings > 300, tables: tables > 0, items: items > 400 }).toEqual({
      headings: true,
      tables: true,
      items: true,
    });
  });
});

describe('inline markup and structure', () => {
  const md = [
    '# Titel',
    '',
    'Ett **fetstilt** och *kursivt* ord, `kod` och [en länk](https://example.org/a "rubrik").',
    '',
    '## Bakgrund',
    '',
    '1. första',
    '   - inne i',
    '2) andra',
    '',
    '> Citat med \\*stjärna\\* och &amp;.',
    '',
    '| A | B |',
    '|---|:-:|',
    '| 1 | **2** |',
    '| 3 |',
    '',
    '```',
    'kod rad',
    '```',
  ].join('\n');
  const doc = parseMarkdown(md);

  it('keeps each kind, level, marker and number', () => {
    expect(doc.blocks.map((b) => [b.kind, b.level, b.marker, b.number, b.text])).toEqual([
      ['title', 1, null, null, 'Titel'],
      ['paragraph', 0, null, 1, 'Ett fetstilt och kursivt ord, kod och en länk.'],
      ['heading', 2, null, null, 'Bakgrund'],
      ['list-item', 1, '1.', 2, 'första'],
      ['list-item', 2, '•', 3, 'inne i'],
      ['list-item', 1, '2)', 4, 'andra'],
      ['quote', 0, null, 5, 'Citat med *stjärna* och &.'],
      ['table', 0, null, 6, 'A\tB\n1\t2\n3\t'],
      ['code', 0, null, 7, 'kod rad'],
    ]);
  });

  it('marks emphasis, code and links over exactly their words', () => {
    const p = doc.blocks[1]!;
    const words = p.spans.map((s) => [s.kind, p.text.slice(s.start, s.end)]);
    expect(words).toEqual([
      ['strong', 'fetstilt'],
      ['emphasis', 'kursivt'],
      ['code', 'kod'],
      ['link', 'en länk'],
    ]);
    expect(p.spans.find((s) => s.kind === 'link')).toMatchObject({ href: 'https://example.org/a' });
  });

  it('resolves links to documents of the library through the injected resolver', () => {
    const linked = parseMarkdown(
      'Se [propositionen](/proposition/x/#stycke-3) och [extern](https://example.org).',
      {
        resolveLink: (href) =>
          href.startsWith('/proposition/') ? { documentId: 'prop-x', paragraph: 3 } : null,
      },
    );
    const links = linked.blocks[0]!.spans.filter((s) => s.kind === 'link');
    expect(links.map((l) => ('target' in l ? l.target : undefined))).toEqual([
      { documentId: 'prop-x', paragraph: 3 },
      undefined,
    ]);
  });
});

describe('the shipped documents (plain text) as Markdown', () => {
  it('keep their title line, every paragraph and their web and e-mail links', () => {
    const ncp = parseMarkdown(
      readFileSync(join(ROOT, 'resources/documents/000_85e98cc4eb8dedfb.txt'), 'utf8'),
    );
    expect(ncp.blocks[0]).toMatchObject({ kind: 'title', text: 'National Contact Points on Integration.' });
    expect(ncp.blocks.filter((b) => b.number !== null)).toHaveLength(9);
    const hrefs = ncp.blocks.flatMap((b) => b.spans.flatMap((s) => (s.kind === 'link' ? [s.href] : [])));
    expect(hrefs).toEqual([
      'http://ec.europa.eu/justice_home/doc_centre/immigration/integration/doc_immigration_integration_en.htm',
      'mailto:goran.lindqvist@justice.ministry.se',
    ]);
    const plan = parseMarkdown(
      readFileSync(join(ROOT, 'resources/documents/003_e730e55ba1c2e8b7.txt'), 'utf8'),
    );
    expect(plan.blocks[0]).toMatchObject({
      kind: 'title',
      text: 'Meddelande om handlingsplan för integration och inkludering för 2021- 2027',
    });
    expect(plan.blocks.filter((b) => b.number !== null)).toHaveLength(8);
  });
});
