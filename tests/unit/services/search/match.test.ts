// The fast match path (indexOf on folded text, words analysed only where the query occurs)
// must give exactly what analysing every word gives, on every shipped paragraph.
import { describe, expect, it } from 'vitest';
import { matchText, matchTokens } from '../../../../src-main/services/search/match';
import { parseQuery } from '../../../../src-main/services/search/query';
import { paragraphRecords } from '../../../../src-main/services/search/service';
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
