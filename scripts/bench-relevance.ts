// `npm run bench:relevance`: the relevance set (tests/fixtures/relevance/integration.json,
// queries judged on ../shared/collections/integration) through Läsaren's engine and, in the
// same run on the same paragraphs, minisearch (fuzzy 0.2 and prefix search, its defaults
// otherwise) and Xapian (python3-xapian: Swedish stemmer, spelling correction on; see
// scripts/xapian-peer.py). Prints top-1 and top-5 per kind of query for each, and the
// queries Läsaren misses. A script that prints figures, never a test.
// Options: --set NAME (tests/fixtures/relevance/NAME.json; default integration, the held-out set
// is integration-heldout), --out FILE (also write the report as Markdown), --verbose (every query).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import MiniSearch from 'minisearch';
import { SearchEngine, type ParagraphRecord } from '../src-main/services/search/engine';
import { collectionRecords, readCollection, sharedDir } from './collection-reader';

interface Expected {
  readonly documentId: string;
  /** Text the paragraph holds; absent: any hit in the document (its title or a paragraph). */
  readonly snippet?: string;
}
interface Query {
  readonly id: number;
  readonly kind: string;
  readonly query: string;
  readonly expected: readonly Expected[];
}

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'integration' },
    out: { type: 'string' },
    verbose: { type: 'boolean' },
  },
});
const TOP = 5;
const root = join(import.meta.dirname, '..');
const set = JSON.parse(readFileSync(join(root, `tests/fixtures/relevance/${values.set}.json`), 'utf8')) as {
  collection: string;
  queries: Query[];
};
const records = collectionRecords(readCollection(join(sharedDir(), set.collection)));

const relevant = (q: Query, record: ParragraphLike | undefined): boolean =>
  !!record &&
  q.expected.some(
    (e) =>
      e.documentId === record.documentId &&
      (e.snippet === undefined || record.text.replace(/\u00ad/g, '').includes(e.snippet)),
  );
type ParragraphLike = Pick<ParagraphRecord, 'documentId' | 'text'>;

/** Each engine: the top record indexes for a query. */
type Engine = (query: string) => number[];

function laesaren(): Engine {
  const engine = new SearchEngine();
  engine.add(records);
  const index = new Map(records.map((r, i) => [`${r.documentId}#${r.paragraph}#${r.kind ?? ''}`, i]));
  return (query) =>
    engine
      .search(query, { limit: TOP })
      .hits.map(
        (h) => index.get(`${h.documentId}#${h.paragraph}#${h.kind === 'document' ? 'document' : ''}`) ?? -1,
      );
}

function minisearch(): Engine {
  const mini = new MiniSearch({ fields: ['text', 'heading'] });
  mini.addAll(records.map((r, id) => ({ id, text: r.text, heading: r.heading ?? '' })));
  return (query) =>
    mini
      .search(query.replace(/"/g, ' '), { fuzzy: 0.2, prefix: true, boost: { heading: 2 } })
      .slice(0, TOP)
      .map((r) => r.id as number);
}

function xapian(queries: readonly string[]): Engine {
  const dir = mkdtempSync(join(tmpdir(), 'lasaren-relevance-'));
  try {
    const recordsFile = join(dir, 'records.jsonl');
    writeFileSync(
      recordsFile,
      records.map((r) => JSON.stringify({ text: r.text, heading: r.heading })).join('\n'),
    );
    const queriesFile = join(dir, 'queries.json');
    writeFileSync(queriesFile, JSON.stringify(queries));
    const out = execFileSync(
      '/usr/bin/python3',
      [join(root, 'scripts/xapian-peer.py'), recordsFile, queriesFile, String(TOP)],
      {
        maxBuffer: 1 << 28,
      },
    );
    const results = (JSON.parse(out.toString()) as { results: number[][] }).results;
    const byQuery = new Map(queries.map((q, i) => [q, results[i] ?? []]));
    return (query) => byQuery.get(query) ?? [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const engines: Array<[string, Engine]> = [
  ['Läsaren', laesaren()],
  ['minisearch (fuzzy 0.2, prefix)', minisearch()],
  ['Xapian (svensk stemmer, stavningskorrigering)', xapian(set.queries.map((q) => q.query))],
];

const kinds = [...new Set(set.queries.map((q) => q.kind))];
interface Score {
  top1: number;
  top5: number;
  n: number;
}
const scores = new Map<string, Map<string, Score>>();
const misses: string[] = [];
for (const [name, run] of engines) {
  const byKind = new Map<string, Score>(kinds.map((k) => [k, { top1: 0, top5: 0, n: 0 }]));
  byKind.set('alla', { top1: 0, top5: 0, n: 0 });
  for (const q of set.queries) {
    const top = run(q.query).map((i) => records[i]);
    const hit1 = relevant(q, top[0]);
    const hit5 = top.some((r) => relevant(q, r));
    for (const key of [q.kind, 'alla']) {
      const s = byKind.get(key) as Score;
      s.n++;
      s.top1 += hit1 ? 1 : 0;
      s.top5 += hit5 ? 1 : 0;
    }
    if (name === 'Läsaren' && !hit1)
      misses.push(
        `- ${q.kind} \`${q.query}\`: ${hit5 ? 'inom topp 5' : 'inte i topp 5'}; först: ${top[0] ? `${top[0].documentId}#${top[0].paragraph}` : '(ingen träff)'}`,
      );
    if (values.verbose)
      console.log(
        `${name}\t${q.kind}\t${q.query}\t${hit1 ? 1 : 0}\t${hit5 ? 1 : 0}\t${top.map((r) => r && `${r.documentId}#${r.paragraph}`).join(' ')}`,
      );
  }
  scores.set(name, byKind);
}

const pct = (s: Score, key: 'top1' | 'top5') => `${Math.round((100 * s[key]) / s.n)} % (${s[key]}/${s.n})`;
const lines: string[] = [];
lines.push(
  `Relevansmängd ${values.set}: ${set.queries.length} frågor på ${set.collection} (${records.length} poster: stycken och dokumenttitlar).`,
);
lines.push('');
lines.push(`| sort | frågor | ${engines.map(([n]) => `${n} topp 1 / topp 5`).join(' | ')} |`);
lines.push(`| --- | ---: | ${engines.map(() => '---').join(' | ')} |`);
for (const kind of [...kinds, 'alla']) {
  const n = scores.get('Läsaren')?.get(kind)?.n ?? 0;
  lines.push(
    `| ${kind} | ${n} | ${engines
      .map(([name]) => {
        const s = scores.get(name)?.get(kind) as Score;
        return `${pct(s, 'top1')} / ${pct(s, 'top5')}`;
      })
      .join(' | ')} |`,
  );
}
lines.push('');
lines.push(
  misses.length
    ? `Läsarens missar på topp 1:\n\n${misses.join('\n')}`
    : 'Läsaren har rätt på topp 1 för varje fråga.',
);
console.log(lines.join('\n'));
if (values.out) writeFileSync(values.out, lines.join('\n') + '\n');
