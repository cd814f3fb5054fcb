// The fast match path (indexOf on folded text, words analysed only where the query occurs)
// must give exactly what analysing every word gives, on every shipped paragraph.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCollection } from '../../../../src-main/services/documents/collection';
import { SearchEngine } from '../../../../src-main/services/search/engine';
import { matchText, matchTokens } from '../../../../src-main/services/search/match';
import { parseQuery } from '../../../../src-main/services/search/query';
import { paragraphRecords } from '../../../../src-main/services/search/service';
import { sharedDir } from '../documents/shared-path';
import { realLibrary } from './helpers';

const QUERIES = [
  'göran',
  'goran',
  'halsa',
  'politik',
  'fonden',
  'ESF+',
  'socialfonden+',
  'EU-fonder',
  'eu',
  '2021',
  'regering handlingsplan',
  '"handlingsplan för integration"',
  '"av handlingsplanen framgår"',
  'in',
  'integrationspolitikens',
  'Lindq',
];

describe('matchText', () => {
  it('agrees with analysing every word, on every shipped paragraph', async () => {
    const records = paragraphRecords((await realLibrary()).documents);
    const extra = ['Under 2014–2020 gavs stöd ur ESF+ och EU:s fonder.', 'Straße – ÅÄÖ åäö'];
    for (const q of QUERIES) {
      const query = parseQuery(q);
      for (const text of [...records.map((r) => r.text), ...extra]) {
        expect(matchText(text, query), `${q} in ${text.slice(0, 40)}`).toEqual(matchTokens(text, query));
      }
    }
  });

  it('falls back to every word when lowercasing changes the length', () => {
    const text = 'İstanbul och regeringen';
    const found = matchText(text, parseQuery('regeringen'));
    expect(found.ranges.map((r) => text.slice(r.start, r.end))).toEqual(['regeringen']);
  });
});

describe('match ranges from the term codes', () => {
  // The engine takes each hit's ranges from its stored term codes (only matching words
  // analysed): they must be exactly matchText's, on real documents with every kind of query.
  it("are matchText's for every hit, on the integration collection", async () => {
    const dir = join(sharedDir(), 'collections/integration');
    const collection = await openCollection(dir, { cacheDir: null, origin: 'collection' });
    const engine = new SearchEngine();
    engine.add(await collection.searchRecords());
    const queries = [
      'en',
      'i',
      'stat',
      'integration',
      'integrationspolitik',
      'arbetsmarknaden',
      'gick',
      'länder',
      'kunskapsutbyte',
      'invandrare',
      'EU-fonder',
      'ESF+',
      'sou 2025:55',
      'regeringen uppdrag',
      '"nyanlända invandrare"',
      '"av handlingsplanen"',
    ];
    let hits = 0;
    for (const q of queries) {
      const query = engine.parse(q);
      for (const hit of engine.search(q, { limit: 40, verbatim: true }).hits) {
        expect(hit.matches, `${q} in ${hit.documentId}#${hit.paragraph}`).toEqual(
          matchText(hit.text, query).ranges,
        );
        hits++;
      }
    }
    expect(hits).toBeGreaterThan(400);
  }, 60_000);
});

describe('a quoted phrase', () => {
  const texts = {
    prefix: 'Svenskundervisning för invandrare ges på folkhögskola.',
    inflected: 'Kurserna i svenskan för invandrare ges på folkhögskolan.',
    exact: 'Svenska för invandrare (sfi) ges på folkhögskola.',
    tail: 'Fornsvenska för invandrare är ingen kurs på folkhögskola.',
  };
  const engine = new SearchEngine();
  engine.add(
    Object.entries(texts).map(([documentId, text]) => ({
      documentId,
      title: 'Utbildning',
      paragraph: 1,
      heading: null,
      text,
    })),
  );

  it('matches its words as whole words and their inflections, never as the start or tail of a longer word', () => {
    const query = parseQuery('"svenska för invandrare" folkhögskola');
    expect(matchText(texts.prefix, query).unitQuality[0]).toBe(0);
    expect(matchText(texts.tail, query).unitQuality[0]).toBe(0);
    expect(matchText(texts.exact, query).unitQuality[0]).toBeGreaterThan(0);
    expect(matchText(texts.inflected, query).unitQuality[0]).toBeGreaterThan(0);
    const found = engine.search('"svenska för invandrare" folkhögskola').hits.map((h) => h.documentId);
    expect(found.sort()).toEqual(['exact', 'inflected']);
  });

  it('outside quotes the same words still match parts of longer words', () => {
    const found = engine.search('svenska invandrare folkhögskola').hits.map((h) => h.documentId);
    expect(found.sort()).toEqual(['exact', 'inflected', 'prefix', 'tail']);
  });

  it('while the quote is still being typed, its last word matches as a prefix', () => {
    const found = engine.search('"för invandr').hits.map((h) => h.documentId);
    expect(found.sort()).toEqual(['exact', 'inflected', 'prefix', 'tail']);
    expect(
      engine
        .search('"svenska för')
        .hits.map((h) => h.documentId)
        .sort(),
    ).toEqual(['exact', 'inflected']);
  });
});

describe("a strong verb's past that is also a word of its own", () => {
  const texts = {
    adjective: 'En slank modell av fartyget visades.',
    present: 'Ingen ansökan slinker igenom utan kontroll.',
    supine: 'Några fel har slunkit igenom granskningen.',
    other: 'Granskningen gick igenom alla ansökningar.',
  };
  const engine = new SearchEngine();
  engine.add(
    Object.entries(texts).map(([documentId, text]) => ({
      documentId,
      title: 'Kontroll',
      paragraph: 1,
      heading: null,
      text,
    })),
  );
  const ids = (q: string) => engine.search(q).hits.map((h) => h.documentId);

  it("typed in a query also finds the verb's forms, marked as inflections", () => {
    expect(ids('slank igenom').sort()).toEqual(['present', 'supine']);
    const hit = engine.search('slank igenom').hits[0];
    expect(hit?.why).toContain('inflection');
    const match = matchText(texts.present, parseQuery('slank'));
    expect(match.ranges.map((r) => [texts.present.slice(r.start, r.end), r.kind])).toEqual([
      ['slinker', 'inflection'],
    ]);
  });

  it("ranks the word's own forms first", () => {
    expect(ids('slank')[0]).toBe('adjective');
    expect(ids('slank').sort()).toEqual(['adjective', 'present', 'supine']);
  });

  it('the verb typed does not find the other word', () => {
    expect(ids('slinker').sort()).toEqual(['present', 'supine']);
    expect(ids('slunkit').sort()).toEqual(['present', 'supine']);
  });
});

describe('a query word of one or two letters', () => {
  // Compound tails need three letters (docs/search.md): "år" folds to "ar", which ends svar,
  // ansvar and klar, and "i" ends demokrati; a reader sees those marked as matches.
  const text = 'Ansvaret för svaret är klart: demokrati i budgetåret och året inom forskningsbidrag.';
  const marked = (q: string) => matchText(text, parseQuery(q)).ranges.map((r) => text.slice(r.start, r.end));

  it('matches whole words and words it begins, never a word it ends', () => {
    expect(marked('år')).toEqual(['året']);
    expect(marked('i')).toEqual(['i', 'inom']);
  });

  it('is not found through a word it ends, in the term filter either', () => {
    const engine = new SearchEngine();
    const records = [
      'Ansvaret för svaret är klart.',
      'Svaret kom ett tag senare.',
      'Demokrati är styrelseskicket.',
      'Vi ses om ett år.',
      'Det gäller i år.',
      'Ett år till, år efter år.',
      'År 2020 och år 2021.',
    ].map((t, i) => ({ documentId: `d${i}`, title: `D${i}`, paragraph: 1, heading: null, text: t }));
    engine.add(records);
    const texts = (q: string) => engine.search(q, { verbatim: true }).hits.map((h) => h.text);
    expect(texts('år')).toHaveLength(4);
    // "ett" is the rarer word: its entries are the candidates, and svaret must not pass as "år".
    expect(texts('ett år').sort()).toEqual(['Ett år till, år efter år.', 'Vi ses om ett år.']);
    expect(texts('i')).toEqual(['Det gäller i år.']);
  });

  it('still matches a compound tail of three letters or more', () => {
    expect(marked('bidrag')).toEqual(['forskningsbidrag']);
  });
});

describe('a compound the lexicon lacks, whose last part changes its stem (regel: regler)', () => {
  // Keyed by its head and its last part's key (handlingsregel), while its forms do not hold
  // that key (handlingsreglerna): the needles come from the last part's (reg).
  const records = [
    'Handlingsreglerna gäller alla myndigheter.',
    'Nya tullregler träder i kraft.',
    'Nobelmuseet har öppet i dag.',
    'Reglerna ändras inte.',
  ].map((t, i) => ({ documentId: `d${i}`, title: `D${i}`, paragraph: 1, heading: null, text: t }));
  const engine = new SearchEngine();
  engine.add(records);
  const found = (q: string) =>
    engine.search(q, { verbatim: true }).hits.map((h) => h.matches.map((m) => h.text.slice(m.start, m.end)));

  it('finds the form typed', () => {
    expect(found('handlingsreglerna')).toEqual([['Handlingsreglerna']]);
    expect(found('tullregler')).toEqual([['tullregler']]);
    expect(found('nobelmuseet')).toEqual([['Nobelmuseet']]);
  });

  it('finds the other forms', () => {
    expect(found('handlingsregel')).toEqual([['Handlingsreglerna']]);
    expect(found('tullregeln')).toEqual([['tullregler']]);
    expect(found('nobelmuseum')).toEqual([['Nobelmuseet']]);
  });
});
