// Owns a Markdown file's front matter: the YAML block between two "---" lines that static site
// tools and note apps put first ("title:", "date:", "author:", "lang:"). Read as plain
// "key: value" lines (no YAML library: a value is one line of text, quotes removed); the
// block is taken out of the source, so it is neither shown as text nor read as a heading.
import type { ParsedDocument } from '../../shared/documents/model';

export interface FrontMatter {
  readonly meta: ParsedDocument['meta'];
  /** The source after the front matter (the whole source when it has none). */
  readonly body: string;
}

/** Blocks longer than this are not front matter (a document that starts with a rule). */
const MAX_LINES = 200;

/** Keys for the document's date, best first: made or published, then last changed. */
const DATE_KEYS = ['date', 'published', 'created', 'issued', 'updated', 'modified', 'lastmod'] as const;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v.at(-1) === v[0]) return v.slice(1, -1).trim();
  return v.replace(/\s+#.*$/, '');
}

/** "2024-03-05", "2024-03-05T10:00:00Z", "2024-03" → as the library writes dates; else null. */
export function frontMatterDate(value: string): string | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?=$|[T ])/.exec(value.trim());
  if (!m) return null;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
}

export function readFrontMatter(source: string): FrontMatter {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trimEnd() !== '---') return { meta: {}, body: source };
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0 || end > MAX_LINES) return { meta: {}, body: source };
  const fields = new Map<string, string>();
  for (const line of lines.slice(1, end)) {
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    // Every non-empty line of a front matter is a key, a list item or an indented value.
    if (!m) {
      if (line.trim() === '' || /^\s+\S|^-\s/.test(line)) continue;
      return { meta: {}, body: source };
    }
    const value = unquote(m[2]!);
    if (value !== '') fields.set(m[1]!.toLowerCase(), value);
  }
  const title = fields.get('title');
  const author = fields.get('author');
  const language = (fields.get('lang') ?? fields.get('language'))?.slice(0, 2).toLowerCase();
  const published = DATE_KEYS.map((k) => frontMatterDate(fields.get(k) ?? '')).find((d) => d !== null);
  return {
    meta: {
      ...(title ? { title: title.slice(0, 300) } : {}),
      ...(author ? { author: author.slice(0, 200) } : {}),
      ...(published ? { published } : {}),
      ...(language && /^[a-z]{2}$/.test(language) ? { language } : {}),
    },
    body: lines.slice(end + 1).join('\n'),
  };
}
