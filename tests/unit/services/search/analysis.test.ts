// Swedish analysis as a user meets it, on the real shipped documents: case, å/ä/ö,
// inflections, compounds, tokens as written, years, phrases, all words, prefixes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../../../src-main/services/search/engine';
import { analyzeWord, tokenize } from '../../../../src-main/services/search/analyzer';
import { NCP, PLAN, marked, realEngine, realLibrary, where } from './helpers';

let engine: SearchEngine;
beforeAll(async () => {
  engine = await realEngine();
});

const find = (q: string) => engine.search(q, { limit: 50 }).hits;

describe('tokens as people write them', () => {
  it.each([
    ['ESF+ och EU-fonder 2021-2027, EU:s mål', ['esf+', 'och', 'eu-fonder', '2021-2027', 'eu:s', 'mål']],
    ['perioden 2014–2020.', ['perioden', '2014–2020']],
    ['goran.lindqvist@justice.ministry.se', ['goran', 'lindqvist', 'justice', 'ministry', 'se']],
  ])('%s', (text, words) => {
    expect(tokenize(text).map((t) => t.lower)).toEqual(words);
  });

  it('keeps offsets into the text as written', () => {
    const text = 'Europeiska socialfonden+ (ESF+)';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual([
      'Europeiska',
      'socialfonden+',
      'ESF+',
    ]);
  });

  it('stems with å/ä/ö intact, then folds', () => {
    expect(analyzeWord('hälsa').stems[0]).toBe('häls');
    expect(analyzeWord('hälsa').encoded[0]).toBe('hals');
    expect(analyzeWord('regeringen').encoded[0]).toBe('regering');
    // Doubled letters stay (flexsearch's default would merge finns → fins).
    expect(analyzeWord('finns').encoded[0]).toBe('finn');
  });
});

describe('search over the shipped documents', () => {
  it('is case-insensitive', () => {
    expect(find('REGERINGEN').map(where)).toEqual(find('regeringen').map(where));
    expect(find('regeringen').length).toBe(3);
  });

  it('is diacritic-insensitive: goran finds Göran, halsa finds hälsa', () => {
    const goran = find('goran');
    expect(goran.flatMap(marked)).toEqual(expect.arrayContaining(['Göran', 'goran']));
    expect(find('halsa').flatMap(marked)).toEqual(['hälsa']);
  });

  it('ranks exact å/ä/ö above folded letters, both ways', () => {
    const withDots = find('göran');
    expect(withDots.slice(0, 2).flatMap(marked)).toEqual(['Göran', 'Göran']);
    expect(marked(withDots[2]!)).toEqual(['goran']);
    const without = find('goran');
    expect(marked(without[0]!)).toEqual(['goran']);
  });

  it('finds inflections through the Snowball stemmer', () => {
    expect(find('regering').flatMap(marked)).toEqual(expect.arrayContaining(['Regeringen', 'regeringen']));
    expect(find('handbok').flatMap(marked)).toEqual(expect.arrayContaining(['handboken', 'Handboken']));
  });

  it('finds compound parts: politik → integrationspolitik, fonden → socialfonden', () => {
    expect(find('politik').flatMap(marked)).toContain('integrationspolitik');
    expect(find('politik').flatMap(marked)).toContain('integrationspolitikens');
    expect(find('fonden').flatMap(marked)).toContain('socialfonden+');
  });

  it('finds ESF+, AMF and EU-fonder as written', () => {
    const esf = find('ESF+');
    expect(esf.map(where)).toEqual([`${PLAN}#4`]);
    expect(marked(esf[0]!)).toEqual(['ESF+']);
    expect(find('AMF').flatMap(marked)).toEqual(['AMF']);
    expect(find('EU-fonder').flatMap(marked)).toEqual(['EU-fonder', 'EU-fonder']);
  });

  it('matches years whole: 2021 is not found inside 2014–2020', () => {
    engine.add([
      {
        documentId: 'test',
        title: 'T',
        paragraph: 1,
        heading: null,
        text: 'Under perioden 2014–2020 gavs stöd.',
      },
      {
        documentId: 'test',
        title: 'T',
        paragraph: 2,
        heading: null,
        text: 'Programmen för 2021-2027 är nya.',
      },
    ]);
    // Paragraph hits (the plan's title, "… 2021–2027", is a document hit of its own).
    const inText = (q: string) => find(q).filter((h) => h.kind === 'paragraph');
    expect(inText('2021').map(where)).toEqual(expect.arrayContaining([`${PLAN}#2`, 'test#2']));
    expect(inText('2021').map(where)).not.toContain('test#1');
    expect(inText('2021-2027').map(where)).toEqual(['test#2']);
    expect(
      find('2021-2027')
        .filter((h) => h.kind === 'document')
        .map((h) => h.documentId),
    ).toEqual([PLAN]);
    expect(inText('2014-2020').map(where)).toEqual(['test#1']);
    // On the shipped text: 2004 is in one paragraph, and no year's digits leak into another.
    expect(inText('2004').map(where).sort()).toEqual([`${NCP}#2`, `${NCP}#3`]);
    expect(inText('2002').map(where)).toEqual([`${NCP}#1`]);
  });

  it('quoted phrases match adjacent words only', () => {
    const phrase = find('"handlingsplan för integration"');
    expect(phrase.length).toBeGreaterThan(0);
    for (const hit of phrase)
      expect(marked(hit).every((m) => /^handlingsplan för integration$/i.test(m))).toBe(true);
    expect(find('"integration för handlingsplan"')).toEqual([]);
    // The same words unquoted match wherever they are.
    expect(find('integration för handlingsplan').length).toBeGreaterThan(phrase.length - 1);
  });

  it('several words mean all of them', () => {
    const both = find('regeringen välkomnar');
    expect(both.map(where)).toEqual([`${PLAN}#6`]);
    expect(marked(both[0]!)).toEqual(['Regeringen', 'välkomnar']);
  });

  it('finds exactly the paragraphs where every word matches, also through prefixes and compounds', async () => {
    const { paragraphRecords } = await import('../../../../src-main/services/search/service');
    const { allUnitsMatched, matchText } = await import('../../../../src-main/services/search/match');
    const { parseQuery } = await import('../../../../src-main/services/search/query');
    const records = paragraphRecords((await realLibrary()).documents);
    for (const q of [
      'politik handlingsplan',
      'integration EU',
      'fond medlemsstat',
      'regering handlingspl',
      'stöd EU-fonder',
    ]) {
      const query = parseQuery(q);
      const expected = records
        .filter((r) => allUnitsMatched(matchText(r.text, query)))
        .map((r) => `${r.documentId}#${r.paragraph}`)
        .sort();
      expect(expected.length, q).toBeGreaterThan(0);
      expect(
        find(q)
          .map(where)
          .filter((w) => !w.startsWith('test#'))
          .sort(),
        q,
      ).toEqual(expected);
    }
  });

  it('matches prefixes while typing', () => {
    expect(find('handlingspl').flatMap(marked)).toContain('handlingsplanen');
    expect(find('Lindq').map(where)).toEqual(expect.arrayContaining([`${NCP}#8`, `${NCP}#9`]));
  });

  it('ranks whole words above parts of words', () => {
    const hits = find('inte');
    expect(marked(hits[0]!)).toContain('inte');
  });

  it('returns offsets that cut exactly the highlighted words out of the paragraph text', () => {
    for (const q of ['politik', 'göran', 'ESF+', '"handlingsplan för integration"']) {
      for (const hit of find(q)) {
        for (const m of hit.matches) {
          expect(m.end).toBeGreaterThan(m.start);
          expect(hit.text.slice(m.start, m.end)).toMatch(/^[\p{L}\p{N}]/u);
        }
      }
    }
  });
});

describe('typo tolerance', () => {
  it.each([
    ['integrationspolitk', 'integrationspolitik'],
    ['regeringn välkomnar', 'regeringen välkomnar'],
    ['handlinsplanen', 'handlingsplanen'],
  ])('%s shows the hits of %s at once', (typed, expected) => {
    const result = engine.search(typed);
    expect(result.correction?.query).toBe(expected);
    expect(result.correction?.original).toBe(typed);
    expect(result.hits.length).toBeGreaterThan(0);
    // The same hits as the corrected query typed; the query as typed finds nothing.
    expect(result.hits.map(where)).toEqual(engine.search(expected).hits.map(where));
    const verbatim = engine.search(typed, { verbatim: true });
    expect(verbatim.hits).toEqual([]);
    expect(verbatim.correction).toBeUndefined();
    expect(verbatim.suggestions).toContain(expected);
  });

  it('offers nothing for gibberish', () => {
    expect(engine.search('qxzwv').suggestions).toEqual([]);
  });
});

describe('misspellings on both sides', () => {
  beforeAll(() => {
    engine.add([
      {
        documentId: 'typo',
        title: 'Stavfel',
        paragraph: 1,
        heading: null,
        text: 'Stödet till intergration av nyanlända i Kalmar fortsätter.',
      },
    ]);
  });

  it('a correctly spelt query finds the word misspelt in the text, marked as a near-miss', () => {
    const hits = engine.search('integration Kalmar').hits;
    expect(hits.map(where)).toEqual(['typo#1']);
    expect(hits[0]!.why).toContain('near-miss');
    expect(
      hits[0]!.matches.filter((m) => m.kind === 'near-miss').map((m) => hits[0]!.text.slice(m.start, m.end)),
    ).toEqual(['intergration']);
  });

  it('ranks near-misses below exact hits', () => {
    const hits = engine.search('integration', { limit: 200 }).hits;
    const typo = hits.findIndex((h) => h.documentId === 'typo');
    expect(typo).toBeGreaterThan(0);
    expect(hits.slice(0, typo).every((h) => !h.why.includes('near-miss') || h.why.length > 1)).toBe(true);
  });

  it('a misspelt query that finds only the typo shows the common spelling at once', () => {
    const result = engine.search('intergration');
    expect(result.correction).toMatchObject({
      query: 'integration',
      words: [['intergration', 'integration']],
    });
    expect(result.hits.length).toBeGreaterThan(1);
    // As typed, it finds the one paragraph with the typo.
    expect(engine.search('intergration', { verbatim: true }).hits.map(where)).toEqual(['typo#1']);
  });

  it('never respells numbers or designations', () => {
    expect(engine.search('2021-2029').correction).toBeUndefined();
  });
});
