// The security gate: Electronegativity over the app's sources (main, preload, renderer
// including Svelte components, package.json), offline. Any finding of medium severity or
// worse that the reviewed allow-list does not explain fails `npm test`, as does an allow-list
// entry that no longer matches anything. The same gate run on deliberately unsafe code
// proves it can fail.
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeFinding,
  readAllowList,
  scanSources,
  unexplained,
  unused,
  type AllowEntry,
  type ScanReport,
} from '../../../scripts/security/electronegativity';
import { CONTENT_SECURITY_POLICY } from '../../../src-main/windows/policy';

let report: ScanReport;
let allow: AllowEntry[];
beforeAll(async () => {
  [report, allow] = await Promise.all([scanSources(), readAllowList()]);
}, 60_000);

describe('Electronegativity over the sources', () => {
  it('scanned every part of the app, with its checks loaded and every file parsed', () => {
    expect(report.atomicChecks).toBeGreaterThanOrEqual(30);
    expect(report.globalChecks).toBeGreaterThanOrEqual(4);
    expect(report.parseErrors).toEqual([]);
    for (const file of [
      'src-main/index.ts',
      'src-main/preload/index.ts',
      'src-main/windows/main-window.ts',
      'src-renderer/App.svelte',
      'src-renderer/index.html',
      'package.json',
    ]) {
      expect(report.files).toContain(file);
    }
  });

  it('stays offline: the release-list check is excluded and any download is refused', () => {
    expect(report.findings.some((f) => /AVAILABLE_SECURITY_FIXES/.test(f.check))).toBe(false);
    // The only download it tries is translations (refused); never the release list.
    for (const url of report.blockedRequests) expect(url).toMatch(/^https:\/\/electronegativity-i18n\./);
  });

  it('has no high or medium finding the allow-list does not explain', () => {
    expect(unexplained(report.findings, allow).map(describeFinding)).toEqual([]);
  });

  it('has no stale allow-list entry, and every entry gives a real reason', () => {
    expect(unused(report.findings, allow)).toEqual([]);
    for (const entry of allow) {
      expect(entry.reason.length, entry.check).toBeGreaterThan(120);
      // Each reason names the code or test that keeps it true.
      expect(entry.reason, entry.check).toMatch(/\.(ts|svelte)\b/);
    }
  });

  it("the allowed missing-CSP finding is false: the app's real CSP passes the same evaluator", () => {
    const require = createRequire(import.meta.url);
    const csp = require('@doyensec/csp-evaluator') as {
      CspParser: new (policy: string) => { csp: unknown };
      CspEvaluator: new (
        csp: unknown,
        version: unknown,
      ) => { evaluate(): Array<{ severity: number; description: string }> };
      Version: { CSP3: unknown };
      severities: Record<'HIGH' | 'SYNTAX' | 'MEDIUM', number>;
    };
    const serious = (policy: string) =>
      new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
        .evaluate()
        .filter((f) =>
          [csp.severities.HIGH, csp.severities.SYNTAX, csp.severities.MEDIUM].includes(f.severity),
        );
    expect(serious(CONTENT_SECURITY_POLICY)).toEqual([]);
    expect(serious("default-src *; script-src 'self' 'unsafe-inline'").length).toBeGreaterThan(0);
  });
});

describe('the gate can fail', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'lasaren-unsafe-'));
    await mkdir(join(root, 'app'), { recursive: true });
    await writeFile(
      join(root, 'app/main.ts'),
      `import { BrowserWindow, shell } from 'electron';
const win = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false, sandbox: false },
});
win.webContents.on('new-window', (_e, url: string) => shell.openExternal(url));
`,
    );
    await writeFile(
      join(root, 'app/Widget.svelte'),
      `<script lang="ts">
  import { shell } from 'electron';
  let { name }: { name: string } = $props();
  void shell.openExternal(name);
</script>

<p>{name}</p>
<webview src="http://cdn.example.com/page.html" nodeintegration></webview>
`,
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('reports unsafe webPreferences and remote resources in a component as unexplained', async () => {
    const unsafe = await scanSources(root, ['app'], '45.4.1');
    const failing = unexplained(unsafe.findings, allow);
    const checks = new Set(failing.map((f) => `${f.check} ${f.file}`));
    expect(checks).toContain('SANDBOX_JS_CHECK app/main.ts');
    expect(checks).toContain('CONTEXT_ISOLATION_JS_CHECK app/main.ts');
    expect(checks).toContain('WEB_SECURITY_JS_CHECK app/main.ts');
    // Both halves of the component are scanned, and reported at the component's own lines.
    const widget = failing.filter((f) => f.file === 'app/Widget.svelte');
    expect(widget.find((f) => f.check === 'OPEN_EXTERNAL_JS_CHECK')?.line).toBe(4);
    expect(widget.some((f) => f.check.endsWith('_HTML_CHECK') && f.line === 8)).toBe(true);
  }, 60_000);
});
