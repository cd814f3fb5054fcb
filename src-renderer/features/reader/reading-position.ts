// Owns noticing which paragraph the reader is at, so the app can reopen it there.
// Reports at most once a second, and only when the paragraph changed.

export function trackReadingPosition(root: HTMLElement, report: (paragraph: number) => void): () => void {
  const visible = new Set<HTMLElement>();
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        const el = entry.target as HTMLElement;
        if (entry.isIntersecting) visible.add(el);
        else visible.delete(el);
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const first = [...visible].sort((a, b) => a.offsetTop - b.offsetTop)[0];
        const n = Number(first?.dataset['paragraph'] ?? 0);
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
