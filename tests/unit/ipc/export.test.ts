// The export and import capabilities through the real dispatcher: payloads are validated by
// the contract (Swedish messages), files land where the host says, import runs in two steps.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../../src-main/ipc/table';
import { CHANNELS } from '../../../src-main/shared/channels';
import { MAX_IMPORT_BYTES } from '../../../src-main/shared/export';
import { DOC_B, sandboxWithSamples, type Sandbox } from '../services/export/sample-notes';

let sandbox: Sandbox;
let dispatch: Dispatcher;
beforeAll(async () => {
  sandbox = await sandboxWithSamples();
  dispatch = createDispatcher(createHandlerTable(sandbox.services));
});
afterAll(() => sandbox.cleanup());

describe('export capabilities', () => {
  it('refuses an unknown format and a malformed scope with a Swedish message', async () => {
    const bad = await dispatch(CHANNELS.exportNotes, { format: 'odt', scope: { kind: 'all' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!bad.ok) expect(bad.error.message).toContain('Okänt format');
    const scope = await dispatch(CHANNELS.exportNotes, {
      format: 'md',
      scope: { kind: 'document', documentId: '../x' },
    });
    if (!scope.ok) expect(scope.error.message).toContain('Ogiltigt dokument-id');
    else throw new Error('accepted a bad document id');
  });

  it('exports a filter scope into the exports folder and reports it', async () => {
    const result = await dispatch(CHANNELS.exportNotes, {
      format: 'csv',
      scope: { kind: 'filter', filter: { documentId: DOC_B, colour: 'yellow' } },
    });
    if (!result.ok) throw new Error(result.error.message);
    const done = result.value as { path: string; count: number; cancelled: boolean };
    expect(done).toMatchObject({ cancelled: false, count: 1 });
    expect(await readFile(done.path, 'utf8')).toContain('fyra huvudområden');
    const info = await dispatch(CHANNELS.getExportInfo, undefined);
    expect(info).toEqual({ ok: true, value: { nativeImportDialog: false, canReveal: false } });
  });

  it('previews, then merges only with the token; oversize content is refused by the contract', async () => {
    const json = new TextDecoder().decode(
      (await sandbox.services.exports.render('json', { kind: 'all' })).bytes,
    );
    const preview = await dispatch(CHANNELS.previewImport, {
      source: 'content',
      fileName: 'a.json',
      content: json,
    });
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value).toMatchObject({ total: 4, unchanged: 4 });
    const token = (preview.value as { token: string }).token;
    expect(await dispatch(CHANNELS.applyImport, { token })).toEqual({
      ok: true,
      value: { added: 0, updated: 0, unchanged: 4 },
    });
    const huge = await dispatch(CHANNELS.previewImport, {
      source: 'content',
      fileName: 'stor.json',
      content: ' '.repeat(MAX_IMPORT_BYTES + 1),
    });
    if (!huge.ok) expect(huge.error.message).toContain('Filen är för stor');
    else throw new Error('accepted an oversize file');
    const dialog = await dispatch(CHANNELS.previewImport, { source: 'dialog' });
    expect(dialog.ok).toBe(false);
  });
});
