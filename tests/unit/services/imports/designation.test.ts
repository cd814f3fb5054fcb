// The designation column of the user's own documents: taken from the start of the title when
// it is one Swedish public documents use, the title keeping the rest; anything else untouched.
import { describe, expect, it } from 'vitest';
import { splitDesignation } from '../../../../src-main/services/imports/designation';

describe('a designation at the start of an imported title', () => {
  it.each([
    ['Dir. 2016:15 Dataskyddsförordningen', 'Dir. 2016:15', 'Dataskyddsförordningen'],
    ['SOSFS 2012:17 (M) Föreskrifter och allmänna råd', 'SOSFS 2012:17 (M)', 'Föreskrifter och allmänna råd'],
    ['sou 2026:9 – Bättre integration', 'SOU 2026:9', 'Bättre integration'],
    ['Prop. 2012/13:63 Ett ökat skydd', 'Prop. 2012/13:63', 'Ett ökat skydd'],
    ['Regeringens proposition 2012/13:144 Sjöfartsstödet', 'Prop. 2012/13:144', 'Sjöfartsstödet'],
    ['Bet. 2022/23:JuU31 Skärpta straff', 'Bet. 2022/23:JuU31', 'Skärpta straff'],
    ['AFS 2011:19 Kemiska arbetsmiljörisker', 'AFS 2011:19', 'Kemiska arbetsmiljörisker'],
    ['HSLF-FS 2016:40 Journalföring', 'HSLF-FS 2016:40', 'Journalföring'],
    ['2019/20:FPM2 Direktiv om plattformsarbete', '2019/20:FPM2', 'Direktiv om plattformsarbete'],
  ])('%s', (title, designation, rest) => {
    expect(splitDesignation(title)).toEqual({ designation, title: rest });
  });

  it('a designation alone keeps it as the title too', () => {
    expect(splitDesignation('SFS 2023:482')).toEqual({ designation: 'SFS 2023:482', title: 'SFS 2023:482' });
  });

  it.each([
    'Regeringens proposition',
    '1. Introduction',
    'Rapport 2023:4 om läget',
    'Dirigenten 2016:15',
    'Årsredovisning 2024',
    'SFS 2023:4821x',
  ])('no designation: %s', (title) => {
    expect(splitDesignation(title)).toBeNull();
  });
});
