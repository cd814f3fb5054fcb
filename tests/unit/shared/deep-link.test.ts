// Deep links as the operating system hands them over: the shapes exports write must open the
// right passage, and everything else must be refused with a Swedish sentence, never guessed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  annotationDeepLink,
  documentDeepLink,
  findDeepLinkArgument,
  parseDeepLink,
  routeHashFor,
  type DeepLink,
} from '../../../src-main/shared/deep-link';

const UUID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('parseDeepLink accepts exactly the shapes exports write', () => {
  it.each<[string, DeepLink]>([
    [
      'lasaren://document/000_85e98cc4eb8dedfb',
      { kind: 'document', documentId: '000_85e98cc4eb8dedfb', paragraph: null },
    ],
    [
      'lasaren://document/000_85e98cc4eb8dedfb#stycke-12',
      { kind: 'document', documentId: '000_85e98cc4eb8dedfb', paragraph: 12 },
    ],
    // Some Windows programs append a slash before handing the link over.
    ['lasaren://document/abc/#stycke-1', { kind: 'document', documentId: 'abc', paragraph: 1 }],
    ['LASAREN://document/abc', { kind: 'document', documentId: 'abc', paragraph: null }],
    [`lasaren://annotation/${UUID}`, { kind: 'annotation', annotationId: UUID }],
    [`lasaren://annotation/${UUID.toUpperCase()}`, { kind: 'annotation', annotationId: UUID }],
  ])('%s', (raw, expected) => {
    expect(parseDeepLink(raw)).toEqual({ ok: true, value: expected });
  });

  it('round-trips every link the builders make', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,63}$/),
        fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        (id, paragraph) => {
          const parsed = parseDeepLink(documentDeepLink(id, paragraph));
          expect(parsed).toEqual({
            ok: true,
            value: { kind: 'document', documentId: id, paragraph: paragraph ?? null },
          });
        },
      ),
    );
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        expect(parseDeepLink(annotationDeepLink(id))).toEqual({
          ok: true,
          value: { kind: 'annotation', annotationId: id },
        });
      }),
    );
  });
});

describe('parseDeepLink refuses everything else', () => {
  it.each([
    ['another scheme', 'https://document/abc'],
    ['no slashes', 'lasaren:document/abc'],
    ['an empty host', 'lasaren:///document/abc'],
    ['an unknown kind', 'lasaren://settings/abc'],
    ['an upper-case kind', 'lasaren://Document/abc'],
    ['an upper-case id', 'lasaren://document/ABC'],
    ['an encoded id', 'lasaren://document/%61bc'],
    ['encoded traversal', 'lasaren://document/%2e%2e'],
    ['dot segments', 'lasaren://document/a/../b'],
    ['a deeper path', 'lasaren://document/abc/def'],
    ['two trailing slashes', 'lasaren://document/abc//'],
    ['a backslash', 'lasaren://document\\abc'],
    ['credentials', 'lasaren://user:pw@document/abc'],
    ['a port', 'lasaren://document:80/abc'],
    ['a query', 'lasaren://document/abc?x=1'],
    ['an empty query', 'lasaren://document/abc?'],
    ['an id too long', `lasaren://document/${'a'.repeat(129)}`],
    ['an empty id', 'lasaren://document/'],
    ['paragraph zero', 'lasaren://document/abc#stycke-0'],
    ['a negative paragraph', 'lasaren://document/abc#stycke--3'],
    ['a leading zero', 'lasaren://document/abc#stycke-03'],
    ['a fractional paragraph', 'lasaren://document/abc#stycke-1.5'],
    ['a paragraph past the ceiling', 'lasaren://document/abc#stycke-1000001'],
    ['a huge paragraph', 'lasaren://document/abc#stycke-99999999999999999999'],
    ['another fragment', 'lasaren://document/abc#paragraph-3'],
    ['an empty fragment', 'lasaren://document/abc#'],
    ['a fragment with extra text', 'lasaren://document/abc#stycke-3x'],
    ['a newline', 'lasaren://document/abc\n#stycke-3'],
    ['a NUL byte', 'lasaren://document/abc\u0000'],
    ['a trailing space', 'lasaren://document/abc '],
    ['a short uuid', 'lasaren://annotation/3f2504e0-4f89-41d3-9a0c'],
    ['an annotation with a fragment', `lasaren://annotation/${UUID}#stycke-2`],
    ['a urn uuid', `lasaren://annotation/urn:uuid:${UUID}`],
    ['javascript', 'javascript:alert(1)//lasaren://document/abc'],
    ['a very long link', `lasaren://document/abc#stycke-1${'0'.repeat(5000)}`],
  ])('%s', (_why, raw) => {
    const parsed = parseDeepLink(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('invalid-request');
      expect(parsed.error.message).toMatch(/^Länken kunde inte öppnas: /);
    }
  });

  /** Whatever is accepted must be exactly what a builder writes (modulo case and the one slash). */
  const expectOnlyCanonical = (raw: string) => {
    const parsed = parseDeepLink(raw);
    if (!parsed.ok) return;
    const rebuilt =
      parsed.value.kind === 'document'
        ? documentDeepLink(parsed.value.documentId, parsed.value.paragraph ?? undefined)
        : annotationDeepLink(parsed.value.annotationId);
    expect(raw.toLowerCase().replace(/\/(#|$)/, '$1')).toBe(rebuilt.toLowerCase());
  };

  it('never throws on random text after the scheme', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (tail) =>
        expectOnlyCanonical(`lasaren://${tail}`),
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts a mutated valid link only when it is still canonical', () => {
    const valid = fc.oneof(
      fc
        .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/), fc.integer({ min: 1, max: 999 }))
        .map(([id, n]) => documentDeepLink(id, n)),
      fc.uuid().map(annotationDeepLink),
    );
    const hostile = fc.constantFrom(
      '/',
      '\\',
      '%',
      '.',
      '#',
      '?',
      '@',
      ':',
      ' ',
      '\u0000',
      '\n',
      'Å',
      '-',
      '0',
    );
    fc.assert(
      fc.property(valid, fc.nat(), hostile, (link, at, char) => {
        const i = at % (link.length + 1);
        expectOnlyCanonical(link.slice(0, i) + char + link.slice(i));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('routeHashFor', () => {
  // tests/e2e/deep-link.spec.ts opens these routes in the real renderer.
  it('routes document links to the reader route', () => {
    const hashOf = (raw: string) => {
      const parsed = parseDeepLink(raw);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return routeHashFor(parsed.value);
    };
    expect(hashOf('lasaren://document/abc#stycke-7')).toBe('#/dokument/abc/stycke/7');
    expect(hashOf('lasaren://document/abc/')).toBe('#/dokument/abc');
  });

  it('routes annotation links to #/anteckning/<id>', () => {
    expect(routeHashFor({ kind: 'annotation', annotationId: UUID })).toBe(`#/anteckning/${UUID}`);
  });
});

describe('findDeepLinkArgument', () => {
  it('finds the link among the switches Windows, Linux and Chromium add', () => {
    const argv = [
      'C:\\Program Files\\Läsaren\\lasaren.exe',
      '--allow-file-access-from-files',
      'lasaren://document/abc#stycke-2',
    ];
    expect(findDeepLinkArgument(argv)).toBe('lasaren://document/abc#stycke-2');
    expect(findDeepLinkArgument(['/opt/Läsaren/lasaren', 'LASAREN://document/abc'])).toBe(
      'LASAREN://document/abc',
    );
  });

  it('ignores arguments that merely contain the scheme', () => {
    expect(
      findDeepLinkArgument(['electron', '.', '--x=lasaren://document/abc', '/tmp/lasaren:/x']),
    ).toBeNull();
    expect(findDeepLinkArgument([])).toBeNull();
  });
});
