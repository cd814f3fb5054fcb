// Test helper: runs child.ts as a separate Node process (a second Läsaren on the same data
// folder) and resolves with what it printed; rejects when it fails.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const CHILD = join(import.meta.dirname, 'child.ts');

export function runChild(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`child ${args[0]} exited ${code}: ${err}`)),
    );
  });
}
