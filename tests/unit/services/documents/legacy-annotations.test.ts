// Annotations written by release 0.1.0 (tests/fixtures/annotations-release-0.1.0.json, made
// with that release's parser and store before the Markdown model) on the two shipped
// documents. Their positions were offsets into the raw .txt; the new text drops "# " and
// trailing spaces, so positions shift by a few characters. Each must anchor on exactly the
// same words, in the same numbered paragraph, with the same words around it: by its exact
// quote (prefix and suffix choosing among repeats), never fuzzily.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../../src-main/services';
import { anchorStatus, paragraphAt } from '../../../../src-main/shared/anchoring';
import { formatCitation, placeOf } from '../../../../src-main/shared/documents/citation';
import { ROOT } from './shared-path';

let services: Services;
let data: string;
afterAll(() => rm(data, { recursive: true, force: true }));

async function open(): Promise<Services> {
  data = await mkdtemp(join(tmpdir(), 'lasaren-legacy-'));
  await cp(join(ROOT, 'tests/fixtures/annotations-release-0.1.0.json'), join(data, 'annotations.json'));
  return openServices({ resourcesDir: join(ROOT, 'resources'), dataDir: data, openExternal: async () => {} });
}

describe('annotations from release 0.1.0 on the shipped documents', () => {
  it('load from the old store unchanged and anchor on the same words in the same paragraph', async () => {
    services = await open();
    expect(services.annotations.problem).toBeNull();
    const all = services.annotations.all();
    expect(all).toHaveLength(14);
    for (const a of all) {
      const doc = await services.library.get(a.documentId);
      if (!doc.ok) throw new Error(doc.error.message);
      const status = anchorStatus(doc.value.text, a);
      expect(status.kind, a.note).toMatch(/^(exact|moved)$/);
      if (status.kind !== 'exact' && status.kind !== 'moved') continue;
      const text = doc.value.text;
      expect(text.slice(status.start, status.end), a.note).toBe(a.quote.exact);
      // The words around it are the same words (whitespace at block ends may differ).
      const words = (s: string) => s.trim().split(/\s+/).filter(Boolean);
      const before = words(text.slice(Math.max(0, status.start - a.quote.prefix.length), status.start));
      const after = words(text.slice(status.end, status.end + a.quote.suffix.length));
      expect(words(a.quote.prefix.replace(/^# /, '')).slice(-2), a.note).toEqual(before.slice(-2));
      expect(words(a.quote.suffix).slice(0, 2), a.note).toEqual(after.slice(0, 2));
      // Same paragraph number: citations and deep links (#stycke-n) still point at it.
      expect(paragraphAt(doc.value.blocks, status.start), a.note).toBe(a.paragraph);
    }
  });

  it('are cited with the designation where the document has one', async () => {
    const plan = services.library.summary('003_e730e55ba1c2e8b7')!;
    const doc = await services.library.get(plan.id);
    if (!doc.ok) throw new Error(doc.error.message);
    const a = services.annotations.all().find((x) => x.note === 'Mitt i ett stycke')!;
    expect(formatCitation(plan, placeOf(doc.value.blocks, a.paragraph))).toBe('2020/21:FPM54, stycke 4');
    const ncp = services.library.summary('000_85e98cc4eb8dedfb')!;
    expect(formatCitation(ncp, { paragraph: 4 })).toBe('Nationella kontaktpunkter för integration, stycke 4');
  });
});
