// What main does with a lasaren:// link in each situation the operating system creates: the
// app started by a link (the first window opens there), a link while running (the window
// comes forward and navigates in-page), and a broken link (a Swedish warning, once the window
// exists; nothing navigates). No Electron binary runs here, so a recording stand-in plays the
// window; the real BrowserWindow satisfies the same interface (type-checked in index.ts).
import { describe, expect, it } from 'vitest';
import { createDeepLinkRouter, type RoutableWindow } from '../../../src-main/windows/deep-link-router';

class RecordingWindow implements RoutableWindow {
  loaded: string[] = [];
  events: string[] = [];
  minimized = false;
  destroyed = false;
  private readyListeners: Array<() => void> = [];
  private closedListeners: Array<() => void> = [];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => {
    this.minimized = false;
    this.events.push('restore');
  };
  focus = () => void this.events.push('focus');
  loadURL = async (url: string) => void this.loaded.push(url);
  once(_event: 'ready-to-show', listener: () => void) {
    this.readyListeners.push(listener);
  }
  on(_event: 'closed', listener: () => void) {
    this.closedListeners.push(listener);
  }
  becomeReady() {
    for (const l of this.readyListeners.splice(0)) l();
  }
  close() {
    this.destroyed = true;
    for (const l of this.closedListeners) l();
  }
}

function setUp() {
  const warnings: string[] = [];
  const logged: string[] = [];
  const router = createDeepLinkRouter(
    (_window, problem) => void warnings.push(problem.sv),
    (line) => void logged.push(line),
  );
  return { router, warnings, logged };
}

describe('deep-link router', () => {
  it('a link the app was started with becomes the first window’s route', () => {
    const { router, warnings } = setUp();
    router.receive('lasaren://document/000_85e98cc4eb8dedfb#stycke-4');
    expect(router.takeInitialHash()).toBe('#/dokument/000_85e98cc4eb8dedfb/stycke/4');
    // Taken once: a later window (after a restart of the window) starts without it.
    expect(router.takeInitialHash()).toBe('');
    expect(warnings).toEqual([]);
  });

  it('no link: the window opens as usual', () => {
    const { router } = setUp();
    router.receive(null);
    expect(router.takeInitialHash()).toBe('');
  });

  it('a link while running brings the window forward and navigates in-page', () => {
    const { router } = setUp();
    const window = new RecordingWindow();
    router.attach(window);
    window.minimized = true;
    router.receive('lasaren://document/abc#stycke-12');
    expect(window.events).toEqual(['restore', 'focus']);
    expect(window.loaded).toEqual(['app://lasaren/index.html#/dokument/abc/stycke/12']);
    router.receive(`lasaren://annotation/3F2504E0-4F89-41D3-9A0C-0305E82C3301`);
    expect(window.loaded.at(-1)).toBe(
      'app://lasaren/index.html#/anteckning/3f2504e0-4f89-41d3-9a0c-0305e82c3301',
    );
  });

  it('a broken link is refused with a Swedish warning and navigates nowhere', () => {
    const { router, warnings, logged } = setUp();
    const window = new RecordingWindow();
    router.attach(window);
    router.receive('lasaren://document/../../etc/passwd');
    expect(window.loaded).toEqual([]);
    expect(warnings).toEqual([
      'Länken kunde inte öppnas: den är inte en Läsaren-länk (lasaren://document/… eller lasaren://annotation/…).',
    ]);
    expect(logged[0]).toContain('lasaren://document/../../etc/passwd');
  });

  it('a broken start link is shown once the first window is ready, not before', () => {
    const { router, warnings } = setUp();
    router.receive('lasaren://document/abc#stycke-0');
    expect(router.takeInitialHash()).toBe('');
    const window = new RecordingWindow();
    router.attach(window);
    expect(warnings).toEqual([]);
    window.becomeReady();
    expect(warnings).toEqual([
      'Länken kunde inte öppnas: stycket ska anges som #stycke-N, där N är ett positivt heltal.',
    ]);
  });

  it('after the window closed, a link waits for the next window instead of using the closed one', () => {
    const { router } = setUp();
    const first = new RecordingWindow();
    router.attach(first);
    first.close();
    router.receive('lasaren://document/abc#stycke-2');
    expect(first.loaded).toEqual([]);
    expect(router.takeInitialHash()).toBe('#/dokument/abc/stycke/2');
  });
});
