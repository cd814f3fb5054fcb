// How the reader splits a block's text by its inline markup and groups list items: the pieces
// always join to exactly the block's text, links to other documents become reader routes and
// relative links resolve against the document's address.
import { describe, expect, it } from 'vitest';
import type { Block, InlineSpan } from '../../../src-main/shared/documents/model';
import { parts, spansWithin, units } from '../../../src-renderer/features/reader/blocks';

const joined = (p: ReturnType<typeof parts>) => p.flatMap((x) => x.pieces.map((y) => y.text)).join('');

describe('parts', () => {
  const text = 'Se prop. 2012/13:63 och särskilt avsnitt 4 om kvinnor.';
  const spans: InlineSpan[] = [
    {
      kind: 'link',
      start: 3,
      end: 19,
      href: '/rattsliga-dokument/proposition/2012/12/prop.-20121363/',
      target: { documentId: 'proposition-prop-20121363', paragraph: 4 },
    },
    { kind: 'strong', start: 24, end: 32 },
    { kind: 'emphasis', start: 28, end: 42 },
    { kind: 'link', start: 46, end: 53, href: '/kvinnor/' },
  ];

  it('joins to exactly the text, links outermost, overlapping marks split', () => {
    const p = parts(text, spans, 'https://www.regeringen.se/sida/');
    expect(joined(p)).toBe(text);
    expect(p[1]).toMatchObject({ href: '#/dokument/proposition-prop-20121363/stycke/4', internal: true });
    expect(p.at(-2)).toMatchObject({ href: 'https://www.regeringen.se/kvinnor/', internal: false });
    const marked = p.flatMap((x) => x.pieces).filter((x) => x.strong && x.emphasis);
    expect(marked.map((x) => x.text)).toEqual([text.slice(28, 32)]);
  });

  it('keeps text without spans whole', () => {
    expect(parts('Bara text.', [], null)).toEqual([
      {
        href: null,
        internal: false,
        pieces: [{ text: 'Bara text.', strong: false, emphasis: false, code: false }],
      },
    ]);
  });

  it("shifts a table block's spans into one cell", () => {
    expect(spansWithin([{ kind: 'strong', start: 5, end: 12 }], 8, 20)).toEqual([
      { kind: 'strong', start: 0, end: 4 },
    ]);
  });
});

describe('units', () => {
  const block = (kind: Block['kind'], number: number | null): Block => ({
    kind,
    text: 'x',
    start: 0,
    end: 1,
    level: 1,
    number,
    marker: kind === 'list-item' ? '1.' : null,
    page: null,
    spans: [],
    rows: null,
  });

  it('groups runs of list items into one list', () => {
    const u = units([
      block('heading', null),
      block('list-item', 1),
      block('list-item', 2),
      block('paragraph', 3),
      block('list-item', 4),
    ]);
    expect(u.map((x) => (x.kind === 'list' ? `list:${x.items.length}` : x.block.kind))).toEqual([
      'heading',
      'list:2',
      'paragraph',
      'list:1',
    ]);
  });
});
