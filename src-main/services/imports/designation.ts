// Owns recognising an official designation at the start of an imported document's title
// ("Dir. 2016:15 Dataskyddsförordningen", "SOSFS 2012:17 (M) Föreskrifter …"), so the user's
// own documents show and cite it in the designation column like the collection's do. Only the
// forms Swedish public documents use; anything else leaves the title as it is.

export interface SplitTitle {
  readonly designation: string;
  /** The rest of the title; the whole title when nothing follows the designation. */
  readonly title: string;
}

/** The series as they are written in designations, keyed by their lower-case form. */
const SERIES: Record<string, string> = {
  sou: 'SOU',
  ds: 'Ds',
  dir: 'Dir.',
  prop: 'Prop.',
  skr: 'Skr.',
  rskr: 'Rskr.',
  bet: 'Bet.',
};

const PATTERNS: ReadonlyArray<{ re: RegExp; make: (m: RegExpExecArray) => string }> = [
  // SOU 2026:9, Ds 2025:30, Dir. 2016:15, Prop. 2012/13:63, Bet. 2022/23:JuU31, Skr. 2019/20:12
  {
    re: /^(sou|ds|dir|prop|skr|rskr|bet)\.?\s*(\d{4}(?:\/\d{2})?):\s?([A-ZÅÄÖa-zåäö]{0,4}\d{1,4})\b/i,
    make: (m) => `${SERIES[m[1]!.toLowerCase()]} ${m[2]}:${m[3]}`,
  },
  // Regeringens proposition 2012/13:144
  {
    re: /^regeringens proposition\s+(\d{4}\/\d{2}):(\d{1,4})\b/i,
    make: (m) => `Prop. ${m[1]}:${m[2]}`,
  },
  // SFS 2023:482, AFS 2011:19, SOSFS 2012:17 (M), HSLF-FS 2016:40, SSMFS 2008:18
  {
    re: /^((?:[A-ZÅÄÖ]{1,6}-)?[A-ZÅÄÖ]{0,6}FS)\s+(\d{4}):(\d{1,4})(\s*\([A-ZÅÄÖ]\))?(?![\p{L}\d:])/u,
    make: (m) => `${m[1]} ${m[2]}:${m[3]}${m[4] ? ` ${m[4].trim()}` : ''}`,
  },
  // 2019/20:FPM2 (fact memos)
  { re: /^(\d{4}\/\d{2}):\s?FPM\s?(\d{1,4})\b/i, make: (m) => `${m[1]}:FPM${m[2]}` },
];

/** The designation a title starts with and the title without it, or null when it has none. */
export function splitDesignation(title: string): SplitTitle | null {
  const text = title.trim();
  for (const { re, make } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    // What follows, without the separators people put between number and name.
    const rest = text
      .slice(m[0].length)
      .replace(/^[\s–—:.,-]+/, '')
      .trim();
    return { designation: make(m), title: rest === '' ? text : rest };
  }
  return null;
}
