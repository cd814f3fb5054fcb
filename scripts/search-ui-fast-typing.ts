// Owns the fast-typing part of `npm run bench:search-ui`: each sequence typed at a fast
// typist's pace without waiting for answers, timing the last key to the frame that shows the
// whole query's answer, and counting the answers painted on the way and any painted after a
// newer one (stale). Works on the app and on the plain page alike. Benchmark scripts only.
import type { Page } from 'playwright-core';
import type { TypedSequence } from './search-ui-queries';

export interface FastTyping {
  /** Last key → the frame after the full query's answer is shown, one per sequence. */
  readonly lastKey: number[];
  readonly keys: number;
  /** Answers shown while typing (a query's answer replacing another's). */
  readonly painted: number;
  /** Answers shown after the answer of a longer prefix had been shown. */
  readonly stale: number;
}

declare global {
  interface Window {
    __fast?: { lastKey: number; shown: string[]; done?: number };
  }
}

export async function typeFast(
  page: Page,
  sequences: readonly TypedSequence[],
  delayMs: number,
): Promise<FastTyping> {
  const out = { lastKey: [] as number[], keys: 0, painted: 0, stale: 0 };
  const field = page.locator('#sokfalt');
  for (const seq of sequences) {
    await field.fill('');
    await field.focus();
    await page.evaluate((full) => {
      const state: NonNullable<Window['__fast']> = { lastKey: 0, shown: [] };
      window.__fast = state;
      const stamp = (e: Event) => (state.lastKey = e.timeStamp);
      for (const type of ['keydown', 'beforeinput'])
        document.addEventListener(type, stamp, { capture: true });
      const observer = new MutationObserver(() => {
        const shown = [...document.querySelectorAll('.search [data-query]')].map(
          (el) => el.getAttribute('data-query') ?? '',
        );
        const now = shown.find((q) => q !== '');
        if (now !== undefined && now !== state.shown.at(-1)) state.shown.push(now);
        if (now !== full) return;
        observer.disconnect();
        for (const type of ['keydown', 'beforeinput'])
          document.removeEventListener(type, stamp, { capture: true });
        requestAnimationFrame(() => setTimeout(() => (state.done = performance.now()), 0));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    }, seq.text);
    await page.keyboard.type(seq.text, { delay: delayMs });
    await page.waitForFunction(() => window.__fast?.done !== undefined, null, { timeout: 60_000 });
    const { lastKey, shown, done } = await page.evaluate(() => window.__fast!);
    out.lastKey.push(done! - lastKey);
    out.keys += seq.text.length;
    out.painted += shown.length;
    // Prefixes only grow while typing: an answer for a shorter one after a longer one is stale.
    for (let i = 1; i < shown.length; i++) if (shown[i]!.length < shown[i - 1]!.length) out.stale++;
  }
  return out;
}
