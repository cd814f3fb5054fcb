// Case tables for the escaping rules: each hostile line, escaped for Markdown, reads back
// through a CommonMark parser as exactly one paragraph of the same text; CSV cells that
// would run as formulas are neutralised; docx gets no characters XML cannot carry.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../../../src-main/services/export/csv';
import { xmlSafe } from '../../../../src-main/services/export/docx';
import { escapeHtml } from '../../../../src-main/services/export/html';
import { markdownText } from '../../../../src-main/services/export/markdown';

const md = new MarkdownIt('commonmark');

const HOSTILE_LINES = [
  '# rubrik',
  '###### sex',
  '- punkt',
  '+ punkt',
  '* punkt',
  '1. ett',
  '2) två',
  '> citat',
  '```js',
  '~~~',
  '    kod med fyra blanksteg',
  '\tkod med flik',
  '---',
  '===',
  '***',
  '<div onclick="x">html</div>',
  '<!-- kommentar -->',
  '[ref]: http://evil.example',
  '[länk](http://evil.example) ![bild](http://evil.example/x.png)',
  '<http://evil.example>',
  '&amp; &lt; &#65;',
  '**fet** __fet__ *kursiv* _kursiv_ `kod`',
  'slutar med snedstreck \\',
  'slutar med två blanksteg  ',
  '| a | b |',
  'Åsa, Örjan och Ängel – ”citat” ‘enkla’ …',
];

describe('Markdown escaping', () => {
  for (const line of HOSTILE_LINES) {
    it(`keeps ${JSON.stringify(line)} as plain text`, () => {
      const tokens = md.parse(markdownText(line), {});
      expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close']);
      const children = tokens[1]!.children ?? [];
      expect(children.map((c) => c.type)).toEqual(['text']);
      expect(children.map((c) => c.content).join('')).toBe(line);
    });
  }

  it('keeps line breaks inside a block quote', () => {
    const tokens = md.parse(markdownText('rad ett\n# rad två\n\nnytt stycke', '> '), {});
    expect(tokens.filter((t) => t.type === 'blockquote_open')).toHaveLength(1);
    const inline = tokens.filter((t) => t.type === 'inline');
    expect(
      inline.map((t) => t.children!.map((c) => (c.type === 'hardbreak' ? '\n' : c.content)).join('')),
    ).toEqual(['rad ett\n# rad två', 'nytt stycke']);
  });
});

describe('CSV formula neutralisation', () => {
  it.each(['=1+1', '+46 8', '-2', '@SUM(A1)', '\tflik', '\rcr'])('prefixes %j with an apostrophe', (cell) => {
    expect(neutraliseFormula(cell)).toBe(`'${cell}`);
  });
  it.each(['Åsa', '1+1', ' =inte först', "'redan"])('leaves %j alone', (cell) => {
    expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('HTML and XML', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
  it('replaces control characters and lone surrogates that XML cannot carry', () => {
    expect(xmlSafe('a\u0000b\u0007c\td\ne\uD800f😀')).toBe('a\uFFFDb\uFFFDc\td\ne\uFFFDf😀');
  });
});
