// Owns noticing which paragraph the reader is at, so the app can reopen it there.
// Reports at most once a second, and only when the paragraph changed.

/** A paragraph counts as "being read" once this much of it is below the top edge. */
const VISIBLE_PART_PX = 48;

export function trackReadingPosition(root: HTMLElement, report: (paragraph: number) => void): () => void {
  const visible = new Set<HTMLElement>();
  const scroller = root.closest('main') ?? document.documentElement;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const current = (): number => {
    const top = scroller.getBoundingClientRect().top;
    const candidates = [...visible]
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.bottom > top + VISIBLE_PART_PX)
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
