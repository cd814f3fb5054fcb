// Owns the Markdown export (CommonMark): quotes as block quotes, notes as paragraphs with
// their line breaks kept as hard breaks, and every piece of user or document text escaped
// so that nothing in it can open a heading, list, link, HTML block or code block.
import { formatTimeSv, type ExportEntry, type ExportModel } from './model';

/** Characters that can start inline markup anywhere in a line. */
const INLINE = /[\\`*_[\]<>!&~#|]/g;

/** Escapes one line of user text: inline markup, then anything a line may start with. */
export function escapeMarkdownLine(line: string): string {
  let out = line.replace(INLINE, (c) => `\\${c}`);
  // Leading spaces would make an indented code block; as entities they stay plain spaces.
  out = out.replace(/^ +/, (spaces) => '&#32;'.repeat(spaces.length));
  // Block starters: list bullets, setext underlines, block quotes, ordered-list numbers.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  // A trailing backslash or two trailing spaces would add a hard break that is not there.
  out = out.replace(/ +$/, (spaces) => '&#32;'.repeat(spaces.length));
  // A tab anywhere at the start would indent too.
  return out.replace(/^\t/, '&#9;');
}

/**
 * Escapes multi-line text as Markdown lines, each prefixed with `prefix` (for block quotes).
 * Line breaks become hard breaks; an empty line becomes a paragraph break.
 */
export function markdownText(text: string, prefix = ''): string {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const escaped = escapeMarkdownLine(line);
    if (escaped === '') {
      out.push(prefix.trimEnd());
      return;
    }
    const hardBreak = next !== undefined && next.trim() !== '' ? '\\' : '';
    out.push(`${prefix}${escaped}${hardBreak}`);
  });
  return out.join('\n');
}

function entryMarkdown(e: ExportEntry): string {
  const parts = [markdownText(e.quote, '> ')];
  if (e.note.trim() !== '') parts.push(markdownText(e.note));
  const tags = e.tags.length ? e.tags.map(escapeMarkdownLine).join(', ') : '–';
  parts.push(
    [
      `*Taggar:* ${tags}\\`,
      `*Färg:* ${e.colourName} · *Skapad:* ${formatTimeSv(e.created)} · *Ändrad:* ${formatTimeSv(e.modified)}\\`,
      `— ${escapeMarkdownLine(e.citation)} · <${e.link}> (id ${e.id})`,
    ].join('\n'),
  );
  return parts.join('\n\n');
}

export function renderMarkdown(model: ExportModel): string {
  const count = model.count === 1 ? '1 anteckning' : `${model.count} anteckningar`;
  const out = [
    '# Anteckningar från Läsaren',
    `Exporterad ${model.exportedOn} · ${escapeMarkdownLine(model.scopeLabel)} · ${count}`,
  ];
  if (model.count === 0) out.push('Det finns inga anteckningar att exportera.');
  for (const g of model.groups) {
    out.push(`## ${escapeMarkdownLine(g.title)}`);
    if (!g.inLibrary) out.push('*Dokumentet finns inte i det här biblioteket.*');
    out.push(g.entries.map(entryMarkdown).join('\n\n* * *\n\n'));
  }
  return `${out.join('\n\n')}\n`;
}
