// Owns making a text selection in the reader with the keyboard (the document is not editable,
// so there is no caret to move): Shift+arrows extend it from the start of the paragraph being
// read, Ctrl+Shift+arrows by word, Shift+Home/End to the paragraph's edge, and Alt+Shift+arrows
// move its start by word. The selection is painted by the browser as it grows.

const GRANULARITY: Record<string, 'character' | 'line' | 'paragraphboundary'> = {
  ArrowLeft: 'character',
  ArrowRight: 'character',
  ArrowUp: 'line',
  ArrowDown: 'line',
  Home: 'paragraphboundary',
  End: 'paragraphboundary',
};
const BACKWARD = new Set(['ArrowLeft', 'ArrowUp', 'Home']);

/** The paragraph to start from: the focused one, else the first one in view. */
function startParagraph(article: HTMLElement): HTMLElement | null {
  const focused = document.activeElement?.closest?.('.para');
  if (focused && article.contains(focused)) return focused.querySelector('[data-start]');
  for (const p of article.querySelectorAll<HTMLElement>('[data-start]')) {
    if (p.getBoundingClientRect().bottom > 0) return p;
  }
  return null;
}

function selectionIn(article: HTMLElement): Selection | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  return article.contains(sel.anchorNode) && article.contains(sel.focusNode) ? sel : null;
}

/** Handles a selection key; returns false when the key is not one of them. */
export function handleSelectionKey(event: KeyboardEvent, article: HTMLElement): boolean {
  const granularity = GRANULARITY[event.key];
  if (!event.shiftKey || !granularity || event.metaKey) return false;
  const direction = BACKWARD.has(event.key) ? 'backward' : 'forward';
  let sel = selectionIn(article);
  // A bare caret left elsewhere (after marking a passage) yields to the paragraph now focused.
  const focused = document.activeElement?.closest?.('.para');
  if (sel?.isCollapsed && focused && article.contains(focused) && !focused.contains(sel.anchorNode))
    sel = null;
  if (!sel) {
    const p = startParagraph(article);
    const text = p && document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
    const selection = window.getSelection();
    if (!text || !selection) return false;
    selection.collapse(text, 0);
    sel = selection;
  }
  event.preventDefault();
  if (event.altKey && granularity === 'character') {
    // Move the start (the anchor), keeping the end where it is.
    const { focusNode, focusOffset } = sel;
    if (!focusNode) return true;
    sel.collapse(sel.anchorNode, sel.anchorOffset);
    sel.modify('move', direction, 'word');
    sel.setBaseAndExtent(sel.anchorNode!, sel.anchorOffset, focusNode, focusOffset);
    return true;
  }
  sel.modify('extend', direction, event.ctrlKey && granularity === 'character' ? 'word' : granularity);
  return true;
}
