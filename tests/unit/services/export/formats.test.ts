// Every export format, opened by a reader that did not write it: mammoth and pandoc for
// Word, pdftotext for PDF, markdown-it (CommonMark) for Markdown, csv-parse for CSV,
// Chromium for HTML and an independent zod schema of the W3C model for JSON. Each checks
// that quotes, Swedish notes, tags, colours and citations survive and hostile text is inert.
import { parse as parseCsv } from 'csv-parse/sync';
import mammoth from 'mammoth';
import MarkdownIt from 'markdown-it';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Annotation } from '../../../../src-main/shared/annotation';
import { COLOUR_NAME_SV, paragraphLink } from '../../../../src-main/shared/export';
import { documentLabel, formatCitation } from '../../../../src-main/shared/documents/citation';
import type { DocumentSummary } from '../../../../src-main/shared/documents/model';
import { OFFLINE_CHROMIUM_ARGS, chromiumPath } from '../../../../src-main/services/export/pdf-chromium';
import { CSV_HEADER } from '../../../../src-main/services/export/csv';
import { HOSTILE_NOTE, sandboxWithSamples, type Sandbox } from './sample-notes';
import { compact, pandocText, pdfInfo, pdfText, squash, type Read } from './readers';
import { existsSync } from 'node:fs';

let sandbox: Sandbox & { notes: Annotation[] };
const titles = new Map<string, DocumentSummary>();

beforeAll(async () => {
  sandbox = await sandboxWithSamples();
  for (const d of sandbox.services.library.list()) titles.set(d.id, d);
});
afterAll(() => sandbox.cleanup());

const render = async (format: 'docx' | 'pdf' | 'md' | 'html' | 'csv' | 'json') =>
  (await sandbox.services.exports.render(format, { kind: 'all' })).bytes;
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
// The shipped documents have no headings: a citation is "‹designation or title›, stycke n".
const citationOf = (a: Annotation) =>
  formatCitation(titles.get(a.documentId) ?? { title: '?', designation: null }, { paragraph: a.paragraph });

/** Asserts every sample's quote, note lines, tags, colour, citation and link are in `text`. */
function expectAllFields(text: string, options: { wrapped: boolean }): void {
  const norm = options.wrapped ? squash : (s: string) => s;
  const haystack = norm(text);
  for (const a of sandbox.notes) {
    expect(haystack).toContain(norm(a.quote.exact));
    for (const line of a.note.split('\n').filter((l) => l.trim())) expect(haystack).toContain(norm(line));
    for (const tag of a.tags) expect(haystack).toContain(norm(tag));
    expect(haystack).toContain(norm(citationOf(a)));
    if (a.colour) expect(haystack).toContain(COLOUR_NAME_SV[a.colour]);
    expect(compact(text)).toContain(paragraphLink(a.documentId, a.paragraph));
    expect(compact(text)).toContain(a.id);
  }
}

function orSkip(read: Read, skip: (reason: string) => void): string {
  if ('unavailable' in read) {
    console.log(`HOPPAR ÖVER: ${read.unavailable}`);
    skip(read.unavailable);
    return '';
  }
  return read.text;
}

describe('Word (.docx)', () => {
  it('reads back through mammoth with every field and the hostile note as plain text', async () => {
    const bytes = await render('docx');
    const { value: text, messages } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(messages).toEqual([]);
    expect(text).toContain('Anteckningar från Läsaren');
    expect(text).toMatch(/Exporterad \d{1,2} [a-zåäö]+ \d{4}/);
    expectAllFields(text, { wrapped: false });
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
    // The note's line breaks are Word line breaks (<br /> in mammoth's HTML), text escaped.
    const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html).toContain(HOSTILE_NOTE.split('\n').map(escaped).join('<br />'));
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html.match(/<h1>/g)?.length).toBe(2); // one heading per document
  });

  it('reads back through pandoc with the same fields', async (ctx) => {
    const text = orSkip(pandocText(await render('docx')), (r) => ctx.skip(r));
    expectAllFields(text, { wrapped: true });
    // pandoc turns Word line breaks into new lines; only the tab and the indent become spaces.
    const lines = text.split('\n').map((l) => l.trim());
    for (const line of HOSTILE_NOTE.split('\n')) expect(lines).toContain(line.trim().replace(/\t/g, ' '));
  });
});

describe('PDF', () => {
  it('is A4 with page numbers, and pdftotext finds every field', async (ctx) => {
    const bytes = await render('pdf');
    expect(decode(bytes.slice(0, 5))).toBe('%PDF-');
    const info = orSkip(pdfInfo(bytes), (r) => ctx.skip(r));
    expect(info).toMatch(/Page size:\s+59[56](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const text = orSkip(pdfText(bytes), (r) => ctx.skip(r));
    expect(text).toContain(`Sida 1 av ${pages}`);
    expect(text).toContain(`Sida ${pages} av ${pages}`);
    expectAllFields(text, { wrapped: true });
    expect(text).toContain('<script>alert("xss")</script>');
  });
});

describe('Markdown', () => {
  const md = new MarkdownIt('commonmark');

  it('parses as CommonMark with one block quote per note and no markup from user text', async () => {
    const source = decode(await render('md'));
    const tokens = md.parse(source, {});
    const types = tokens.map((t) => t.type);
    expect(types.filter((t) => t === 'blockquote_open')).toHaveLength(sandbox.notes.length);
    const headings = tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag);
    expect(headings).toEqual(['h1', 'h2', 'h2']);
    expect(types).not.toContain('html_block');
    expect(types).not.toContain('code_block');
    expect(types).not.toContain('fence');
    expect(types).not.toContain('bullet_list_open');
    expect(types).not.toContain('ordered_list_open');
    const inline = tokens.flatMap((t) => t.children ?? []);
    expect(inline.map((t) => t.type)).not.toContain('html_inline');
    expect(inline.map((t) => t.type)).not.toContain('code_inline');
    const hrefs = inline.filter((t) => t.type === 'link_open').map((t) => t.attrGet('href'));
    expect(hrefs.sort()).toEqual(sandbox.notes.map((a) => paragraphLink(a.documentId, a.paragraph)).sort());

    // Each paragraph's text, line breaks included, as a reader sees it.
    const paragraphs = tokens
      .filter((t) => t.type === 'inline')
      .map((t) =>
        (t.children ?? [])
          .map((c) => (c.type === 'hardbreak' || c.type === 'softbreak' ? '\n' : c.content))
          .join(''),
      );
    expect(paragraphs).toContain(HOSTILE_NOTE);
    for (const a of sandbox.notes) {
      expect(paragraphs).toContain(a.quote.exact);
      if (a.note) expect(paragraphs).toContain(a.note);
      expect(paragraphs.join('\n')).toContain(citationOf(a));
      for (const tag of a.tags) expect(paragraphs.join('\n')).toContain(tag);
    }
  });
});

describe('CSV', () => {
  it('starts with a BOM and parses to one row per note with every field', async () => {
    const bytes = await render('csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(Buffer.from(bytes), {
      bom: true,
      delimiter: ';',
      relax_quotes: false,
    }) as string[][];
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(rows).toHaveLength(sandbox.notes.length + 1);
    const byId = new Map(rows.slice(1).map((r) => [r[11], r]));
    for (const a of sandbox.notes) {
      const row = byId.get(a.id);
      expect(row).toBeDefined();
      const [title, documentId, paragraph, quote, note, tags, colour, created, modified, cite, link] = row!;
      expect(title).toBe(documentLabel(titles.get(a.documentId)!));
      expect(documentId).toBe(a.documentId);
      expect(paragraph).toBe(String(a.paragraph));
      expect(quote).toBe(a.quote.exact);
      // Cells that would start a formula carry a leading apostrophe; nothing else changes.
      expect(note).toBe(/^[=+\-@\t\r]/.test(a.note) ? `'${a.note}` : a.note);
      const joined = a.tags.join(', ');
      expect(tags).toBe(/^[=+\-@]/.test(joined) ? `'${joined}` : joined);
      expect(colour).toBe(a.colour ? COLOUR_NAME_SV[a.colour] : 'ingen färg');
      expect([created, modified]).toEqual([a.created, a.modified]);
      expect(cite).toBe(citationOf(a));
      expect(link).toBe(paragraphLink(a.documentId, a.paragraph));
    }
    const cells = rows.flat();
    expect(cells.filter((c) => /^[=+\-@\t\r]/.test(c))).toEqual([]);
    expect(cells).toContain(HOSTILE_NOTE);
    expect(cells).toContain("'+46 8 405 10 00 – ring Åsa om ändringen");
    expect(cells).toContain("'=SUM(A1:A9), tagg, med komma, <i>");
  });
});

describe('HTML', () => {
  it('is one self-contained file that Chromium shows as inert text', async (ctx) => {
    const html = decode(await render('html'));
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    if (!existsSync(chromiumPath())) {
      console.log(`HOPPAR ÖVER: Chromium saknas på ${chromiumPath()}`);
      ctx.skip();
    }
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: OFFLINE_CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => void requests.push(r.url()));
      await page.setContent(html);
      const seen = await page.evaluate(() => ({
        scripts: document.querySelectorAll('script').length,
        bold: document.querySelectorAll('main b, main i').length,
        articles: [...document.querySelectorAll('article')].map((a) => ({
          quote: a.querySelector('blockquote')?.textContent ?? '',
          note: a.querySelector('.note')?.textContent ?? '',
        })),
        hrefs: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        text: document.body.innerText,
      }));
      expect(seen.scripts).toBe(0);
      expect(seen.bold).toBe(0);
      expect(requests.filter((u) => !u.startsWith('about:'))).toEqual([]);
      expect(seen.articles.map((a) => a.quote).sort()).toEqual(
        sandbox.notes.map((a) => a.quote.exact).sort(),
      );
      expect(seen.articles.map((a) => a.note)).toContain(HOSTILE_NOTE);
      expect(seen.hrefs.every((h) => h?.startsWith('lasaren://document/'))).toBe(true);
      expectAllFields(seen.text, { wrapped: true });
    } finally {
      await browser.close();
    }
  });
});

/** The W3C Web Annotation model as its specification states it, written here independently. */
const W3cSelector = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string(),
    suffix: z.string(),
  }),
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int(),
  }),
]);
const W3cAnnotation = z.object({
  id: z.string().regex(/^urn:uuid:[0-9a-f-]{36}$/),
  type: z.literal('Annotation'),
  motivation: z.enum(['commenting', 'tagging', 'highlighting']),
  created: z.iso.datetime(),
  modified: z.iso.datetime(),
  body: z
    .array(
      z.object({
        type: z.literal('TextualBody'),
        purpose: z.enum(['commenting', 'tagging']),
        value: z.string(),
        format: z.literal('text/plain'),
      }),
    )
    .optional(),
  target: z.object({
    source: z.string().regex(/^lasaren:\/\/document\/[a-z0-9_-]+$/),
    selector: z.array(W3cSelector).length(2),
  }),
});
const W3cCollection = z.object({
  '@context': z.tuple([z.literal('http://www.w3.org/ns/anno.jsonld'), z.object({ lasaren: z.string() })]),
  type: z.literal('AnnotationCollection'),
  total: z.number().int(),
  first: z.object({ type: z.literal('AnnotationPage'), items: z.array(W3cAnnotation) }),
});

describe('W3C JSON', () => {
  it('validates against the W3C model and carries note and tags as TextualBodies', async () => {
    const json = W3cCollection.parse(JSON.parse(decode(await render('json'))));
    expect(json.total).toBe(sandbox.notes.length);
    for (const a of sandbox.notes) {
      const item = json.first.items.find((i) => i.id === `urn:uuid:${a.id}`);
      expect(item?.target.source).toBe(`lasaren://document/${a.documentId}`);
      expect(item?.target.selector).toEqual([
        { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
      ]);
      const bodies = item?.body ?? [];
      expect(bodies.filter((b) => b.purpose === 'commenting').map((b) => b.value)).toEqual(
        a.note ? [a.note] : [],
      );
      expect(bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value)).toEqual(a.tags);
    }
  });
});
