// Owns the plain-text layouts that blank lines alone do not tell apart: a memo's two-column
// header (an RFC's organisation and number on the left, its authors on the right) and the
// centred title under it, and the pieces of a form copied out of a PDF (a check box on a line
// of its own before its label, a section heading over its first field, code/label pairs, the
// answer options repeated under every question). Pure: chunks of text in, items out.

export type TextItem =
  | { readonly kind: 'chunk'; readonly text: string }
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'table'; readonly rows: ReadonlyArray<readonly string[]> }
  | { readonly kind: 'box'; readonly text: string };

/** A check box as text files carry it (Symbol-font boxes are read as "☐" before this runs). */
const BOX = '☐';
/** "Internet Architecture Board (IAB)            A. Sullivan": two pieces a wide gap apart. */
const LEFT_RIGHT = /^(\S.*?\S|\S)\s{3,}(\S.*)$/u;
/** A line pushed far to the right ("                    NLnet Labs"). */
const RIGHT_ONLY = /^\s{16,}(\S.*)$/u;
/** A numbered section heading line ("3.1 Parkinsons sjukdom (fyll i samtliga rader)"). */
const NUMBERED_LINE = /^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+\p{Lu}[^.!?:;,]{0,78}$/u;
/** A code standing alone before its label ("b164", "d2102", "s7101"). */
const CODE = /^(?=[^\s]*\d)[\p{L}\d][\p{L}\d.:-]{1,9}$/u;
/** An answer option under a question ("Ja", "Nej"). */
const OPTION = /^\p{L}{1,12}$/u;

const linesOf = (chunk: string): string[] => chunk.split('\n').filter((l) => l.trim() !== '');
const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The rows of a memo header: every line left and right pieces, or a right piece alone. */
function headerRows(chunk: string, continued: boolean): string[][] | null {
  const lines = linesOf(chunk);
  const rows: string[][] = [];
  let both = 0;
  for (const line of lines) {
    const pair = LEFT_RIGHT.exec(line.trimEnd());
    const right = RIGHT_ONLY.exec(line.trimEnd());
    if (right) rows.push(['', right[1]!.trim()]);
    else if (pair && !/^\s/.test(line)) {
      rows.push([pair[1]!.trim(), pair[2]!.trim()]);
      both++;
    } else return null;
  }
  return continued || (lines.length >= 2 && both >= 2) ? rows : null;
}

/** A single line set in from the left margin, as memo titles are centred. */
function centredLine(chunk: string): boolean {
  const lines = linesOf(chunk);
  return (
    lines.length === 1 &&
    /^\s{4,}\S/.test(lines[0]!) &&
    !LEFT_RIGHT.test(lines[0]!.trim()) &&
    flat(lines[0]!).length <= 120 &&
    /\p{L}/u.test(lines[0]!)
  );
}

/**
 * A memo's first chunks: the two-column header becomes a table, read after the centred title
 * under it (the title first, as the document's own title). Returns how many chunks it used.
 */
export function memoHeader(chunks: readonly string[]): { items: TextItem[]; used: number } | null {
  const first = chunks[0] === undefined ? null : headerRows(chunks[0], false);
  if (!first) return null;
  const rows = [...first];
  let k = 1;
  for (; k < chunks.length; k++) {
    const more = headerRows(chunks[k]!, true);
    if (!more || more.some((r) => r[0] !== '')) break;
    rows.push(...more);
  }
  const items: TextItem[] = [];
  if (chunks[k] !== undefined && centredLine(chunks[k]!)) {
    items.push({ kind: 'title', text: flat(chunks[k]!) });
    k++;
  }
  items.push({ kind: 'table', rows });
  return { items, used: k };
}

/**
 * Splits and regroups a form's chunks: a box alone before its label goes with the label, a
 * numbered heading line over the first field of its section stands alone, a run of code/label
 * pairs becomes a table, and the same answer options repeated under every question are read
 * once.
 */
export function formItems(chunks: readonly string[]): TextItem[] {
  const split: string[] = [];
  let carry = false;
  for (const chunk of chunks) {
    let lines = chunk.split('\n');
    const boxFirst = carry;
    carry = false;
    while (lines.length > 0 && lines[lines.length - 1]!.trim() === BOX) {
      lines = lines.slice(0, -1);
      carry = true;
    }
    while (lines.length > 0 && lines[0]!.trim() === '') lines = lines.slice(1);
    if (lines.length === 0) continue;
    const body = lines.join('\n');
    const heading = lines.length > 1 && NUMBERED_LINE.test(lines[0]!.trim()) && /^\s*\p{Lu}/u.test(lines[1]!);
    if (heading) {
      split.push(boxFirst ? `${BOX} ${lines[0]!}` : lines[0]!, lines.slice(1).join('\n'));
    } else split.push(boxFirst && !body.trimStart().startsWith(BOX) ? `${BOX} ${body}` : body);
  }
  const items: TextItem[] = [];
  let i = 0;
  while (i < split.length) {
    const pairs = codePairs(split, i);
    if (pairs >= 3) {
      const rows: string[][] = [];
      for (let k = 0; k < pairs; k++) rows.push([flat(split[i + 2 * k]!), flat(split[i + 2 * k + 1]!)]);
      items.push({ kind: 'table', rows });
      i += 2 * pairs;
      continue;
    }
    const options = repeatedOptions(split, i);
    if (options) {
      items.push({ kind: 'chunk', text: options.words.join(' / ') });
      i += options.used;
      continue;
    }
    const text = split[i]!;
    if (text.trimStart().startsWith(BOX) && /\p{L}/u.test(text)) {
      // A run of dots or underscores after the label is the line to write on.
      const label = flat(
        text
          .trimStart()
          .slice(BOX.length)
          .replace(/[._…]{6,}/gu, ' '),
      );
      items.push({ kind: 'box', text: label });
    } else items.push({ kind: 'chunk', text });
    i++;
  }
  return items;
}

/** How many code/label pairs start at `i` ("b164" then "Kognitiva funktioner"). */
function codePairs(chunks: readonly string[], i: number): number {
  let n = 0;
  for (let k = i; k + 1 < chunks.length; k += 2) {
    const code = chunks[k]!.trim();
    const label = chunks[k + 1]!.trim();
    if (!CODE.test(code) || CODE.test(label) || label.includes('\n') || !/\p{L}{3}/u.test(label)) break;
    if (label.length > 120) break;
    n++;
  }
  return n;
}

/** A run of one-word chunks repeating a cycle of two or three words ("Ja", "Nej", "Ja", "Nej" …). */
function repeatedOptions(chunks: readonly string[], i: number): { words: string[]; used: number } | null {
  for (const period of [2, 3]) {
    const cycle = chunks.slice(i, i + period).map((c) => c.trim());
    if (cycle.length < period || !cycle.every((w) => OPTION.test(w)) || new Set(cycle).size < period)
      continue;
    let k = i;
    while (k < chunks.length && chunks[k]!.trim() === cycle[(k - i) % period]) k++;
    const used = k - i - ((k - i) % period);
    if (used >= 2 * period) return { words: cycle, used };
  }
  return null;
}
