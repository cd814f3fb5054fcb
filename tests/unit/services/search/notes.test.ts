// The notes index follows the store's list change by change: an edited note is found by its
// new words and no longer by its old ones, a deleted note is gone, an unchanged note is not
// analysed again, and after many changes (the small tier merged into the large one) the
// answers are still exactly those of an index built from scratch.
import { describe, expect, it } from 'vitest';
import { NotesIndex } from '../../../../src-main/services/search/notes';
import { parseQuery } from '../../../../src-main/services/search/query';
import type { Annotation } from '../../../../src-main/shared/annotation';

function note(i: number, text: string): Annotation {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    documentId: '000_85e98cc4eb8dedfb',
    paragraph: 1,
    quote: { type: 'TextQuoteSelector', exact: 'National', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 8 },
    colour: 'yellow',
    note: text,
    tags: [],
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    history: [],
  };
}

const found = (index: NotesIndex, query: string) =>
  index
    .rank(parseQuery(query), 50)
    .map((h) => h.hit.annotationId)
    .sort();

describe('NotesIndex', () => {
  it('follows edits and deletions', () => {
    const index = new NotesIndex(() => 'Titel');
    let list = Array.from({ length: 200 }, (_, i) =>
      note(i, `vanlig anteckning ${i % 7 === 0 ? 'remiss' : ''}`),
    );
    index.setNotes(list);
    expect(found(index, 'remiss')).toHaveLength(29);
    const edited = { ...list[0]!, note: 'nu om budgetpropositionen' };
    list = [edited, ...list.slice(1, 100)];
    index.setNotes(list);
    expect(found(index, 'budgetpropositionen')).toEqual([edited.id]);
    expect(found(index, 'remiss')).toHaveLength(14);
    expect(index.size).toBe(100);
  });

  it('after more changes than the small tier holds, answers equal a fresh index', () => {
    const index = new NotesIndex(() => 'Titel');
    let list = Array.from({ length: 500 }, (_, i) => note(i, `anteckning nummer${i}`));
    index.setNotes(list);
    found(index, 'anteckning');
    for (let round = 0; round < 1_500; round++) {
      const i = (round * 37) % list.length;
      list = list.map((a, k) => (k === i ? { ...a, note: `ändrad ord${round % 40} runda${round}` } : a));
      index.setNotes(list);
      if (round % 100 === 0) found(index, 'ord1');
    }
    const fresh = new NotesIndex(() => 'Titel');
    fresh.setNotes(list);
    // Words few enough notes hold that every match fits in the window.
    const queries = ['ord7', 'ord39', 'runda1499', 'runda3', 'nummer3', 'nummer499'];
    for (const query of queries) expect(found(index, query), query).toEqual(found(fresh, query));
    expect(found(index, 'runda1499')).toHaveLength(1);
    expect(found(index, 'runda3')).toEqual([]);
  });
});
