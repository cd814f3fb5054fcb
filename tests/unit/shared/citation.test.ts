// Citations as every export and the reader print them.
import { describe, expect, it } from 'vitest';
import { documentLabel, formatCitation, placeOf } from '../../../src-main/shared/documents/citation';
import type { Block } from '../../../src-main/shared/documents/model';

const sou = { title: 'Ett nytt regelverk', designation: 'SOU 2026:9' };
const plain = { title: 'Nationella kontaktpunkter', designation: null };

describe('formatCitation', () => {
  it.each([
    [sou, { paragraph: 14, heading: 'Bakgrund' }, 'SOU 2026:9, avsnitt Bakgrund, stycke 14'],
    [sou, { paragraph: 4, heading: 'Bakgrund', page: 12 }, 'SOU 2026:9, s. 12, stycke 4'],
    [plain, { paragraph: 4, page: 12 }, 'Nationella kontaktpunkter, s. 12, stycke 4'],
    [plain, { paragraph: 3 }, 'Nationella kontaktpunkter, stycke 3'],
    [sou, { paragraph: 2, heading: '  ' }, 'SOU 2026:9, stycke 2'],
  ])('%o %o → %s', (doc, place, expected) => {
    expect(formatCitation(doc, place)).toBe(expected);
  });

  it('has an English form', () => {
    expect(formatCitation(sou, { paragraph: 14, heading: 'Bakgrund' }, 'en')).toBe(
      'SOU 2026:9, section Bakgrund, paragraph 14',
    );
  });

  it('names a document by designation and title, without saying the designation twice', () => {
    expect(documentLabel(sou)).toBe('SOU 2026:9 – Ett nytt regelverk');
    expect(documentLabel({ title: 'Samhällsorientering, Dir. 2009:101', designation: 'Dir. 2009:101' })).toBe(
      'Samhällsorientering, Dir. 2009:101',
    );
    expect(documentLabel(plain)).toBe('Nationella kontaktpunkter');
  });
});

describe('placeOf', () => {
  const block = (
    kind: Block['kind'],
    text: string,
    number: number | null,
    page: number | null = null,
  ): Block => ({
    kind,
    text,
    start: 0,
    end: text.length,
    level: kind === 'heading' ? 2 : 0,
    number,
    marker: null,
    page,
    spans: [],
    rows: null,
  });
  it('finds the section heading above a paragraph and its page', () => {
    const blocks = [
      block('title', 'T', null),
      block('paragraph', 'a', 1),
      block('heading', 'Bakgrund', null),
      block('paragraph', 'b', 2, 7),
    ];
    expect(placeOf(blocks, 1)).toEqual({ paragraph: 1, heading: null, page: null });
    expect(placeOf(blocks, 2)).toEqual({ paragraph: 2, heading: 'Bakgrund', page: 7 });
  });
});
