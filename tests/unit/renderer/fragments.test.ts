// Links to places in the open document, on the real regeringen.se pages of the 400-document
// collection whose tables of contents link to "#a1", "#Inledning" … (anchors the Markdown no
// longer has): every such link either finds its heading or is reported as missing, never sent
// to the web; plus the fragment forms by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src-main/shared/documents/model';
import { parseMarkdown } from '../../../src-main/services/documents/markdown';
import { fragmentOf, resolveFragment } from '../../../src-renderer/features/reader/fragments';
import { parts } from '../../../src-renderer/features/reader/blocks';

const ROOT = resolve(import.meta.dirname, '../../..');
function integration(): string | null {
  const env = process.env['LASAREN_SHARED'];
  const roots = env ? [env] : [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')];
  for (const root of roots) {
    const dir = join(root, 'collections', 'integration');
    if (existsSync(dir)) return dir;
  }
  return null;
}

const block = (kind: Block['kind'], text: string, extra: Partial<Block> = {}): Block => ({
  kind,
  text,
  start: 0,
  end: text.length,
  level: kind === 'heading' ? 2 : 0,
  number: kind === 'heading' ? null : 1,
  marker: null,
  page: null,
  spans: [],
  rows: null,
  ...extra,
});

describe('fragmentOf', () => {
  const base = 'https://www.regeringen.se/artiklar/2024/09/budgeten/';
  it.each([
    ['#judepr7', false, 'judepr7'],
    ['#', false, ''],
    ['#Statsr%C3%A5dsberedningen', false, 'Statsrådsberedningen'],
    ['/artiklar/2024/09/budgeten/#Reformer', true, 'Reformer'],
    ['https://www.regeringen.se/artiklar/2024/09/budgeten#Utgifter', false, 'Utgifter'],
    ['https://www.uhr.se/bryssel#f', false, null],
    ['/artiklar/annat/', false, null],
  ])('%s', (href, self, expected) => {
    expect(fragmentOf(href, base, self)).toBe(expected);
  });

  it('makes such links in-app links that carry their fragment, never web addresses', () => {
    const text = 'Se Reformer och UHR';
    const spans = [
      { kind: 'link' as const, start: 3, end: 11, href: '#Reformer' },
      { kind: 'link' as const, start: 16, end: 19, href: 'https://www.uhr.se/#x' },
    ];
    const [, inner, , outer] = parts(text, spans, 'https://www.regeringen.se/a/', 'doc-1');
    expect(inner).toMatchObject({ href: '#/dokument/doc-1', internal: true, fragment: 'Reformer' });
    expect(outer).toMatchObject({ href: 'https://www.uhr.se/#x', internal: false });
    expect(outer!.fragment).toBeUndefined();
  });
});

describe('resolveFragment', () => {
  const blocks = [
    block('title', 'Viktigare lagar'),
    block('paragraph', 'Arbetsrätten reformeras', { number: 1 }),
    block('heading', 'Statsrådsberedningen'),
    block('paragraph', 'Text', { number: 2, page: 4 }),
    block('heading', 'Arbetsrätten reformeras'),
    block('paragraph', 'Mer text', { number: 3, page: 5 }),
  ];
  it('finds paragraphs, pages, headings by name and by the link text', () => {
    expect(resolveFragment(blocks, 'stycke-3', '', 1)).toBe(5);
    expect(resolveFragment(blocks, 'page=5', '', 1)).toBe(5);
    expect(resolveFragment(blocks, 'Statsradsberedningen', 'x', 1)).toBe(2);
    expect(resolveFragment(blocks, 'a1', 'Arbetsrätten  reformeras', 1)).toBe(4);
    expect(resolveFragment(blocks, 'saknas', 'Finns inte', 1)).toBe(-1);
    expect(resolveFragment(blocks, 'stycke-99', '', 1)).toBe(-1);
  });

  const dir = integration();
  it.skipIf(!dir)('real tables of contents lead to their headings', () => {
    const file = join(
      dir!,
      'docs/informationsmaterial/informationsmaterial-viktigare-lagar-och-forordningar-infor--9.md',
    );
    const doc = parseMarkdown(readFileSync(file, 'utf8'));
    const links = doc.blocks.flatMap((b, i) =>
      b.spans.flatMap((s) =>
        s.kind === 'link' && s.href.startsWith('#')
          ? [{ from: i, fragment: s.href.slice(1), text: b.text.slice(s.start, s.end) }]
          : [],
      ),
    );
    expect(links.length).toBeGreaterThan(50);
    const found = links.map((l) => resolveFragment(doc.blocks, l.fragment, l.text, l.from));
    // Nearly every entry leads to a heading with its own words, further down the page.
    const headings = found.filter((i) => i >= 0 && doc.blocks[i]!.kind === 'heading');
    expect(headings.length / links.length).toBeGreaterThan(0.9);
    for (const [k, i] of found.entries()) {
      if (i < 0) continue;
      expect(i).toBeGreaterThan(links[k]!.from);
    }
  });
});
