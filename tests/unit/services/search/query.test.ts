// Queries as civil servants type them: designations written loosely (sou2004:73, fpm 40,
// KOM(2022) 650), and misspellings in the text that are compounds of real words (a dropped
// letter), on the shipped documents plus a few entries written the way regeringen.se writes them.
import { beforeAll, describe, expect, it } from 'vitest';
import { SearchEngine, documentRecord } from '../../../../src-main/services/search/engine';
import {
  SpellingIndex,
  closestWords,
  findNearMisses,
  repeatsSyllable,
  splitWordQueries,
} from '../../../../src-main/services/search/correction';
import { normalizeDesignations } from '../../../../src-main/services/search/query';
import { paragraphRecords } from '../../../../src-main/services/search/service';
import { realLibrary } from './helpers';

let engine: SearchEngine;
beforeAll(async () => {
  engine = new SearchEngine();
  engine.add([
    ...paragraphRecords((await realLibrary()).documents),
    documentRecord({
      documentId: 'sou',
      title: 'Migration och integration',
      designation: 'SOU 2004:73',
      firstParagraph: 1,
    }),
    documentRecord({
      documentId: 'dir',
      title: 'Ett mer effektivt utbyte',
      designation: 'Dir. 2020:7',
      firstParagraph: 1,
    }),
    documentRecord({
      documentId: 'fpm',
      title: 'Säkra ursprungsländer',
      designation: '2024/25:FPM40',
      firstParagraph: 1,
    }),
    {
      documentId: 'com',
      title: 'Varaktigt bosatta',
      paragraph: 1,
      heading: null,
      text: 'Förslag, COM(2022) 650 final.',
    },
    {
      documentId: 'kom',
      title: 'Handlingsplan',
      paragraph: 1,
      heading: null,
      text: 'Kommissionens handlingsplan KOM(2009)248 i sin helhet.',
    },
  ]);
});

const first = (q: string) => engine.search(q, { limit: 5 }).hits[0]?.documentId;

describe('designations typed loosely', () => {
  it.each([
    ['sou2004:73', 'sou 2004:73'],
    ['Dir.2020:7', 'Dir 2020:7'],
    ['prop.2013/14:227', 'prop 2013/14:227'],
    ['fpm 40', 'fpm40'],
    ['FPM. 91', 'FPM91'],
    ['prop 2012/13:63', 'prop 2012/13:63'],
    ['soulful 2004', 'soulful 2004'],
    ['fpm-arbetet', 'fpm-arbetet'],
  ])('%s reads as %s', (typed, read) => {
    expect(normalizeDesignations(typed)).toBe(read);
  });

  it.each([
    ['sou2004:73', 'sou'],
    ['dir.2020:7', 'dir'],
    ['fpm 40', 'fpm'],
    ['KOM(2022) 650', 'com'],
    ['com(2009)248', 'kom'],
  ])('%s finds its document first', (typed, id) => {
    expect(first(typed)).toBe(id);
  });

  it('kom as a word (the verb) is not the Commission', () => {
    expect(engine.search('kom 2022 650').hits.map((h) => h.documentId)).not.toContain('com');
  });
});

describe('dropped letters in the text', () => {
  const table = (vocabulary: Array<[string, number]>) =>
    findNearMisses(new Map(vocabulary)).map(([, misspellings, word]) => [word, misspellings.length]);

  it('a compound of real words the lexicon lacks, seen once beside a far commoner word, is a near-miss', () => {
    expect(
      table([
        ['slutredovisning', 13],
        ['lutredovisning', 1],
      ]),
    ).toEqual([['slutredovisning', 1]]);
    expect(
      table([
        ['arbetskraftsinvandring', 40],
        ['arbetskraftinvandring', 1],
      ]),
    ).toEqual([['arbetskraftsinvandring', 1]]);
  });

  it('but not on weaker evidence, and never a word the lexicon knows', () => {
    // Seen twice, or the correct word only five times as common.
    expect(
      table([
        ['slutredovisning', 40],
        ['lutredovisning', 2],
      ]),
    ).toEqual([]);
    expect(
      table([
        ['slutredovisning', 5],
        ['lutredovisning', 1],
      ]),
    ).toEqual([]);
    // Real words a letter apart stay apart.
    expect(
      table([
        ['underlätta', 40],
        ['underlåta', 1],
        ['förutsättning', 40],
        ['fortsättning', 1],
        ['publiceras', 40],
        ['publicera', 1],
        ['förlängning', 40],
        ['förläggning', 1],
      ]),
    ).toEqual([]);
  });

  it('a correctly spelt query finds the paragraph with the dropped letter, marked', () => {
    const local = new SearchEngine();
    local.add([
      ...Array.from({ length: 13 }, (_, i) => ({
        documentId: `d${i}`,
        title: 'Uppdrag',
        paragraph: 1,
        heading: null,
        text: `En slutredovisning av uppdraget ska lämnas senast ${i + 1} maj.`,
      })),
      {
        documentId: 'typo',
        title: 'Uppdrag',
        paragraph: 1,
        heading: null,
        text: 'En lutredovisning av uppdraget ska lämnas i augusti.',
      },
    ]);
    const hits = local.search('slutredovisning augusti').hits;
    expect(hits.map((h) => h.documentId)).toEqual(['typo']);
    expect(hits[0]!.why).toContain('near-miss');
  });
});

describe('a query that finds nothing, as typed or corrected', () => {
  const local = new SearchEngine();
  local.add([
    {
      documentId: 'a',
      title: 'Uppdrag',
      paragraph: 1,
      heading: null,
      text: 'Redovisas av länsstyrelsen i Kronobergs län.',
    },
    {
      documentId: 'b',
      title: 'Uppdrag',
      paragraph: 1,
      heading: null,
      text: 'Länsstyrelsen i Kronbergs län får lämna redovisning vid andra tidpunkter.',
    },
  ]);

  it('matches long words one edit away in the text, marked as near-misses', () => {
    const result = local.search('Kronobergs län tidpunkter');
    expect(result.hits.map((h) => h.documentId)).toEqual(['b']);
    expect(result.hits[0]!.why).toContain('near-miss');
    expect(result.correction).toBeUndefined();
  });

  it('not when the words match as typed, nor verbatim, nor for words far from every word', () => {
    expect(local.search('Kronobergs län').hits.map((h) => h.documentId)).toEqual(['a']);
    expect(local.search('Kronobergs län tidpunkter', { verbatim: true }).hits).toEqual([]);
    expect(local.search('Kronobergs läskedrycker').hits).toEqual([]);
  });
});

describe('a syllable written twice in the text', () => {
  it.each([
    ['förhandshandsbesked', 'förhandsbesked', true],
    ['utredningningen', 'utredningen', true],
    ['förhandsbeskedd', 'förhandsbesked', false],
    ['förhandsbesked', 'förhandsbesked', false],
    ['bonbon', 'bon', true],
    ['kommunkommun', 'kommunal', false],
  ])('%s repeats a syllable of %s: %s', (longer, word, expected) => {
    expect(repeatsSyllable(longer, word)).toBe(expected);
  });

  it('is the closest spelling of the word, at one edit', () => {
    const spelling = new SpellingIndex(
      [
        ['förhandshandsbesked', 1],
        ['förhandsbeskeden', 3],
        ['förhandsbedömning', 4],
      ],
      3,
    );
    expect(closestWords('förhandsbesked', spelling)).toEqual([
      { word: 'förhandshandsbesked', distance: 1, count: 1 },
    ]);
  });
});

describe('a word the text splits in two by mistake', () => {
  const words = (list: string[]) => (w: string) => list.includes(w);

  it('is searched as the two words side by side when the query finds nothing', () => {
    expect(splitWordQueries('"visa kunskaper"', ['visa', 'kunskaper'], words(['kun', 'skaper']))).toEqual([
      { query: '"visa kun skaper"', words: [['kunskaper', 'kun skaper']] },
    ]);
    expect(
      splitWordQueries('Kunskaper prov', ['kunskaper', 'prov'], words(['kun', 'skaper']))[0]?.query,
    ).toBe('"kun skaper" prov');
  });

  it('never into two real words, nor parts the collection lacks', () => {
    expect(splitWordQueries('bilstolen', ['bilstolen'], words(['bil', 'stolen']))).toEqual([]);
    expect(splitWordQueries('kunskaper', ['kunskaper'], words(['kun']))).toEqual([]);
  });

  it('finds the paragraph and says which query it searched', () => {
    const local = new SearchEngine();
    local.add([
      {
        documentId: 'a',
        title: 'Prov',
        paragraph: 1,
        heading: null,
        text: 'Det ska vara möjligt att visa kun skaper på andra sätt.',
      },
      {
        documentId: 'b',
        title: 'Prov',
        paragraph: 1,
        heading: null,
        text: 'Kunskaper i svenska visas genom ett prov.',
      },
    ]);
    const result = local.search('"visa kunskaper"');
    expect(result.hits.map((h) => h.documentId)).toEqual(['a']);
    expect(result.correction).toMatchObject({
      query: '"visa kun skaper"',
      words: [['kunskaper', 'kun skaper']],
    });
    expect(local.search('"visa kunskaper"', { verbatim: true }).hits).toEqual([]);
  });
});
