// Owns the HTML export: one self-contained, printable file (no scripts, no external
// resources, a CSP that forbids both) with every piece of user and document text escaped.
// The PDF export prints exactly this file.
import { formatTimeSv, type ExportEntry, type ExportModel } from './model';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped plain text; line breaks and leading spaces show through `white-space: pre-wrap`. */
function multiline(text: string): string {
  return escapeHtml(text.replace(/\r\n?/g, '\n'));
}

const STYLE = `
@page { size: A4; margin: 20mm 20mm 22mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0 auto; max-width: 46rem; padding: 2.5rem 1.5rem 4rem;
  font-family: Charter, 'Bitstream Charter', 'Sitka Text', Cambria, 'Noto Serif', 'DejaVu Serif', Georgia, serif;
  font-size: 11.5pt; line-height: 1.5; color: #1f1f1c; background: #fff;
}
header { border-bottom: 1px solid #d9d5cb; padding-bottom: 0.75rem; margin-bottom: 1.5rem; }
h1 { font-size: 20pt; margin: 0 0 0.25rem; font-weight: 700; }
.meta { margin: 0; color: #5c5a53; font-family: system-ui, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; }
h2 { font-size: 14pt; margin: 2rem 0 0.75rem; color: #1d4f91; break-after: avoid; break-inside: avoid; }
h2 .missing { color: #a4161a; font-weight: 400; font-size: 10pt; display: block; }
article { margin: 0 0 1.25rem; padding: 0 0 1rem; border-bottom: 1px solid #ece9e1; break-inside: avoid; }
blockquote { margin: 0 0 0.6rem; padding: 0.15rem 0 0.15rem 0.9rem; border-left: 4px solid #c9c4b8; font-style: italic; }
blockquote.c-yellow { border-left-color: #e0b400; }
blockquote.c-green { border-left-color: #4f9a5a; }
blockquote.c-blue { border-left-color: #3f7cc8; }
blockquote.c-pink { border-left-color: #d46a9a; }
blockquote.c-purple { border-left-color: #8a63c4; }
blockquote p, .note { white-space: pre-wrap; overflow-wrap: anywhere; }
.note { margin: 0 0 0.5rem; }
.details { margin: 0; font-family: system-ui, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 9pt; color: #5c5a53; }
.details dt { display: inline; font-weight: 600; }
.details dd { display: inline; margin: 0 0.9rem 0 0.25rem; white-space: nowrap; }
.cite { margin: 0.35rem 0 0; font-size: 10pt; }
.cite a { color: #1d4f91; text-decoration: none; overflow-wrap: anywhere; }
.link { display: block; font-family: system-ui, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 8.5pt; }
.id { color: #8a877d; }
`;

function entryHtml(e: ExportEntry): string {
  const colourClass = e.colour ? ` class="c-${e.colour}"` : '';
  const note = e.note.trim() === '' ? '' : `<p class="note">${multiline(e.note)}</p>\n`;
  const tags = e.tags.length ? e.tags.map(escapeHtml).join(', ') : '–';
  return `<article id="a-${escapeHtml(e.id)}">
<blockquote${colourClass}><p>${multiline(e.quote)}</p></blockquote>
${note}<dl class="details"><dt>Taggar:</dt><dd>${tags}</dd> <dt>Färg:</dt><dd>${escapeHtml(e.colourName)}</dd> <dt>Skapad:</dt><dd>${escapeHtml(formatTimeSv(e.created))}</dd> <dt>Ändrad:</dt><dd>${escapeHtml(formatTimeSv(e.modified))}</dd></dl>
<p class="cite">${escapeHtml(e.citation)}<span class="link"><a href="${escapeHtml(e.link)}">${escapeHtml(e.link)}</a> <span class="id">(id ${escapeHtml(e.id)})</span></span></p>
</article>`;
}

export function renderHtml(model: ExportModel): string {
  const groups = model.groups
    .map((g) => {
      const missing = g.inLibrary
        ? ''
        : '<span class="missing">Dokumentet finns inte i det här biblioteket.</span>';
      return `<section>\n<h2>${escapeHtml(g.title)}${missing}</h2>\n${g.entries.map(entryHtml).join('\n')}\n</section>`;
    })
    .join('\n');
  const empty = model.count === 0 ? '<p>Det finns inga anteckningar att exportera.</p>' : '';
  const count = model.count === 1 ? '1 anteckning' : `${model.count} anteckningar`;
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Läsaren">
<title>Anteckningar från Läsaren</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Anteckningar från Läsaren</h1>
<p class="meta">Exporterad ${escapeHtml(model.exportedOn)} · ${escapeHtml(model.scopeLabel)} · ${count}</p>
</header>
<main>
${empty}${groups}
</main>
</body>
</html>
`;
}
