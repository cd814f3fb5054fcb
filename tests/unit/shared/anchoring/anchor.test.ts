// Re-anchoring on real edits of the shipped documents, as a case table: each case makes an
// annotation on one version of a document's text and anchors it in another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchor, approxSearch, positionSelector, quoteSelector } from '../../../../src-main/shared/anchoring';

const docs = join(import.meta.dirname, '../../../../resources/documents');
const ncp = readFileSync(join(docs, '000_85e98cc4eb8dedfb.txt'), 'utf8');
const plan = readFileSync(join(docs, '003_e730e55ba1c2e8b7.txt'), 'utf8');

/** Makes selectors for the first occurrence of `passage` in `text` (or the nth). */
function annotate(text: string, passage: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`passage not in text: ${passage}`);
  const range = { start, end: start + passage.length };
  return { quote: quoteSelector(text, range), position: positionSelector(range) };
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.includes(from)).toBe(true);
  return text.replace(from, to);
}

const PRINCIPLES = 'Dessa allmänna principer är inte bindande men kan vara till ledning';
const SAMSYN = 'gruppens arbete har bidragit till att en ökad samsyn bland EU:s medlemsstater';
const ACTION_AREAS = 'utbildning, arbetsmarknad, hälsa och boende';
const NEW_PARAGRAPH =
  'Detta stycke har lagts till i en senare version av dokumentet och handlar om något helt annat.\n\n';

interface Case {
  name: string;
  before: string;
  passage: string;
  nth?: number;
  after: string;
  /** The text the annotation must cover afterwards, or null for orphaned. */
  expected: string | null;
  method?: 'position' | 'quote' | 'fuzzy';
  /** Which occurrence of `expected` in `after` it must land on. */
  expectedNth?: number;
}

const cases: Case[] = [
  {
    name: 'text unchanged',
    before: ncp,
    passage: PRINCIPLES,
    after: ncp,
    expected: PRINCIPLES,
    method: 'position',
  },
  {
    name: 'typo fixed inside the passage ("till att en ökad" → "till en ökad")',
    before: ncp,
    passage: SAMSYN,
    after: replaceOnce(ncp, 'bidragit till att en ökad', 'bidragit till en ökad'),
    expected: 'gruppens arbete har bidragit till en ökad samsyn bland EU:s medlemsstater',
    method: 'fuzzy',
  },
  {
    name: 'typo fixed in the title ("2021- 2027" → "2021–2027")',
    before: plan,
    passage: 'handlingsplan för integration och inkludering för 2021- 2027',
    after: replaceOnce(plan, '2021- 2027', '2021–2027'),
    expected: 'handlingsplan för integration och inkludering för 2021–2027',
    method: 'fuzzy',
  },
  {
    name: 'typo fixed before the passage (positions shift by one)',
    before: plan,
    passage: ACTION_AREAS,
    after: replaceOnce(plan, '2021- 2027', '2021-2027'),
    expected: ACTION_AREAS,
    method: 'quote',
  },
  {
    name: 'paragraph inserted before',
    before: ncp,
    passage: PRINCIPLES,
    after: replaceOnce(ncp, 'Gruppens arbete tar', `${NEW_PARAGRAPH}Gruppens arbete tar`),
    expected: PRINCIPLES,
    method: 'quote',
  },
  {
    name: 'a repeated word: the prefix and suffix pick the right occurrence after an insertion',
    before: plan,
    passage: 'handlingsplanen',
    nth: 3,
    after: `${NEW_PARAGRAPH}${plan}`,
    expected: 'handlingsplanen',
    method: 'quote',
    expectedNth: 3,
  },
  {
    name: 'passage deleted',
    before: ncp,
    passage: PRINCIPLES,
    after: replaceOnce(
      ncp,
      `${PRINCIPLES} för länder som vill bygga upp eller utveckla sin integrationspolitik. `,
      '',
    ),
    expected: null,
  },
  {
    name: 'a short passage deleted does not jump to the same words elsewhere',
    before: plan,
    passage: 'Integration är i första hand medlemsstaternas ansvar',
    after: replaceOnce(
      plan,
      'Integration är i första hand medlemsstaternas ansvar men EU kan bidra med kunskap, erfarenhetsutbyte och stöd i medlemsstaternas arbete med att främja integration.\n\n',
      '',
    ),
    expected: null,
  },
  {
    name: 'passage rewritten beyond recognition',
    before: ncp,
    passage: PRINCIPLES,
    after: replaceOnce(ncp, PRINCIPLES, 'Principerna saknar rättslig verkan och påverkar inte nationell lag'),
    expected: null,
  },
  {
    name: 'passage duplicated after itself: stays on the original',
    before: ncp,
    passage: 'En fortsättning av handboken är under utarbetande.',
    after: replaceOnce(
      ncp,
      'En fortsättning av handboken är under utarbetande. \n\n',
      'En fortsättning av handboken är under utarbetande. \n\nEn fortsättning av handboken är under utarbetande. \n\n',
    ),
    expected: 'En fortsättning av handboken är under utarbetande.',
    method: 'position',
    expectedNth: 0,
  },
  {
    name: 'passage duplicated and the original moved: the copy with the same context wins',
    before: plan,
    passage: ACTION_AREAS,
    after: `Sammanfattning: ${ACTION_AREAS}.\n\n${plan}`,
    expected: ACTION_AREAS,
    method: 'quote',
    expectedNth: 1,
  },
];

describe('anchor on real edits of the shipped documents', () => {
  it.each(cases)('$name', (c) => {
    const target = annotate(c.before, c.passage, c.nth);
    const result = anchor(c.after, target);
    if (c.expected === null) {
      expect(result).toEqual({ status: 'orphaned' });
      return;
    }
    expect(result.status).toBe('anchored');
    if (result.status !== 'anchored') return;
    expect(c.after.slice(result.start, result.end)).toBe(c.expected);
    if (c.method) expect(result.method).toBe(c.method);
    if (c.expectedNth !== undefined) {
      let at = -1;
      for (let i = 0; i <= c.expectedNth; i++) at = c.after.indexOf(c.expected, at + 1);
      expect(result.start).toBe(at);
    }
  });

  it('anchors every paragraph of both documents where it was, and after a paragraph is prepended', () => {
    for (const text of [ncp, plan]) {
      const paragraphs = text.split('\n\n').filter((p) => p.trim().length > 0);
      for (const p of paragraphs) {
        const target = annotate(text, p.trim());
        expect(anchor(text, target)).toMatchObject({ status: 'anchored', method: 'position' });
        const moved = anchor(NEW_PARAGRAPH + text, target);
        expect(moved).toMatchObject({
          status: 'anchored',
          start: target.position.start + NEW_PARAGRAPH.length,
        });
      }
    }
  });

  it('matches a long quote (whole document) fuzzily after small edits, and bounds the work', () => {
    const target = annotate(ncp, ncp.trim());
    const edited = replaceOnce(
      replaceOnce(ncp, 'bidragit till att en ökad', 'bidragit till en ökad'),
      '2006',
      '2007',
    );
    const result = anchor(`${NEW_PARAGRAPH}${edited}`, target);
    expect(result).toMatchObject({ status: 'anchored', method: 'fuzzy', start: NEW_PARAGRAPH.length });
    const big = (NEW_PARAGRAPH + edited).repeat(50); // ~120 kB
    const t0 = performance.now();
    const missing = 'en helt annan mening som inte finns i texten alls, ingenstans';
    const orphan = anchor(big, annotate(`xx ${missing} yy`, missing));
    expect(orphan).toEqual({ status: 'orphaned' });
    console.log(
      `fuzzy search of a 60-character quote in ${big.length} characters: ${(performance.now() - t0).toFixed(1)} ms`,
    );
  });
});

describe('approxSearch', () => {
  it.each([
    ['exact', 'abc integration def', 'integration', 0, 'integration'],
    ['one substitution', 'abc integrasion def', 'integration', 1, 'integrasion'],
    ['one deletion', 'abc integrtion def', 'integration', 1, 'integrtion'],
    ['one insertion', 'abc integrattion def', 'integration', 1, 'integrattion'],
  ])('%s', (_name, text, pattern, errors, found) => {
    const matches = approxSearch(text, pattern, 2);
    const best = matches.reduce((a, b) => (b.errors < a.errors ? b : a));
    expect(best.errors).toBe(errors);
    expect(text.slice(best.start, best.end)).toBe(found);
  });

  it('finds nothing beyond the error budget', () => {
    expect(approxSearch('helt annan text här', 'integration', 2)).toEqual([]);
  });
});
