// Owns reading W3C Web Annotation files into Läsaren annotations: Läsaren's own export
// (lossless, through the `lasaren:` extensions) and what other W3C tools write: a single
// annotation, an array, an AnnotationCollection or AnnotationPage; ids as URLs; selectors
// as one object, an array or a refinedBy chain; bodies as strings, objects or arrays.
// Anything it cannot use whole is refused with a Swedish sentence naming the problem.
import { createHash } from 'node:crypto';
import {
  HIGHLIGHT_COLOURS,
  type Annotation,
  type AnnotationRevision,
  type HighlightColour,
} from '../../shared/annotation';
import {
  AnnotationBodySchema,
  AnnotationSchema,
  MAX_TAGS,
  MAX_TAG_LENGTH,
} from '../../shared/annotation-schema';
import { MAX_IMPORT_BYTES } from '../../shared/export';
import { DOCUMENT_ID_PATTERN, type ReaderDocument } from '../../shared/documents/model';
import { fail, ok, Refusal, type Result } from '../../shared/result';
import { z } from 'zod';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const typesOf = (v: Json): string[] =>
  asArray(v['type'] ?? v['@type'])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.replace(/^(oa|as):/, ''));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOURCE = /^lasaren:\/\/document\/([^#?/]+)\/?(?:#stycke-(\d{1,7}))?/;

/** A stable UUID for a foreign id (a URL), so importing the same file twice adds nothing. */
export function uuidFromName(name: string): string {
  const hex = createHash('sha1').update(`lasaren-import:${name}`).digest('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Megabytes with one decimal, with a decimal comma in Swedish and a point in English. */
const megabytes = (bytes: number, en = false) => {
  const shown = (bytes / 1024 / 1024).toFixed(1);
  return en ? shown : shown.replace('.', ',');
};
const NO_NOTES = ['Filen innehåller inga anteckningar.', 'The file holds no notes.'] as const;

/** Bytes of a file → its JSON value, or a sentence naming what is wrong with the file. */
export function tooLarge(size: number): Result<never> {
  return fail(
    'invalid-request',
    `Filen är för stor (${megabytes(size)} MB); Läsaren importerar filer på högst ${megabytes(MAX_IMPORT_BYTES)} MB. Exportera färre anteckningar åt gången.`,
    `The file is too large (${megabytes(size, true)} MB); Läsaren imports files of at most ${megabytes(MAX_IMPORT_BYTES, true)} MB. Export fewer notes at a time.`,
  );
}

export function decodeImportFile(bytes: Uint8Array): Result<unknown> {
  if (bytes.length > MAX_IMPORT_BYTES) return tooLarge(bytes.length);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return fail(
      'invalid-request',
      'Filen är inte UTF-8-text; den kan inte vara en JSON-export av anteckningar.',
      'The file is not UTF-8 text; it cannot be a JSON export of notes.',
    );
  }
  return parseImportText(text);
}

export function parseImportText(text: string): Result<unknown> {
  if (text.length > MAX_IMPORT_BYTES) return tooLarge(new TextEncoder().encode(text).length);
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return fail('invalid-request', 'Filen är tom.', 'The file is empty.');
  try {
    return ok(JSON.parse(trimmed));
  } catch (e) {
    const truncated = /end of (JSON )?input|Unterminated/i.test((e as Error).message);
    return fail(
      'invalid-request',
      truncated
        ? 'Filen är avkortad: JSON-texten tar slut mitt i. Exportera filen igen eller kontrollera att den kopierats helt.'
        : `Filen är inte giltig JSON (${(e as Error).message}). Välj en JSON-fil exporterad från Läsaren eller ett annat W3C-verktyg.`,
      truncated
        ? 'The file is cut short: the JSON text ends in the middle. Export the file again or check that it was copied whole.'
        : `The file is not valid JSON (${(e as Error).message}). Choose a JSON file exported from Läsaren or another W3C tool.`,
    );
  }
}

/** Finds the annotations in an annotation, an array, a collection or a page. */
export function collectAnnotations(json: unknown): Result<unknown[]> {
  const wrongFormat = fail<unknown[]>(
    'invalid-request',
    'Filen är JSON men inte i W3C Web Annotation-formatet: den innehåller ingen Annotation, AnnotationCollection eller AnnotationPage.',
    'The file is JSON but not in the W3C Web Annotation format: it holds no Annotation, AnnotationCollection or AnnotationPage.',
  );
  if (Array.isArray(json)) return json.length ? ok(json) : fail('invalid-request', ...NO_NOTES);
  if (!isObject(json)) return wrongFormat;
  const types = typesOf(json);
  if (types.includes('Annotation')) return ok([json]);
  const pages: unknown[] = [];
  if (types.includes('AnnotationCollection')) {
    if (typeof json['first'] === 'string')
      return fail(
        'invalid-request',
        'Samlingen i filen hänvisar till sidor på webben; Läsaren hämtar ingenting därifrån. Exportera samlingen med alla anteckningar i filen.',
        'The collection in the file refers to pages on the web; Läsaren fetches nothing from there. Export the collection with all its notes in the file.',
      );
    if (Array.isArray(json['items'])) pages.push({ items: json['items'] });
    if (json['first'] !== undefined) pages.push(json['first']);
  } else if (types.includes('AnnotationPage')) pages.push(json);
  else return wrongFormat;

  const items: unknown[] = [];
  const seen = new Set<unknown>();
  let page: unknown = pages.shift();
  while (page !== undefined) {
    if (!isObject(page) || seen.has(page)) break;
    seen.add(page);
    items.push(...asArray(page['items']));
    page = isObject(page['next']) ? page['next'] : pages.shift();
  }
  return items.length ? ok(items) : fail('invalid-request', ...NO_NOTES);
}

interface Selectors {
  quote?: Json;
  position?: Json;
}

function findSelectors(value: unknown, found: Selectors = {}, depth = 0): Selectors {
  if (depth > 8) return found;
  for (const s of asArray(value)) {
    if (!isObject(s)) continue;
    const types = typesOf(s);
    if (types.includes('TextQuoteSelector') && !found.quote) found.quote = s;
    if (types.includes('TextPositionSelector') && !found.position) found.position = s;
    findSelectors(s['refinedBy'], found, depth + 1);
  }
  return found;
}

const isoTime = z.iso.datetime({ offset: true });

function normaliseTime(value: unknown, what: string): string | Refusal | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return new Refusal(`${what} är inte en tid`, `${what} is not a time`);
  if (isoTime.safeParse(value).success) return value;
  const date = new Date(value);
  const shown = value.slice(0, 40);
  return Number.isNaN(date.getTime())
    ? new Refusal(`${what} "${shown}" är inte en tid`, `${what} "${shown}" is not a time`)
    : date.toISOString();
}

function paragraphAt(doc: ReaderDocument, offset: number): number {
  let last = 1;
  for (const b of doc.blocks) {
    if (b.number === null) continue;
    if (offset < b.end) return b.number;
    last = b.number;
  }
  return last;
}

export interface ImportContext {
  readonly documents: ReadonlyMap<string, ReaderDocument>;
  /** Used when a foreign annotation carries no times at all. */
  readonly now: string;
}

/** One W3C annotation → a Läsaren annotation, or why not. */
export function fromW3c(raw: unknown, context: ImportContext): Annotation | Refusal {
  if (!isObject(raw)) return new Refusal('är inte ett JSON-objekt', 'is not a JSON object');
  if (!typesOf(raw).includes('Annotation'))
    return new Refusal('har inte typen Annotation', 'does not have the type Annotation');

  const target = asArray(raw['target'])
    .map((t) => (typeof t === 'string' ? { source: t } : t))
    .find((t) => isObject(t) && typeof (t['source'] ?? t['id']) === 'string');
  if (!isObject(target))
    return new Refusal(
      'saknar ett mål (target) med källa; den kan inte knytas till en text',
      'has no target with a source; it cannot be tied to a text',
    );
  const source = String(target['source'] ?? target['id']);
  const m = SOURCE.exec(source);
  if (!m?.[1] || !DOCUMENT_ID_PATTERN.test(m[1]))
    return new Refusal(
      `gäller inte ett dokument i Läsaren (källa ${source.slice(0, 80)}); bara lasaren://document/<id> kan importeras`,
      `is not about a document in Läsaren (source ${source.slice(0, 80)}); only lasaren://document/<id> can be imported`,
    );
  const documentId = m[1];
  const doc = context.documents.get(documentId);

  const selectors = findSelectors(target['selector']);
  const q = selectors.quote;
  if (!q || typeof q['exact'] !== 'string' || q['exact'] === '')
    return new Refusal(
      'saknar citatet (en TextQuoteSelector med exact)',
      'has no quote (a TextQuoteSelector with exact)',
    );
  const exact = q['exact'];
  const prefix = typeof q['prefix'] === 'string' ? q['prefix'].slice(-1000) : '';
  const suffix = typeof q['suffix'] === 'string' ? q['suffix'].slice(0, 1000) : '';

  let start = Number(selectors.position?.['start']);
  let end = Number(selectors.position?.['end']);
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start)) {
    // No usable position: find the quote in the document (with its context first); the
    // reader re-anchors from the quote anyway and shows it as orphaned if it is gone.
    const withContext = doc ? doc.text.indexOf(prefix + exact + suffix) : -1;
    const bare = doc ? doc.text.indexOf(exact) : -1;
    start = withContext >= 0 ? withContext + prefix.length : Math.max(bare, 0);
    end = start + exact.length;
  }

  const declared = Number(raw['lasaren:paragraph'] ?? m[2]);
  const paragraph =
    Number.isInteger(declared) && declared >= 1 ? declared : doc ? paragraphAt(doc, start) : 1;

  const notes: string[] = [];
  const tags: string[] = [];
  if (typeof raw['bodyValue'] === 'string') notes.push(raw['bodyValue']);
  for (const body of asArray(raw['body'])) {
    if (typeof body === 'string') notes.push(body);
    else if (isObject(body)) {
      const value = body['value'] ?? body['chars'];
      if (typeof value !== 'string') continue;
      if (asArray(body['purpose']).includes('tagging')) {
        const tag = value.trim();
        if (tag) tags.push(tag);
      } else notes.push(value);
    }
  }
  if (tags.length > MAX_TAGS)
    return new Refusal(
      `har ${tags.length} taggar; högst ${MAX_TAGS} går att importera`,
      `has ${tags.length} tags; at most ${MAX_TAGS} can be imported`,
    );
  const long = tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long)
    return new Refusal(
      `har en tagg längre än ${MAX_TAG_LENGTH} tecken ("${long.slice(0, 30)}…")`,
      `has a tag longer than ${MAX_TAG_LENGTH} characters ("${long.slice(0, 30)}…")`,
    );

  let colour: HighlightColour | null;
  const declaredColour = raw['lasaren:colour'];
  if (declaredColour === undefined)
    colour = asArray(raw['motivation']).includes('highlighting') ? 'yellow' : null;
  else if (declaredColour === null || (HIGHLIGHT_COLOURS as readonly unknown[]).includes(declaredColour))
    colour = declaredColour as HighlightColour | null;
  else {
    const shown = JSON.stringify(declaredColour).slice(0, 30);
    return new Refusal(`har en okänd färg (${shown})`, `has an unknown colour (${shown})`);
  }

  const created = normaliseTime(raw['created'], 'created');
  const modified = normaliseTime(raw['modified'], 'modified');
  if (created instanceof Refusal) return created;
  if (modified instanceof Refusal) return modified;

  const historyParsed = z
    .array(AnnotationBodySchema.extend({ modified: isoTime }))
    .max(100)
    .safeParse(raw['lasaren:history'] ?? []);
  if (!historyParsed.success)
    return new Refusal(
      'har en ogiltig versionshistorik (lasaren:history)',
      'has an invalid edit history (lasaren:history)',
    );
  const history: AnnotationRevision[] = historyParsed.data;

  const rawId =
    typeof raw['id'] === 'string' ? raw['id'] : typeof raw['@id'] === 'string' ? raw['@id'] : null;
  const uuid = rawId?.replace(/^urn:uuid:/i, '');
  const id = uuid && UUID.test(uuid) ? uuid.toLowerCase() : uuidFromName(rawId ?? JSON.stringify(raw));

  const candidate = {
    documentId,
    paragraph,
    quote: { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
    position: { type: 'TextPositionSelector' as const, start, end },
    colour,
    note: notes.join('\n\n'),
    tags,
    id,
    created: created ?? modified ?? context.now,
    modified: modified ?? created ?? context.now,
    history,
  };
  const parsed = AnnotationSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`;
    return new Refusal(
      `följer inte anteckningsformatet (${where})`,
      `does not follow the annotation format (${where})`,
    );
  }
  return parsed.data;
}

/** Every annotation in the file, or one message naming the first problems (nothing partial). */
export function readW3cAnnotations(json: unknown, context: ImportContext): Result<Annotation[]> {
  const items = collectAnnotations(json);
  if (!items.ok) return items;
  const annotations: Annotation[] = [];
  const problems: Array<{ n: number; refusal: Refusal }> = [];
  items.value.forEach((raw, i) => {
    const converted = fromW3c(raw, context);
    if (converted instanceof Refusal) problems.push({ n: i + 1, refusal: converted });
    else annotations.push(converted);
  });
  if (problems.length) {
    const first = problems.slice(0, 3);
    const extra = problems.length - first.length;
    const sv = first.map((p) => `anteckning ${p.n} ${p.refusal.message}`).join('; ');
    const en = first.map((p) => `annotation ${p.n} ${p.refusal.en}`).join('; ');
    return fail(
      'invalid-request',
      `Filen kan inte importeras: ${sv}${extra > 0 ? ` (och ${extra} till)` : ''}. Inget har ändrats.`,
      `The file cannot be imported: ${en}${extra > 0 ? ` (and ${extra} more)` : ''}. Nothing was changed.`,
    );
  }
  return ok(annotations);
}
