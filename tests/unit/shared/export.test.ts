// The export vocabulary: the links every format writes open the paragraph they cite, and
// files are named by date.
import { describe, expect, it } from 'vitest';
import { parseDeepLink, routeHashFor } from '../../../src-main/shared/deep-link';
import { defaultExportFileName, documentLink, paragraphLink } from '../../../src-main/shared/export';

describe('export links and names', () => {
  it('the links the exports write open the paragraph they cite', () => {
    const parsed = parseDeepLink(paragraphLink('000_85e98cc4eb8dedfb', 7));
    expect(parsed.ok && routeHashFor(parsed.value)).toBe('#/dokument/000_85e98cc4eb8dedfb/stycke/7');
    const doc = parseDeepLink(documentLink('003_e730e55ba1c2e8b7'));
    expect(doc.ok && routeHashFor(doc.value)).toBe('#/dokument/003_e730e55ba1c2e8b7');
  });

  it('names export files by date', () => {
    expect(defaultExportFileName('docx', new Date(2026, 10, 21, 23, 59))).toBe(
      'Anteckningar 2026-11-21.docx',
    );
  });
});
