// `search "<fråga>"`: the app's own search from the command line, best hits first, as a
// readable list or (--json) as a JSON array of hits.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { openServices } from '../../services';
import { MAX_QUERY_LENGTH, MAX_SEARCH_LIMIT, groupByDocument, type SearchHit } from '../../shared/search';
import { ROOT, UsageError, collectionDirFrom, dataDirFrom, positiveInteger } from '../args';
import type { CliCommand } from './types';

function parse(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        limit: { type: 'string' },
        json: { type: 'boolean' },
        data: { type: 'string' },
        collection: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const option = /'([^']+)'/.exec((e as Error).message)?.[1];
    throw new UsageError(option ? `Okänt eller ofullständigt argument: ${option}` : 'Ogiltiga argument.');
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('Ange vad du söker efter, t.ex. search "regeringen".');
  if (positionals.length > 1)
    throw new UsageError(`Sätt sökfrågan inom citattecken: fick ${positionals.length} separata ord.`);
  const query = positionals[0] ?? '';
  if (query.trim() === '') throw new UsageError('Sökfrågan är tom.');
  if (query.length > MAX_QUERY_LENGTH)
    throw new UsageError(`Sökfrågan är för lång (högst ${MAX_QUERY_LENGTH} tecken).`);
  const limit = positiveInteger('--limit', values.limit, 20);
  if (limit > MAX_SEARCH_LIMIT) throw new UsageError(`--limit får vara högst ${MAX_SEARCH_LIMIT}.`);
  return {
    query,
    limit,
    json: values.json === true,
    dataDir: dataDirFrom(values.data),
    collectionDir: collectionDirFrom(values.collection),
  };
}

/** The paragraph with its matches marked, bold on a terminal and in [brackets] otherwise. */
function marked(hit: SearchHit, tty: boolean): string {
  const [open, close] = tty ? ['\u001b[1m', '\u001b[22m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const m of hit.matches) {
    out += hit.text.slice(at, m.start) + open + hit.text.slice(m.start, m.end) + close;
    at = m.end;
  }
  return (out + hit.text.slice(at)).replace(/\s+/g, ' ');
}

export const searchCommand: CliCommand = {
  words: ['search'],
  usage:
    'search "<fråga>" [--limit N] [--json] [--data MAPP] [--collection MAPP]   sök i dokumenten och anteckningarna',
  async run(args) {
    const { query, limit, json, dataDir, collectionDir } = parse(args);
    const services = await openServices({
      resourcesDir: join(ROOT, 'resources'),
      dataDir,
      collectionDir,
      openExternal: async () => undefined,
    });
    const result = await services.search.search(query, { limit });
    if (json) {
      const hits = result.hits.map((h) => ({
        kind: h.kind,
        documentId: h.documentId,
        title: h.title,
        paragraph: h.paragraph,
        text: h.text,
        matches: h.matches.map((m) => ({ start: m.start, end: m.end })),
        score: h.score,
        ...(h.kind === 'note' ? { tags: h.tags, quote: h.quote } : {}),
      }));
      console.log(JSON.stringify(hits, null, 2));
      if (result.suggestions.length) console.error(`Menade du: ${result.suggestions.join(', ')}?`);
      return 0;
    }
    if (result.hits.length === 0) {
      console.log(`Inga träffar för "${query}".`);
      if (result.suggestions.length)
        console.log(`Menade du: ${result.suggestions.map((s) => `"${s}"`).join(', ')}?`);
      return 0;
    }
    const tty = process.stdout.isTTY === true;
    for (const group of groupByDocument(result.hits)) {
      console.log(`\n${group.title} (${group.documentId})`);
      for (const hit of group.hits) {
        const label =
          hit.kind === 'note' ? `anteckning vid stycke ${hit.paragraph}` : `stycke ${hit.paragraph}`;
        console.log(`  ${label}: ${marked(hit, tty)}`);
      }
    }
    const shown = `${result.hits.length} ${result.hits.length === 1 ? 'träff' : 'träffar'}`;
    console.log(`\n${shown}${result.more ? ` (fler finns; öka --limit)` : ''}.`);
    return 0;
  },
};
