// The IPC boundary under attack: the real dispatcher over the real services (real documents,
// a throw-away data folder) gets random and hostile payloads on every channel, including ones
// added later (the channel list is read from the contract). Every call must resolve to a
// Result (a value, or an error with a clear Swedish sentence), never throw or report an
// internal error, never pollute prototypes, and a refused call must leave every file in the
// data folder byte for byte as it was.
import fc from 'fast-check';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../src-main/ipc/dispatch';
import { createHandlerTable } from '../../../src-main/ipc/table';
import { openServices } from '../../../src-main/services';
import { CHANNELS, type CapabilityName } from '../../../src-main/shared/channels';
import { contract } from '../../../src-main/shared/contract';
import { parseExternalUrl } from '../../../src-main/shared/external-url';
import type { Result } from '../../../src-main/shared/result';
import { readStored } from '../services/store/stored';

const ROOT = resolve(import.meta.dirname, '../../..');
const ERROR_CODES = ['invalid-request', 'unknown-channel', 'not-found', 'forbidden', 'io', 'internal'];
/** Words any of the app's Swedish error sentences contains one of. */
const SWEDISH = /\b(och|inte|kunde|finns|måste|bara|Ogiltig|Okänd|Länken|Dokumentet|ska|för|är|en|ett)\b/i;

let dataDir: string;
let dispatch: Dispatcher;
const opened: string[] = [];
const internalLog: string[] = [];

async function snapshot(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    // SQLite's -shm file is a shared-memory index readers touch, not stored data; backups/ gets
    // the daily copy on its own timer (30 s after start, while this suite runs), never from a call.
    const scheduled = entry.parentPath === join(dataDir, 'backups');
    if (entry.isFile() && !entry.name.endsWith('-shm') && !scheduled) {
      const path = join(entry.parentPath, entry.name);
      files.set(path, (await readFile(path)).toString('base64'));
    }
  }
  return files;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lasaren-fuzz-'));
  const services = await openServices({
    resourcesDir: join(ROOT, 'resources'),
    dataDir,
    openExternal: async (url) => void opened.push(url),
  });
  // The search index is cached in the data folder once built; that write must not land
  // inside a call's before/after snapshot.
  await services.search.ready;
  dispatch = createDispatcher(createHandlerTable(services), (line) => void internalLog.push(line));
  // A settings file on disk that rejected calls must not touch.
  const saved = await dispatch(CHANNELS.updateSettings, {
    lastDocumentId: '000_85e98cc4eb8dedfb',
    lastParagraph: 3,
  });
  expect(saved.ok).toBe(true);
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Checks one call's outcome; returns it for further checks. */
async function callChecked(channel: unknown, payload: unknown): Promise<Result<unknown>> {
  const before = await snapshot();
  let result: Result<unknown>;
  try {
    result = await dispatch(channel, payload);
  } catch (e) {
    throw new Error(
      `dispatch threw for ${typeof channel === 'string' ? channel.slice(0, 40) : typeof channel}`,
      {
        cause: e,
      },
    );
  }
  expect(typeof result).toBe('object');
  if (result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'value']);
  } else {
    expect(ERROR_CODES).toContain(result.error.code);
    expect(result.error.code).not.toBe('internal');
    expect(result.error.message.length).toBeGreaterThan(10);
    // Never echoes a huge payload back across the bridge.
    expect(result.error.message.length).toBeLessThan(1000);
    expect(result.error.message).toMatch(SWEDISH);
    expect(await snapshot()).toEqual(before);
  }
  // No prototype was polluted by any payload.
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  return result;
}

const channels = Object.values(CHANNELS);
const names = Object.keys(CHANNELS) as CapabilityName[];

/** The keys a capability's object schema names, so random payloads get past the key check. */
function keysOf(name: CapabilityName): string[] {
  const shape = (contract[name].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'botten';
  for (let i = 0; i < depth; i++) value = { a: value, b: [value] };
  return value;
}

const hostileValue = fc.oneof(
  fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withDate: true,
  }),
  fc.constantFrom(
    '',
    'a'.repeat(1_000_000),
    '../../../etc/passwd',
    '..\\..\\windows\\win.ini',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '\u0000',
    '<script>alert(1)</script>',
    NaN,
    Infinity,
    -1,
    0,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    null,
    [],
    {},
    Symbol('x'),
    () => 'funktion',
    new Date(Number.NaN),
    deeplyNested(40),
  ),
);

/** Objects carrying prototype-pollution keys, built the way JSON.parse builds them (own properties). */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"__proto__": {"polluted": true}, "lastParagraph": 2}'),
  JSON.parse('{"id": "abc", "__proto__": {"polluted": true}}'),
  JSON.parse('{"url": "https://example.com", "constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"lastDocumentId": {"__proto__": {"polluted": true}}}'),
  Object.assign(Object.create(null) as object, { id: 'abc', polluted: true }),
);

function payloadFor(name: CapabilityName) {
  const keys = keysOf(name);
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, hostileValue])), { requiredKeys: [] })
    : fc.constant(undefined);
  const withExtra = keys.length
    ? fc
        .tuple(shaped, fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 3 }))
        .map(([a, b]) => ({ ...b, ...a }))
    : hostileValue;
  return fc.oneof(hostileValue, shaped, withExtra, pollution);
}

describe('every channel survives random and hostile payloads', () => {
  for (const name of names) {
    it(`${CHANNELS[name]}`, async () => {
      await fc.assert(
        fc.asyncProperty(payloadFor(name), async (payload) => {
          await callChecked(CHANNELS[name], payload);
        }),
        { numRuns: 150 },
      );
    }, 120_000);
  }

  it('unknown and malformed channels are refused by name, in Swedish', async () => {
    const channel = fc.oneof(
      fc.string({ maxLength: 100 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'library:list ',
        'LIBRARY:LIST',
        'x'.repeat(100_000),
      ),
      fc.anything({ maxDepth: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(channel, hostileValue, async (ch, payload) => {
        if (typeof ch === 'string' && channels.includes(ch as (typeof channels)[number])) return;
        const result = await callChecked(ch, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('unknown-channel');
          expect(result.error.message).toMatch(/^Okänd funktion: /);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('specific attacks', () => {
  it('a deeply nested payload (100 000 levels) is refused without a stack overflow', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = { id: deep };
    for (const channel of channels) await callChecked(channel, deep);
    await callChecked(CHANNELS.getDocument, { id: deep });
    await callChecked(CHANNELS.updateSettings, { lastDocumentId: deep });
  });

  it('a channel that is an object whose toString is not a function is refused, not thrown', async () => {
    // The counterexample fast-check found: String() of it throws "Cannot convert object to primitive value".
    for (const channel of [{ toString: 0 }, Object.create(null) as object, Symbol('x'), 12n]) {
      const result = await callChecked(channel, new Set());
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
  });

  it('a 10 MB string is refused quickly on every channel', async () => {
    const huge = 'å'.repeat(10_000_000);
    for (const channel of channels) {
      await callChecked(channel, huge);
      await callChecked(channel, { id: huge, url: huge, lastDocumentId: huge });
    }
  });

  it('rejected settings updates leave the stored settings as they were', async () => {
    const before = readStored(dataDir)?.settings;
    expect(before).toBeDefined();
    for (const patch of [
      { lastParagraph: 0 },
      { lastParagraph: 2.5 },
      { lastParagraph: '3' },
      { lastDocumentId: '../../etc/passwd' },
      { lastDocumentId: 'ABC' },
      { theme: 'neon' },
      { language: 'de' },
      { textSize: 1e9 },
      { fontFamily: 'Comic Sans' },
      JSON.parse('{"__proto__": {"lastParagraph": 7}}'),
      null,
      [],
    ]) {
      const result = await callChecked(CHANNELS.updateSettings, patch);
      expect(result.ok).toBe(false);
    }
    expect(readStored(dataDir)?.settings).toEqual(before);
  });

  it('a key given as undefined changes nothing (found by this fuzzer: it used to fail internally)', async () => {
    const stored = readStored(dataDir)?.settings;
    const before = await dispatch(CHANNELS.getSettings, undefined);
    expect(before.ok).toBe(true);
    const result = await callChecked(CHANNELS.updateSettings, {
      lastDocumentId: undefined,
      lastParagraph: undefined,
    });
    expect(result).toEqual(before);
    expect(readStored(dataDir)?.settings).toEqual(stored);
  });

  it('many calls at once all resolve, and the store ends in a valid state', async () => {
    const calls = Array.from({ length: 200 }, (_, i) =>
      i % 3 === 0
        ? dispatch(CHANNELS.updateSettings, { lastParagraph: (i % 50) + 1 })
        : dispatch(CHANNELS.updateSettings, { lastParagraph: -i }),
    );
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.ok).length).toBe(67);
    const stored = readStored(dataDir)?.settings as { lastParagraph: number };
    // Writes are serialised in call order: the last accepted patch wins.
    expect(stored.lastParagraph).toBe((198 % 50) + 1);
  });

  it('openExternal only ever reaches the system with allowed links', () => {
    for (const url of opened) expect(parseExternalUrl(url), url).not.toBeNull();
  });

  it('no handler failed internally', () => {
    expect(internalLog).toEqual([]);
  });
});
