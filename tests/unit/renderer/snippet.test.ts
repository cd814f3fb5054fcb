// Snippets for search hits: cut around the first match, every match marked exactly, text
// otherwise as written (whitespace runs shown as one space), ellipses where text was left out.
import { describe, expect, it } from 'vitest';
import { snippet } from '../../../src-renderer/features/search/snippet';

const join = (segments: ReturnType<typeof snippet>) => segments.map((s) => s.text).join('');
const marks = (segments: ReturnType<typeof snippet>) => segments.filter((s) => s.mark).map((s) => s.text);

describe('snippet', () => {
  it('shows a short text whole, with its matches marked', () => {
    const text = 'Kontakta Göran Lindqvist:';
    const segments = snippet(text, [{ start: 9, end: 14 }]);
    expect(join(segments)).toBe(text);
    expect(marks(segments)).toEqual(['Göran']);
  });

  it('cuts a long text around the first match, with ellipses, never inside the mark', () => {
    const before = 'ord '.repeat(60);
    const after = ' mera'.repeat(100);
    const text = `${before}Europeiska socialfonden+ (ESF+)${after}`;
    const start = text.indexOf('ESF+');
    const segments = snippet(text, [{ start, end: start + 4 }]);
    const shown = join(segments);
    expect(shown.startsWith('… ')).toBe(true);
    expect(shown.endsWith(' …')).toBe(true);
    expect(marks(segments)).toEqual(['ESF+']);
    expect(shown.length).toBeLessThan(260);
  });

  it('keeps markup-looking text as text', () => {
    const text = '<b>fonden</b> & <script>';
    const segments = snippet(text, [{ start: 3, end: 9 }]);
    expect(join(segments)).toBe(text);
    expect(marks(segments)).toEqual(['fonden']);
  });
});
