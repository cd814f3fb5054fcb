// The comparison page for `npm run bench:search-ui`: the header search built the plain way, as
// a first version would — every input event sends its query to the same host (same IPC call
// through the host's bridge script, same limit), and every answer that arrives is painted by rebuilding the whole list, each hit
// with its whole paragraph and its matches marked (text nodes, no snippet, no keyed update).
// Loaded with page.setContent into a page of the host's own origin; never part of the app.
import { BRIDGE_PATH } from '../src-main/host/bridge';

const SCRIPT = `
const input = document.getElementById('sokfalt');
const summary = document.getElementById('summary');
const list = document.getElementById('results');
function marked(text, matches) {
  const p = document.createElement('p');
  p.className = 'text';
  let at = 0;
  for (const m of matches) {
    p.append(text.slice(at, m.start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(m.start, m.end);
    p.append(mark);
    at = m.end;
  }
  p.append(text.slice(at));
  return p;
}
function render(query, answer) {
  const groups = new Map();
  for (const hit of answer.hits) {
    if (!groups.has(hit.documentId)) groups.set(hit.documentId, { title: hit.title, hits: [] });
    groups.get(hit.documentId).hits.push(hit);
  }
  const items = [];
  for (const group of groups.values()) {
    const section = document.createElement('section');
    const h = document.createElement('h3');
    h.textContent = group.title;
    section.append(h);
    for (const hit of group.hits) {
      const where = document.createElement('p');
      where.className = 'where';
      where.textContent = hit.kind === 'document' ? 'Titel' : 'Stycke ' + hit.paragraph;
      section.append(where, marked(hit.text, hit.matches));
    }
    items.push(section);
  }
  list.replaceChildren(...items);
  summary.textContent = answer.hits.length + ' träffar i ' + groups.size + ' dokument';
  summary.dataset.query = query;
}
input.addEventListener('input', async () => {
  const query = input.value;
  if (query.trim() === '') {
    summary.textContent = '';
    delete summary.dataset.query;
    return list.replaceChildren();
  }
  const answer = await window.lasaren.search({ query, limit: 50 });
  if (answer.ok) render(query, answer.value);
});
`;

/** The whole page, with the same panel width and type sizes as the app's result panel. */
export function plainSearchPage(): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Enkel sökning</title>
<script src="${BRIDGE_PATH}"></script>
<style>
body { font-family: system-ui, sans-serif; margin: 0; }
.search { width: 42rem; margin: 1rem; }
#sokfalt { width: 100%; font: inherit; padding: 0.45rem 0.75rem; }
.panel { max-height: min(70vh, 40rem); overflow-y: auto; border: 1px solid #ccc; }
h3 { font-size: 0.8rem; margin: 0.6rem 1rem 0.25rem; }
.where { font-size: 0.8rem; margin: 0 1rem; color: #555; }
.text { font-family: Georgia, serif; font-size: 0.95rem; line-height: 1.45; margin: 0 1rem 0.5rem; }
</style></head><body>
<div class="search"><input id="sokfalt" type="search" autocomplete="off" aria-label="Sök">
<div class="panel"><p id="summary"></p><div id="results"></div></div></div>
<script>${SCRIPT}</script></body></html>`;
}
