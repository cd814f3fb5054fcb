// The IPC entry point over the real services: every payload is validated against the
// contract, failures come back as clear values, and nothing is thrown across the bridge.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../../src-main/ipc/table';
import { openServices } from '../../../src-main/services';
import { CHANNELS } from '../../../src-main/shared/channels';
import { readStored } from '../services/store/stored';

const RESOURCES = join(import.meta.dirname, '../../../resources');
let dispatch: Dispatcher;
let dataDir: string;
const opened: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lasaren-ipc-'));
  const services = await openServices({
    resourcesDir: RESOURCES,
    dataDir,
    openExternal: async (url) => void opened.push(url),
  });
  dispatch = createDispatcher(createHandlerTable(services));
});

describe('dispatch', () => {
  it('lists and returns documents', async () => {
    const list = await dispatch(CHANNELS.listDocuments, undefined);
    expect(list.ok && (list.value as unknown[]).length).toBe(2);
    const doc = await dispatch(CHANNELS.getDocument, { id: '003_e730e55ba1c2e8b7' });
    expect(doc.ok).toBe(true);
  });

  it.each([
    ['a path-like id', { id: '../x' }, /Ogiltigt dokument-id/],
    ['an absolute path', { id: '/etc/passwd' }, /Ogiltigt dokument-id/],
    ['a number', { id: 7 }, /Dokument-id måste vara text/],
    ['no payload', undefined, /Ogiltig begäran \(getDocument\)/],
    ['extra keys', { id: '003_e730e55ba1c2e8b7', extra: 1 }, /extra/],
    ['an array', ['003_e730e55ba1c2e8b7'], /Ogiltig begäran/],
  ])('rejects %s with a clear message', async (_name, payload, message) => {
    const result = await dispatch(CHANNELS.getDocument, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(message);
    }
  });

  it('answers an unknown but well-formed id with not-found', async () => {
    const result = await dispatch(CHANNELS.getDocument, { id: 'finns_inte' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses unknown channels and non-string channels', async () => {
    for (const channel of ['fs:read', '__proto__', 42, null, { toString: () => 'library:list' }]) {
      expect(await dispatch(channel, undefined)).toMatchObject({
        ok: false,
        error: { code: 'unknown-channel' },
      });
    }
  });

  it('rejects arguments to a capability that takes none', async () => {
    expect(await dispatch(CHANNELS.listDocuments, { all: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('tar inga argument') },
    });
  });

  it('opens only confirmed web and mail links, never other schemes', async () => {
    expect(await dispatch(CHANNELS.openExternal, { url: 'https://www.regeringen.se/' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://gov.se@evil.example/',
      'app://lasaren/',
    ]) {
      expect(await dispatch(CHANNELS.openExternal, { url })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(opened).toEqual(['https://www.regeringen.se/']);
  });

  it('saves settings and leaves the file untouched by a rejected update', async () => {
    expect(await dispatch(CHANNELS.updateSettings, { lastDocumentId: '003_e730e55ba1c2e8b7' })).toMatchObject(
      {
        ok: true,
      },
    );
    const before = readStored(dataDir);
    expect(before?.settings).toMatchObject({ lastDocumentId: '003_e730e55ba1c2e8b7' });
    expect(await dispatch(CHANNELS.updateSettings, { lastDocumentId: '../../etc' })).toMatchObject({
      ok: false,
    });
    expect(await dispatch(CHANNELS.updateSettings, { theme: 'x' })).toMatchObject({ ok: false });
    expect(readStored(dataDir)).toEqual(before);
  });

  it('turns an exception inside a handler into an internal error value', async () => {
    const lines: string[] = [];
    const broken = createDispatcher(
      {
        ...createHandlerTable(
          await openServices({ resourcesDir: RESOURCES, dataDir, openExternal: async () => {} }),
        ),
        listDocuments: () => {
          throw new Error('boom');
        },
      },
      (line) => lines.push(line),
    );
    expect(await broken(CHANNELS.listDocuments, undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('Något gick fel') },
    });
    expect(lines[0]).toContain('boom');
  });
});
