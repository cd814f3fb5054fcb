// Owns noticing which paragraph the reader is at, so the app can reopen it there.
// Reports at most once a second, and only when the paragraph changed.

/** A paragraph counts as "being read" once this much of it is below the reading line. */
const VISIBLE_PART_PX = 16;

function scrollMargin(el: HTMLElement): number {
  return parseFloat(getComputedStyle(el).scrollMarginTop) || 0;
}

export function trackReadingPosition(root: HTMLElement, report: (paragraph: number) => void): () => void {
  const visible = new Set<HTMLElement>();
  const scroller = root.closest('main') ?? document.documentElement;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const current = (): number => {
    const top = scroller.getBoundingClientRect().top;
    // The reading line sits where a paragraph jumped to lands: below its scroll margin
    // (which keeps it clear of the sticky find bar).
    const candidates = [...visible]
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ el, rect }) => rect.bottom > top + scrollMargin(el) + VISIBLE_PART_PX)
      .sort((a, b) => a.rect.top - b.rect.top);
    return Number(candidates[0]?.el.dataset['paragraph'] ?? 0);
  };

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        if (entry.isIntersecting) visible.add(el);
        else visible.delete(el);
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const n = current();
        if (n > 0 && n !== last) {
          last = n;
          report(n);
        }
      }, 1000);
    },
    { threshold: 0.01 },
  );
  root.querySelectorAll<HTMLElement>('[data-paragraph]').forEach((el) => observer.observe(el));
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
