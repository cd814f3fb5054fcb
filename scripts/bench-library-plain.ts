// The comparison page for `npm run bench:library`: the library's list built the plain way, as a
// first version would — a filter field and every matching document as a row in the DOM (no
// virtualisation), each field lowercased on every keystroke, newest first. Loaded with
// page.setContent into a blank page of the same browser; never part of the app.

const SCRIPT = `
let docs = [];
const list = () => document.getElementById('rows');
function row(d) {
  const li = document.createElement('li');
  for (const [cls, text] of [['designation', d.designation || ''], ['title', d.title], ['type', d.type || ''], ['date', d.published || '']]) {
    const span = document.createElement('span');
    span.className = cls;
    span.textContent = text;
    li.append(span);
  }
  return li;
}
function render(text) {
  const terms = text.toLowerCase().split(/\\s+/).filter(Boolean);
  const shown = docs.filter((d) =>
    terms.every((t) => [d.title, d.designation || '', d.summary || ''].some((f) => f.toLowerCase().includes(t))),
  );
  list().replaceChildren(...shown.map(row));
  document.getElementById('count').textContent = shown.length + ' av ' + docs.length + ' dokument';
  document.body.dataset.filter = text;
}
window.plainRender = (all) => {
  docs = [...all].sort((a, b) => (b.published || '').localeCompare(a.published || ''));
  render('');
};
window.plainFilter = render;
document.getElementById('filter').addEventListener('input', (e) => render(e.target.value));
`;

const STYLE = `
body { font: 16px system-ui, sans-serif; margin: 0; padding: 1.5rem; }
#rows { list-style: none; margin: 0; padding: 0; }
#rows li { display: grid; grid-template-columns: 10rem minmax(0, 1fr) 12rem 6.5rem; gap: 1rem; min-height: 4rem; align-items: center; border-bottom: 1px solid #ddd; }
.title { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
`;

export function plainListPage(): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body data-filter=""><label>Filtrera <input id="filter" type="search"></label><p id="count"></p><ul id="rows"></ul>
<script>${SCRIPT}</script></body></html>`;
}
