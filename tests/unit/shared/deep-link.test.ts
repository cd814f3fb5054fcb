import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, deepLinkToHash } from '../../../src-main/shared/deep-link';
import { defaultExportFileName, paragraphLink } from '../../../src-main/shared/export';

describe('deep links', () => {
  it.each([
    ['lasaren://document/003_e730e55ba1c2e8b7#stycke-4', '#/dokument/003_e730e55ba1c2e8b7/stycke/4'],
    ['lasaren://document/003_e730e55ba1c2e8b7', '#/dokument/003_e730e55ba1c2e8b7'],
    ['lasaren://document/003_e730e55ba1c2e8b7/', '#/dokument/003_e730e55ba1c2e8b7'],
    ['lasaren://document/../etc#stycke-1', null],
    ['lasaren://document/ABC', null],
    ['lasaren://settings', null],
    ['https://example.org/#stycke-1', null],
  ])('%s → %s', (link, hash) => {
    expect(deepLinkToHash(link)).toBe(hash);
  });

  it('the links the exports write open the paragraph they cite', () => {
    expect(deepLinkToHash(paragraphLink('000_85e98cc4eb8dedfb', 7))).toBe(
      '#/dokument/000_85e98cc4eb8dedfb/stycke/7',
    );
  });

  it('finds the link among command-line arguments (Windows and Linux)', () => {
    expect(deepLinkFromArgv(['/opt/Läsaren/lasaren', '--flag', 'lasaren://document/abc#stycke-2'])).toBe(
      '#/dokument/abc/stycke/2',
    );
    expect(deepLinkFromArgv(['/opt/Läsaren/lasaren'])).toBeNull();
  });

  it('names export files by date', () => {
    expect(defaultExportFileName('docx', new Date(2026, 10, 21, 23, 59))).toBe(
      'Anteckningar 2026-11-21.docx',
    );
  });
});
