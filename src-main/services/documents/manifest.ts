// Owns reading and validating a collection's manifest.ndjson: one JSON object a line, each
// naming a document's id, file and official metadata. Every problem (broken line, missing or
// malformed field, duplicate id, unknown field, a file outside the folder) is reported by
// line and field as a code with its details (problem-text.ts composes the sentences with a
// fix, in Swedish and English); a bad line never stops the others, and a bad optional field
// is reported and left out rather than failing the document.
import { posix } from 'node:path';
import type { ProblemDetails, StoredProblem } from '../../shared/documents/collection-problem';
import { DOCUMENT_ID_PATTERN, type DocumentMeta } from '../../shared/documents/model';
import { MANIFEST_FIELDS, MANIFEST_FILE } from './problem-text';

export { MANIFEST_FILE };

/** One valid manifest line, with optional fields that failed validation left out. */
export interface ManifestEntry extends Omit<DocumentMeta, 'related' | 'relatedLinks' | 'origin'> {
  readonly line: number;
  /** Relative to the collection folder, with forward slashes. */
  readonly file: string;
  /** As written: addresses or paths of related pages. */
  readonly related: readonly string[];
}

/** A check returns the clean value, or undefined when the value has the wrong form. */
type Check = (value: unknown) => unknown;
// Plain checks, not a schema library: 36,000 lines must validate in well under a second.
const text =
  (max: number): Check =>
  (v) => {
    if (typeof v !== 'string') return undefined;
    const t = v.trim();
    return t.length > 0 && t.length <= max ? t : undefined;
  };
const matching =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? v : undefined;
const webAddress: Check = (v) => {
  if (typeof v !== 'string' || v.length > 2000 || !/^https?:\/\/[^\s/]+/i.test(v)) return undefined;
  return URL.canParse(v) ? v : undefined;
};
const textList: Check = (v) => {
  if (!Array.isArray(v) || v.length > 200) return undefined;
  const out = v.map(text(2000));
  return out.every((x) => x !== undefined) ? out : undefined;
};

/** Each optional field with its check (what to write there instead: problem-text.ts). */
const OPTIONAL_FIELDS = {
  designation: text(120),
  type: text(120),
  published: matching(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/),
  publisher: text(200),
  author: text(200),
  url: webAddress,
  summary: text(5000),
  related: textList,
  language: matching(/^[a-z]{2,3}(-[A-Z]{2})?$/),
} as const satisfies Record<string, Check>;
type OptionalField = keyof typeof OPTIONAL_FIELDS;
const OPTIONAL_KEYS = Object.keys(OPTIONAL_FIELDS) as OptionalField[];
const KNOWN_FIELDS: ReadonlySet<string> = new Set(MANIFEST_FIELDS);

export interface ManifestReading {
  readonly entries: readonly ManifestEntry[];
  readonly problems: readonly StoredProblem[];
}

/** A problem on a manifest line. */
function problem<C extends keyof ProblemDetails>(
  code: C,
  line: number,
  documentId: string | null,
  details: ProblemDetails[C],
  severity: StoredProblem['severity'] = 'error',
): StoredProblem {
  return { code, file: MANIFEST_FILE, line, documentId, severity, details } as StoredProblem;
}

/** A file path inside the collection folder, or null for one that would leave it. */
export function safeRelativePath(file: string): string | null {
  if (file.includes('\0') || file.includes('\\') || /^[a-zA-Z]:/.test(file)) return null;
  const normal = posix.normalize(file);
  if (normal.startsWith('/') || normal === '..' || normal.startsWith('../')) return null;
  return normal;
}

/** "prop.-20121363" in a regeringen.se address is "Prop. 2012/13:63": the page's own number. */
export function designationFromUrl(url: string | null, type: string | null): string | null {
  if (!url || type !== 'Proposition') return null;
  const m = /\/prop\.-(\d{4})(\d{2})(\d{1,4})\/?$/.exec(url);
  return m ? `Prop. ${m[1]}/${m[2]}:${m[3]}` : null;
}

function readLine(raw: string, line: number, problems: StoredProblem[]): ManifestEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    problems.push(problem('not-json', line, null, {}));
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push(problem('not-object', line, null, {}));
    return null;
  }
  const o = json as Record<string, unknown>;
  const id = typeof o['id'] === 'string' ? o['id'] : null;
  if (!id || !DOCUMENT_ID_PATTERN.test(id)) {
    problems.push(
      id === null ? problem('no-id', line, null, {}) : problem('bad-id', line, null, { id: id.slice(0, 60) }),
    );
    return null;
  }
  const fileRaw = typeof o['file'] === 'string' ? o['file'] : null;
  const file = fileRaw ? safeRelativePath(fileRaw) : null;
  if (!file) {
    problems.push(
      fileRaw
        ? problem('file-outside', line, id, { path: fileRaw.slice(0, 120) })
        : problem('no-file', line, id, {}),
    );
    return null;
  }
  const title = text(1000)(o['title']);
  if (typeof title !== 'string') {
    problems.push(problem('no-title', line, id, {}));
    return null;
  }
  for (const key in o) {
    if (!KNOWN_FIELDS.has(key))
      problems.push(problem('unknown-field', line, id, { field: key.slice(0, 60) }, 'warning'));
  }
  const optional: Partial<Record<OptionalField, unknown>> = {};
  for (const key of OPTIONAL_KEYS) {
    if (o[key] === undefined || o[key] === null) continue;
    const value = OPTIONAL_FIELDS[key](o[key]);
    if (value !== undefined) optional[key] = value;
    else
      problems.push(
        problem('bad-field', line, id, { field: key, value: JSON.stringify(o[key]).slice(0, 60) }, 'warning'),
      );
  }
  const str = (k: OptionalField) => (typeof optional[k] === 'string' ? (optional[k] as string) : null);
  const url = str('url');
  const type = str('type');
  return {
    line,
    id,
    file,
    title,
    designation: str('designation') ?? designationFromUrl(url, type),
    type,
    published: str('published'),
    publisher: str('publisher'),
    author: str('author'),
    url,
    summary: str('summary'),
    related: Array.isArray(optional.related) ? (optional.related as string[]) : [],
    language: str('language') ?? 'sv',
  };
}

/** Reads every line; the first of two lines with one id wins, the second is reported. */
export function readManifest(source: string): ManifestReading {
  const problems: StoredProblem[] = [];
  const entries: ManifestEntry[] = [];
  const seen = new Map<string, number>();
  const files = new Map<string, string>();
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    const entry = readLine(raw, line, problems);
    if (!entry) return;
    const first = seen.get(entry.id);
    if (first !== undefined) {
      problems.push(problem('duplicate-id', line, entry.id, { first }));
      return;
    }
    const sameFile = files.get(entry.file);
    if (sameFile !== undefined)
      problems.push(problem('shared-file', line, entry.id, { path: entry.file, other: sameFile }, 'warning'));
    seen.set(entry.id, line);
    files.set(entry.file, entry.id);
    entries.push(entry);
  });
  return { entries, problems };
}
