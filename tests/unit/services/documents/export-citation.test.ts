// A note on a document of the integration collection, exported in every format, is cited by
// the document's designation, the section heading above it and its paragraph number
// ("SOU 2010:16, avsnitt …, stycke n"); the deep link is the same lasaren:// link as before.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../../src-main/services';
import { paragraphAt, positionSelector, quoteSelector } from '../../../../src-main/shared/anchoring';
import { paragraphLink } from '../../../../src-main/shared/export';
import { integrationDir } from './shared-path';

let services: Services;
let data: string;
let expected = '';
let link = '';

beforeAll(async () => {
  data = await mkdtemp(join(tmpdir(), 'lasaren-cite-'));
  services = await openServices({
    resourcesDir: integrationDir(),
    dataDir: data,
    collectionDir: integrationDir(),
    openExternal: async () => {},
    exportHost: {
      chooseSavePath: async () => null,
      revealFile: null,
      chooseImportFile: null,
      renderPdf: async () => new Uint8Array(),
    },
  });
  // The first document with a designation and a paragraph under a section heading.
  for (const summary of services.library.list()) {
    if (!summary.designation) continue;
    const doc = await services.library.get(summary.id);
    if (!doc.ok) continue;
    const headingAt = doc.value.blocks.findIndex((b) => b.kind === 'heading');
    const block = doc.value.blocks.slice(headingAt + 1).find((b) => b.number !== null && b.text.length > 40);
    if (headingAt < 0 || !block) continue;
    const heading = doc.value.blocks
      .slice(0, doc.value.blocks.indexOf(block))
      .findLast((b) => b.kind === 'heading');
    const range = { start: block.start, end: block.start + 40 };
    const created = await services.annotations.create({
      documentId: summary.id,
      paragraph: paragraphAt(doc.value.blocks, range.start),
      quote: quoteSelector(doc.value.text, range),
      position: positionSelector(range),
      colour: 'green',
      note: 'Citeras med beteckning.',
      tags: [],
    });
    if (!created.ok) throw new Error(created.error.message);
    expected = `${summary.designation}, avsnitt ${heading?.text}, stycke ${block.number}`;
    link = paragraphLink(summary.id, block.number ?? 0);
    return;
  }
  throw new Error('no document with a designation and headings in the collection');
});
afterAll(() => rm(data, { recursive: true, force: true }));

describe('citations in every export format', () => {
  it.each(['md', 'html', 'csv', 'json'] as const)(
    '%s cites designation, section and paragraph',
    async (format) => {
      const { bytes } = await services.exports.render(format, { kind: 'all' });
      const text = new TextDecoder().decode(bytes);
      expect(expected).toMatch(/^(SOU|Dir\.|Prop\.|\d{4}\/\d{2}:|Ds|Skr\.).*, avsnitt .+, stycke \d+$/);
      expect(text).toContain(format === 'html' ? expected.replace(/&/g, '&amp;') : expected);
      expect(text).toContain(link);
    },
  );

  it('docx cites designation, section and paragraph', async () => {
    const { bytes } = await services.exports.render('docx', { kind: 'all' });
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    expect(value).toContain(expected);
    expect(value).toContain(link);
  });
});
