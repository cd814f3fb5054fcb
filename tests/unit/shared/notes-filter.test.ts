import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../src-main/shared/annotation';
import { isEmptyFilter, matchesFilter } from '../../../src-main/shared/notes-filter';

const note: Annotation = {
  id: '5d0c7b7e-6c43-4f0c-9a43-2a3b2b7f6e11',
  documentId: 'doc',
  paragraph: 3,
  quote: {
    type: 'TextQuoteSelector',
    exact: 'Integrationspolitik är ett nationellt ansvar',
    prefix: '',
    suffix: '',
  },
  position: { type: 'TextPositionSelector', start: 0, end: 44 },
  colour: null,
  note: 'Följ upp med Åsa',
  tags: ['Uppföljning'],
  created: '2026-11-21T08:00:00.000Z',
  modified: '2026-11-21T08:00:00.000Z',
  history: [],
};

describe('notes filter', () => {
  it.each([
    [{}, true],
    [{ documentId: 'doc' }, true],
    [{ documentId: 'annat' }, false],
    [{ tag: 'uppföljning' }, true],
    [{ tag: 'uppfölj' }, false],
    [{ colour: 'none' as const }, true],
    [{ colour: 'yellow' as const }, false],
    [{ text: 'ÅSA nationellt' }, true],
    [{ text: 'åsa saknas' }, false],
    [{ text: 'uppföljning' }, true],
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(note, filter)).toBe(expected);
  });
  it('knows an empty filter', () => {
    expect(isEmptyFilter({ text: '  ' })).toBe(true);
    expect(isEmptyFilter({ tag: 'x' })).toBe(false);
  });
});
