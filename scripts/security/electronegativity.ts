// Owns running Electronegativity (@doyensec/electronegativity) over Läsaren's sources, offline,
// and judging its findings against the reviewed allow-list (security/electronegativity-allowlist.json).
// The tool exits 0 whatever it finds, so its JS API result is read instead. It also fetches
// translations and Electron's release list from the network: the release check is excluded
// and its HTTP client is replaced for the run, so the scan never leaves the machine.
// Svelte components are scanned too: their <script> blocks as TypeScript and their markup as
// HTML, padded so reported line numbers are the component's own.
import { createRequire } from 'node:module';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);
export const ROOT = resolve(import.meta.dirname, '../..');
export const ALLOWLIST_PATH = join(ROOT, 'security/electronegativity-allowlist.json');

/** What is scanned: the app's code, both processes, and package.json (Electron version checks). */
export const SCANNED = ['src-main', 'src-renderer', 'package.json'] as const;
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface Finding {
  readonly check: string;
  readonly severity: Severity;
  readonly confidence: string;
  /** Relative to the repository, with forward slashes; 'N/A' for app-wide findings. */
  readonly file: string;
  readonly line: number;
  readonly description: string;
  readonly manualReview: boolean;
}

export interface ScanReport {
  readonly atomicChecks: number;
  readonly globalChecks: number;
  /** Source files scanned, relative to the root (a component counts once). */
  readonly files: readonly string[];
  readonly findings: readonly Finding[];
  /** Files the tool could not parse (so did not check). */
  readonly parseErrors: ReadonlyArray<{ readonly file: string; readonly message: string }>;
  /** Network requests the tool tried and that were refused. */
  readonly blockedRequests: readonly string[];
}

export interface AllowEntry {
  readonly check: string;
  readonly file: string;
  readonly reason: string;
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: Severity };
  confidence: { name: string };
  description: string;
  manualReview: boolean;
}
interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: Array<{ file: string; message: string; tolerable: boolean }>;
  issues: RawIssue[];
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>;
interface ModuleInternals {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Replaces every character but line breaks with nothing, so line numbers survive. */
const blankOut = (text: string) => text.replace(/[^\n]/g, '');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Copies what is scanned into `stage`; returns a map from staged file to source file. */
async function stageSources(
  root: string,
  targets: readonly string[],
  stage: string,
): Promise<Map<string, string>> {
  const origin = new Map<string, string>();
  for (const target of targets) {
    const source = join(root, target);
    const files = target.endsWith('.json') ? [source] : await listFiles(source);
    for (const file of files) {
      const rel = relative(root, file);
      if (!file.endsWith('.svelte')) {
        await mkdir(dirname(join(stage, rel)), { recursive: true });
        await cp(file, join(stage, rel));
        origin.set(toPosix(rel), toPosix(rel));
        continue;
      }
      const text = await readFile(file, 'utf8');
      const scripts = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
      let script = '';
      let markup = text;
      let last = 0;
      for (const m of text.matchAll(scripts)) {
        const contentStart = m.index + m[0].indexOf('>') + 1;
        const contentEnd = m.index + m[0].length - '</script>'.length;
        script += blankOut(text.slice(last, contentStart)) + text.slice(contentStart, contentEnd);
        last = contentEnd;
        // The markup keeps the tag (a <script src> is HTML to check) but not the code.
        markup = markup.replace(m[0], text.slice(m.index, contentStart) + blankOut(m[1] ?? '') + '</script>');
      }
      script += blankOut(text.slice(last));
      markup = markup.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, (s) => blankOut(s));
      await mkdir(dirname(join(stage, rel)), { recursive: true });
      await writeFile(join(stage, `${rel}.script.ts`), script);
      await writeFile(join(stage, `${rel}.markup.html`), markup);
      origin.set(toPosix(`${rel}.script.ts`), toPosix(rel));
      origin.set(toPosix(`${rel}.markup.html`), toPosix(rel));
    }
  }
  return origin;
}

/** Runs the scan over `targets` (paths relative to `root`). */
export async function scanSources(
  root: string = ROOT,
  targets: readonly string[] = SCANNED,
  electronVersion?: string,
): Promise<ScanReport> {
  const stage = await mkdtemp(join(tmpdir(), 'lasaren-electronegativity-'));
  const blockedRequests: string[] = [];
  const moduleInternals = require('node:module') as ModuleInternals;
  const originalLoad = moduleInternals._load;
  const offlineGot = (url: unknown) => {
    blockedRequests.push(String(url));
    return Promise.reject(new Error('Läsarens säkerhetsgranskning körs utan nätverk.'));
  };
  moduleInternals._load = function (request, parent, isMain) {
    if (request === 'got') return Object.assign(offlineGot, { default: offlineGot });
    return originalLoad.call(this, request, parent, isMain);
  };
  const log = console.log;
  try {
    const origin = await stageSources(root, targets, stage);
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies?: Record<string, string>;
    };
    const run = require('@doyensec/electronegativity') as Runner;
    // The translations loader prints a line when its (blocked) download fails.
    console.log = () => {};
    const result = await run(
      {
        input: stage,
        isRelative: true,
        excludeFromScan: EXCLUDED_CHECKS,
        electronVersionOverride: electronVersion ?? pkg.devDependencies?.['electron'],
      },
      false,
    );
    console.log = log;
    const mapFile = (file: string) => (file === 'N/A' ? file : (origin.get(toPosix(file)) ?? toPosix(file)));
    return {
      atomicChecks: result.atomicChecks,
      globalChecks: result.globalChecks,
      files: [...new Set(origin.values())].sort(),
      findings: result.issues.map((i) => ({
        check: i.id,
        severity: i.severity.name,
        confidence: i.confidence.name,
        file: mapFile(i.file),
        line: i.location.line,
        description: i.description,
        manualReview: i.manualReview,
      })),
      parseErrors: result.errors
        .filter((e) => !e.tolerable)
        .map((e) => ({ file: mapFile(toPosix(relative(stage, e.file))), message: e.message })),
      blockedRequests,
    };
  } finally {
    console.log = log;
    moduleInternals._load = originalLoad;
    await rm(stage, { recursive: true, force: true });
  }
}

/** Findings that fail the gate: high or medium (or worse) and not explained in the allow-list. */
export function unexplained(findings: readonly Finding[], allow: readonly AllowEntry[]): Finding[] {
  return findings.filter(
    (f) =>
      (f.severity === 'MEDIUM' || f.severity === 'HIGH' || f.severity === 'CRITICAL') &&
      !allow.some((a) => a.check === f.check && a.file === f.file),
  );
}

/** Allow-list entries no finding needs any more: stale, so the list no longer says what is true. */
export function unused(findings: readonly Finding[], allow: readonly AllowEntry[]): AllowEntry[] {
  return allow.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));
}

export async function readAllowList(path: string = ALLOWLIST_PATH): Promise<AllowEntry[]> {
  const data = JSON.parse(await readFile(path, 'utf8')) as { entries?: AllowEntry[] };
  return data.entries ?? [];
}

export function describeFinding(f: Finding): string {
  return `${f.severity} ${f.check} ${f.file}:${f.line} — ${f.description}`;
}

// `npm run security:scan` prints the report; the gate itself runs inside `npm test`
// (tests/unit/security/electronegativity.test.ts).
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const report = await scanSources();
  const allow = await readAllowList();
  for (const f of report.findings) {
    const allowed = allow.some((a) => a.check === f.check && a.file === f.file);
    console.log(`${allowed ? 'tillåten ' : '          '}${describeFinding(f)}`);
  }
  const failing = unexplained(report.findings, allow);
  console.log(
    `\n${report.files.length} filer, ${report.atomicChecks + report.globalChecks} kontroller, ` +
      `${report.findings.length} fynd, ${failing.length} ej förklarade i allow-listan, ` +
      `${report.parseErrors.length} filer som inte kunde tolkas.`,
  );
  process.exitCode = failing.length > 0 || report.parseErrors.length > 0 ? 1 : 0;
}
