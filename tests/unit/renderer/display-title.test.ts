// Titles shown without the designation their source data glued to them, on real manifest lines
// of the 400-document collection (by path, when ../shared is beside the repository) and on the
// shapes seen in all of regeringen.se; the data itself is never changed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayLabel, displayTitle } from '../../../src-renderer/features/library/display-title';

const ROOT = resolve(import.meta.dirname, '../../..');
function manifest(): string | null {
  const env = process.env['LASAREN_SHARED'];
  const roots = env ? [env] : [join(ROOT, '..', 'shared'), join(ROOT, '..', '..', 'shared')];
  for (const root of roots) {
    const path = join(root, 'collections', 'integration', 'manifest.ndjson');
    if (existsSync(path)) return path;
  }
  return null;
}

interface Line {
  id: string;
  title: string;
  designation?: string | null;
}

describe('displayTitle', () => {
  it.each([
    ['Etablering för fler, SOU 2023:24', 'SOU 2023:24', 'Etablering för fler'],
    ['En strategi för vätgas,  2019/20:FPM61', '2019/20:FPM61', 'En strategi för vätgas'],
    ['Migration och asylpolitik, Skr. 2002/03:28 ', 'Skr. 2002/03:28', 'Migration och asylpolitik'],
    [
      'Riksrevisionens rapport om etableringslotsar, Skr.2014/15:23',
      'Skr.2014/15:23',
      'Riksrevisionens rapport om etableringslotsar',
    ],
    ['Ny ordning för migrationSOU 2026:9', 'SOU 2026:9', 'Ny ordning för migration'],
    ['SOU 2026:9 Ny ordning för migration', 'SOU 2026:9', 'Ny ordning för migration'],
    ['SOU 2026:9 – Ny ordning för migration', 'SOU 2026:9', 'Ny ordning för migration'],
    ['Höjt tak för rutavdrag,   Fi2019/00124/S1 ', 'Fi2019/00124/S1', 'Höjt tak för rutavdrag'],
    ['Samhällsorientering (Dir. 2009:101)', 'dir. 2009:101', 'Samhällsorientering'],
    ['Förslag, 2019/20:FPM 14', '2019/20:FPM 14', 'Förslag'],
  ])('%s → %s', (title, designation, expected) => {
    expect(displayTitle(title, designation)).toBe(expected);
  });

  it('leaves titles alone that only mention another designation, or are the designation', () => {
    expect(displayTitle('Tilläggsdirektiv (Ju 2021:12), Dir. 2022:16', 'Dir. 2022:16')).toBe(
      'Tilläggsdirektiv (Ju 2021:12)',
    );
    expect(displayTitle('Yttranden över Effektiv planering, SOU 2010:57', null)).toBe(
      'Yttranden över Effektiv planering, SOU 2010:57',
    );
    expect(displayTitle('SOU 2026:9', 'SOU 2026:9')).toBe('SOU 2026:9');
    // The designation "SOU 2026:1" is not the start of "SOU 2026:15".
    expect(displayTitle('SOU 2026:15 Något annat', 'SOU 2026:1')).toBe('SOU 2026:15 Något annat');
    expect(displayTitle('Lagrådsremiss om sfi', 'Dnr U2025/01590')).toBe('Lagrådsremiss om sfi');
  });

  it('names a document designation first, never saying the designation twice', () => {
    const named = (title: string, designation: string | null) => displayLabel({ title, designation });
    expect(named('Etableringsboendelagen, SOU 2025:35', 'SOU 2025:35')).toBe(
      'SOU 2025:35 – Etableringsboendelagen',
    );
    expect(named('Remiss av betänkandet (SOU 2025:35)Diarienummer: A2025/00455', 'SOU 2025:35')).toBe(
      'Remiss av betänkandet (SOU 2025:35)Diarienummer: A2025/00455',
    );
    expect(named('Starkt fokus på ett ökat återvändande', null)).toBe(
      'Starkt fokus på ett ökat återvändande',
    );
  });

  const path = manifest();
  it.skipIf(!path)('real manifest lines: the designation is shown once, the rest of the title kept', () => {
    const lines = readFileSync(path!, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Line);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const show = (id: string) => {
      const line = byId.get(id)!;
      return displayTitle(line.title, line.designation ?? null);
    };
    expect(show('statens-offentliga-utredningar-sou-202324')).toBe('Etablering för fler');
    expect(show('kommittedirektiv-dir-202216')).toMatch(/\(Ju 2021:12\)$/);
    expect(show('skrivelse-skr-20141523')).toBe('Riksrevisionens rapport om etableringslotsar');
    expect(show('statens-offentliga-utredningar-sou-200528')).toBe('Dubbel bosättning för ökad rörlighet');
    // Across the collection: no shown title still ends with its designation, none is emptied,
    // and a title without its designation in it is shown exactly as written.
    let changed = 0;
    for (const line of lines) {
      const d = line.designation?.trim() ?? '';
      const shown = displayTitle(line.title, line.designation ?? null);
      expect(shown.length).toBeGreaterThan(2);
      if (!d || !line.title.toLowerCase().includes(d.toLowerCase())) {
        expect(shown).toBe(line.title);
        continue;
      }
      if (shown !== line.title) changed++;
      expect(shown.toLowerCase().endsWith(d.toLowerCase())).toBe(false);
      expect(line.title).toContain(shown);
    }
    expect(changed).toBeGreaterThan(150);
  });
});
