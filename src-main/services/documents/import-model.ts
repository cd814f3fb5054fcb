// Owns assembling a ParsedDocument from the blocks a format parser finds: offsets into the
// joined text, the "stycke" numbering of citable blocks, whitespace normalisation and table
// text. Every import parser (PDF, Word, HTML, text) builds through this one class, so the
// invariant `blocks[i].text === text.slice(start, end)` holds in one place.
import type { Block, BlockKind, InlineSpan, ParsedDocument, TableRow } from '../../shared/documents/model';
import { MAX_TEXT_CHARS } from './limits';

export interface BlockInput {
  readonly kind: BlockKind;
  readonly text: string;
  readonly level?: number;
  readonly marker?: string | null;
  readonly page?: number | null;
  readonly spans?: readonly InlineSpan[];
}

const CITABLE: ReadonlySet<BlockKind> = new Set(['paragraph', 'list-item', 'quote', 'table', 'code']);
const SEPARATOR = '\n\n';

/** Collapses runs of whitespace (including no-break spaces and tabs) and trims the ends. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[\u00ad\u200b\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/**
 * The prompt Word shows in an empty content control of a template ("Klicka här för att ange
 * text.", "Click or tap here to enter text."): left in a file, it is no text of the document.
 */
const PLACEHOLDER =
  /^(?:klicka(?: eller tryck)?|tryck) här för att (?:ange|skriva|lägga till|välja)\b.{0,60}$|^(?:click|tap)(?: or tap)? here to (?:enter|add|choose|select)\b.{0,60}$/iu;

export function isPlaceholder(text: string): boolean {
  return text.length <= 100 && PLACEHOLDER.test(text);
}

export class DocumentBuilder {
  private readonly parts: string[] = [];
  private readonly blocks: Block[] = [];
  private length = 0;
  private citable = 0;

  get blockCount(): number {
    return this.blocks.length;
  }

  /** Adds a block unless its text is empty after normalisation; spans must match `text`. */
  add(input: BlockInput): void {
    const keepsSpans = input.spans !== undefined && input.spans.length > 0;
    const text = keepsSpans || input.kind === 'code' ? input.text : normalizeSpace(input.text);
    if (text.trim() === '' || isPlaceholder(text)) return;
    this.push(input, text, null);
  }

  /** Adds a table from its cells' texts; a row is a header row when `header` says so. */
  addTable(
    rows: ReadonlyArray<{ header: boolean; cells: readonly string[] }>,
    page: number | null = null,
  ): void {
    const kept = rows
      .map((r) => ({ header: r.header, cells: r.cells.map(normalizeSpace) }))
      .filter((r) => r.cells.some((c) => c !== ''));
    if (kept.length === 0) return;
    let text = '';
    const tableRows: TableRow[] = [];
    kept.forEach((row, i) => {
      if (i > 0) text += '\n';
      const cells = row.cells.map((cell, j) => {
        if (j > 0) text += '\t';
        const start = text.length;
        text += cell;
        return { start, end: text.length };
      });
      tableRows.push({ header: row.header, cells });
    });
    this.push({ kind: 'table', text, page }, text, tableRows);
  }

  private push(input: BlockInput, text: string, rows: TableRow[] | null): void {
    if (this.parts.length > 0) {
      this.parts.push(SEPARATOR);
      this.length += SEPARATOR.length;
    }
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    if (this.length > MAX_TEXT_CHARS) throw new RangeError('text limit');
    const number = CITABLE.has(input.kind) ? ++this.citable : null;
    this.blocks.push({
      kind: input.kind,
      text,
      start,
      end: this.length,
      level: input.level ?? 0,
      number,
      marker: input.marker ?? null,
      page: input.page ?? null,
      spans: input.spans ?? [],
      rows,
    });
  }

  build(meta: ParsedDocument['meta'], pageCount: number | null = null): ParsedDocument {
    return { text: this.parts.join(''), blocks: this.blocks, meta, pageCount };
  }
}
