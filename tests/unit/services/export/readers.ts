// Independent readers for the exported files: each returns what a person opening the file
// would see, or a reason why the reader is unavailable on this machine (printed, then the
// check is skipped: never passed silently).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function tool(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

function withTempFile<T>(bytes: Uint8Array, ext: string, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lasaren-reader-'));
  const path = join(dir, `export.${ext}`);
  writeFileSync(path, bytes);
  try {
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export type Read = { text: string } | { unavailable: string };

/** Text of a PDF through poppler's pdftotext (Debian package poppler-utils). */
export function pdfText(bytes: Uint8Array): Read {
  if (!tool('pdftotext')) return { unavailable: 'pdftotext saknas (Debian-paketet poppler-utils)' };
  return withTempFile(bytes, 'pdf', (path) => ({
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  }));
}

/** Number of pages according to poppler's pdfinfo. */
export function pdfInfo(bytes: Uint8Array): Read {
  if (!tool('pdfinfo')) return { unavailable: 'pdfinfo saknas (Debian-paketet poppler-utils)' };
  return withTempFile(bytes, 'pdf', (path) => ({
    text: execFileSync('pdfinfo', [path], { encoding: 'utf8' }),
  }));
}

/** Plain text of a .docx through pandoc (Debian package pandoc). */
export function pandocText(bytes: Uint8Array): Read {
  if (!tool('pandoc')) return { unavailable: 'pandoc saknas (Debian-paketet pandoc)' };
  return withTempFile(bytes, 'docx', (path) => ({
    text: execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', path], { encoding: 'utf8' }),
  }));
}

/** Whitespace collapsed to single spaces: PDF and Word text wraps lines where it likes. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
/** All whitespace removed: for links that a PDF wraps in the middle. */
export const compact = (text: string) => text.replace(/\s+/g, '');
