// Reads what the page paints with the CSS Custom Highlight API (annotations, search marks).
import type { Page } from '@playwright/test';

/** The texts painted under a highlight name, in the order they were added. */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...(h as unknown as Set<Range>)].map((r) => r.toString()) : [];
  }, name);
}
