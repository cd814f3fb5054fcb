// Owns placing a floating element (toolbar, editor) next to a rectangle on screen: above it
// when there is room, else below, always inside the window. Uses the CSSOM, which the strict
// CSP allows (inline style attributes it does not).

export interface Anchor {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly width: number;
}

export function anchorOf(range: Range): Anchor {
  const rects = range.getClientRects();
  const first = rects[0] ?? range.getBoundingClientRect();
  const whole = range.getBoundingClientRect();
  return { top: first.top, bottom: whole.bottom, left: first.left, width: first.width };
}

export function place(el: HTMLElement, anchor: Anchor, prefer: 'above' | 'below' = 'above'): void {
  const gap = 8;
  const { offsetWidth: w, offsetHeight: h } = el;
  const fitsAbove = anchor.top - h - gap >= 4;
  const above = prefer === 'above' ? fitsAbove : anchor.bottom + h + gap > window.innerHeight && fitsAbove;
  const top = above ? anchor.top - h - gap : Math.min(anchor.bottom + gap, window.innerHeight - h - 4);
  const left = Math.min(Math.max(4, anchor.left + anchor.width / 2 - w / 2), window.innerWidth - w - 4);
  el.style.setProperty('top', `${Math.max(4, top)}px`);
  el.style.setProperty('left', `${left}px`);
}
