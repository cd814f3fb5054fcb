// The HTML parser on pages saved from regeringen.se, riksdagen.se and socialstyrelsen.se
// (navigation chrome, scripts, layout) and on hostile pages: nothing active or remote is
// read, and nothing is fetched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedDocument } from '../../../../src-main/shared/documents/model';
import { parseHtml, parseHtmlString } from '../../../../src-main/services/documents/html';
import { ImportFailure } from '../../../../src-main/services/documents/limits';
import { testfile } from './import-fixtures';

const kinds = (doc: ParsedDocument, kind: string): string[] =>
  doc.blocks.filter((b) => b.kind === kind).map((b) => b.text);

describe('pages saved from the publishers', () => {
  it('regeringen.se remiss: the <main> content only, no menus, share buttons or tags', () => {
    const doc = parseHtml(testfile('21_regeringen_remiss-ds-2026-15.html'));
    expect(doc.meta).toEqual({
      title: 'Remiss av Ds 2026:15 Gäldenärens avtal i konkurs',
      author: 'Regeringen och Regeringskansliet',
      published: '2026-07-02',
      language: 'sv',
    });
    expect(kinds(doc, 'heading')[0]).toBe('Remiss av Ds 2026:15 Gäldenärens avtal i konkurs');
    expect(doc.text).toContain(
      'Remissvaren ska ha kommit in till Justitiedepartementet senast den 30 oktober 2026.',
    );
    for (const chrome of [
      'Facebook',
      'Dela',
      'Sidan är uppmärkt',
      'Relaterat',
      'öppnas i ny flik',
      'Sök på regeringen.se',
    ]) {
      expect(doc.text).not.toContain(chrome);
    }
    expect(doc.text).not.toMatch(/function\s*\(|window\.|dataLayer/);
  });

  it('regeringen.se directive: role=main, the list of tasks as list items', () => {
    const doc = parseHtml(testfile('22_regeringen_dir-2016-15.html'));
    expect(doc.meta.title).toBe('Dataskyddsförordningen');
    expect(kinds(doc, 'list-item')).toContain(
      'lämna sådana författningsförslag som är behövliga och lämpliga.',
    );
    expect(doc.text).toContain('Uppdraget ska redovisas senast den 12 maj 2017.');
  });

  it('riksdagen.se betänkande: debate speeches as headings, the votes as tables', () => {
    const doc = parseHtml(testfile('23_riksdagen_bet-2022-23-JuU31.html'));
    expect(kinds(doc, 'heading')).toContain('Anf. 1 Petter Löberg (S)');
    const votes = doc.blocks.find((b) => b.kind === 'table' && b.text.startsWith('Parti\tJa\tNej'))!;
    expect(votes.rows![0]!.header).toBe(true);
    expect(votes.rows![0]!.cells).toHaveLength(5);
  });

  it('riksdagen.se statute: sections as paragraphs, numbered points after <br> as list items', () => {
    const doc = parseHtml(testfile('24_riksdagen_SFS-2023-482.html'));
    expect(doc.meta.title).toBe(
      'Förordning (2023:482) om prövning och samordning av väg- eller järnvägsprojekt inom det transeuropeiska transportnätet',
    );
    expect(kinds(doc, 'heading')).toContain('Ordförklaringar');
    expect(kinds(doc, 'paragraph')).toContain('5 § Med projektansvarig avses i denna förordning');
    expect(kinds(doc, 'list-item')).toContain('den väghållningsmyndighet som ansvarar för ett projekt.');
  });

  it('socialstyrelsen.se (SharePoint, the whole page in a form): the regulation, not the site', () => {
    const doc = parseHtml(testfile('25_socialstyrelsen_SOSFS-2005-27.html'));
    expect(kinds(doc, 'heading')[0]).toMatch(
      /^Senaste version av Socialstyrelsens föreskrifter \(SOSFS 2005:27\)/,
    );
    expect(kinds(doc, 'heading')).toContain('1 kap. Tillämpningsområde');
    expect(doc.text).not.toContain('Lättläst');
    expect(doc.text).not.toContain('Brödtext');
    expect(doc.text).not.toContain('Ladda ner sida');
  });

  it('regeringen.se remiss: the boxes beside the text (Genväg, Remisser, Dela) are not part of it', () => {
    const doc = parseHtml(testfile('21_regeringen_remiss-ds-2026-15.html'));
    const texts = doc.blocks.map((b) => b.text);
    expect(texts).not.toContain('Genväg');
    expect(texts).not.toContain('Remisser');
    expect(texts).not.toContain('Svara på remiss');
    expect(doc.text).not.toContain('Innan regeringen tar ställning till ett förslag skickas det på remiss');
    expect(texts[texts.length - 1]).toBe(
      'Remissvaren ska ha kommit in till Justitiedepartementet senast den 30 oktober 2026.',
    );
  });

  it('regeringen.se remiss: the page opens with its h1; the category line above it is read after it', () => {
    const doc = parseHtml(testfile('21_regeringen_remiss-ds-2026-15.html'));
    expect(doc.blocks[0]).toMatchObject({
      kind: 'heading',
      level: 1,
      text: 'Remiss av Ds 2026:15 Gäldenärens avtal i konkurs',
    });
    expect(doc.blocks[1]).toMatchObject({
      kind: 'paragraph',
      text: 'Remiss från Justitiedepartementet, Regeringen',
    });
  });

  it('regeringen.se directive: the h1 is the title alone, its "ID-nummer" label read after it', () => {
    const doc = parseHtml(testfile('22_regeringen_dir-2016-15.html'));
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Dataskyddsförordningen' });
    expect(doc.blocks[1]).toMatchObject({ kind: 'paragraph', text: 'ID-nummer: Dir. 2016:15' });
  });
});

describe('hostile pages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads structure and text only: no script, style, form, iframe, image or object content', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const doc = parseHtmlString(`<!doctype html><html lang="sv"><head><title>Elak sida</title>
      <script>alert("kört")</script><style>p{color:red}</style>
      <meta http-equiv="refresh" content="0;url=https://evil.example/"></head>
      <body onload="steal()"><h1>Rubrik</h1>
      <p>Text före <img src="https://evil.example/spy.gif" onerror="steal()" alt="bild"> bilden.</p>
      <iframe src="https://evil.example/frame">ramtext</iframe>
      <form action="https://evil.example/post"><label>Namn</label><input value="hemligt"><button>Skicka</button></form>
      <object data="x.swf">objekt</object><noscript>utan skript</noscript>
      <p><a href="javascript:steal()">farlig länk</a> och <a href="https://www.riksdagen.se/">riksdagen</a></p>
      <svg><text>svg-text</text></svg></body></html>`);
    expect(doc.blocks.map((b) => `${b.kind}: ${b.text}`)).toEqual([
      'heading: Rubrik',
      'paragraph: Text före bilden.',
      'paragraph: farlig länk och riksdagen',
    ]);
    const links = doc.blocks[2]!.spans.filter((s) => s.kind === 'link');
    expect(links).toEqual([{ kind: 'link', start: 16, end: 25, href: 'https://www.riksdagen.se/' }]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a page with nothing but scripts and chrome as empty', () => {
    expect(() =>
      parseHtmlString('<html><head><script>x()</script></head><body><nav>Meny</nav></body></html>'),
    ).toThrow(ImportFailure);
  });

  it('decodes a Windows-1252 page that declares its charset', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('<html><head><meta charset="windows-1252"><title>R'),
      0xe5,
      0x64, // "åd"
      ...new TextEncoder().encode('</title></head><body><p>F'),
      0xf6,
      0x72,
      0x65,
      0x73,
      0x6b,
      0x72,
      0x69,
      0x66,
      0x74, // "öreskrift"
      ...new TextEncoder().encode('</p></body></html>'),
    ]);
    const doc = parseHtml(bytes);
    expect(doc.meta.title).toBe('Råd');
    expect(doc.text).toBe('Föreskrift');
  });
});
