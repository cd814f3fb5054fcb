// Shared accessibility check: axe-core with the WCAG 2.1 A and AA rules, as Swedish
// public-sector procurement (EN 301 549) requires.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map((v) => ({
    state,
    rule: v.id,
    impact: v.impact,
    nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }));
  expect(summary, `axe violations in: ${state}`).toEqual([]);
}

/** Stores a preference through the app's own API and reloads so it applies from start. */
export async function setPreference(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (p) => {
    const api = (window as unknown as { lasaren: { updateSettings(x: unknown): Promise<unknown> } }).lasaren;
    await api.updateSettings(p);
  }, patch);
  await page.reload();
}
