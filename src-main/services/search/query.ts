// Owns reading a query as people type it: words (all must match), "quoted phrases"
// (adjacent words), each word analysed exactly like the indexed text.
import { analyzeWord, fold, tokenize } from './analyzer';
import { lexicon } from './lexicon';

export interface QueryTerm {
  /** As typed, lowercased. */
  readonly lower: string;
  readonly encoded: readonly string[];
  readonly stems: readonly string[];
  /** The typed word folded but not stemmed: for "Menade du …?" */
  readonly folded: string;
  /**
   * Folded substrings every word this term matches contains (its key, and the beginnings of
   * irregular forms that do not contain it: gå → gick): where match.ts looks in a text.
   */
  readonly needles: readonly string[];
  /**
   * Keys of words misspelt in the indexed text that are near this word (filled by the engine
   * from its near-miss table; empty for note search): matched, ranked last, marked.
   */
  readonly nearMisses: string[];
  /**
   * Keys of another lemma the typed word is also a form of, where the lexicon keys it by its
   * own (slank, slender, is also slinka's past: slink): matched as inflections, ranked below
   * the word's own forms. Also in nearMisses, through which the engine finds their entries.
   */
  readonly alternates?: readonly string[];
  /**
   * A word of a closed quoted phrase: it matches whole words only (its own lemma key: the
   * form typed, another inflection, other å/ä/ö; or a near-miss), never the start or the
   * tail of a longer word ("svenska för" does not match "Svenskundervisning för").
   */
  readonly whole?: boolean;
  /**
   * The word as typed, folded, when it is the unfinished last word of a quote and its lemma
   * key does not begin it: it also matches words starting with it, as a part of a word.
   */
  readonly prefix?: string;
}

/** One thing that must match: a single word, or a phrase of adjacent words. */
export interface QueryUnit {
  readonly terms: readonly QueryTerm[];
  readonly phrase: boolean;
}

export interface ParsedQuery {
  readonly units: readonly QueryUnit[];
  /** Every term, for the flexsearch lookup (which intersects them). */
  readonly terms: readonly QueryTerm[];
  readonly hasPhrase: boolean;
}

function needlesOf(key: string): string[] {
  const bare = key.replace(/\++$/, '');
  const lex = lexicon();
  const own = lex?.needles(bare) ?? [];
  if (own.length > 0 || !lex) return [bare, ...own];
  // A compound the lexicon lacks is keyed by its head and its last part's key (analyzer.ts),
  // so its forms start with the head and one of the part's needles: handlingsregel gives
  // handlingsreg (handlingsreglerna), nobelmuseum nobelmuse (Nobelmuseet). The longest part
  // the lexicon has needles for wins.
  for (let i = 1; i < bare.length - 1; i++) {
    const part = lex.needles(bare.slice(i));
    if (part.length > 0) return [bare, ...part.map((needle) => bare.slice(0, i) + needle)];
  }
  return [bare];
}

/*
 * Designations as people type them, written the way documents write them: a series glued to its
 * year is two words there (sou2004:73 → SOU 2004:73, dir.2020:7 → Dir. 2020:7), while a fact
 * memo's series is glued to its number there (fpm 40 → 2024/25:FPM40).
 */
const GLUED_SERIES = /\b(sou|ds|dir|prop|skr|rskr|bet)\.?(?=\d{4})/gi;
const SPACED_FPM = /\b(fpm)[\s.]+(?=\d)/gi;
const DIGIT = /\d/;
export function normalizeDesignations(raw: string): string {
  // Both need a digit; most queries have none (this runs on every keystroke).
  if (!DIGIT.test(raw)) return raw;
  return raw.replace(GLUED_SERIES, '$1 ').replace(SPACED_FPM, '$1');
}

/** The European Commission's series: KOM in Swedish texts, COM in English ones (KOM(2022) 650). */
const COMMISSION = new Map([
  ['kom', 'com'],
  ['com', 'kom'],
]);

/** The folded keys of the other lemma a word is also a form of (slank → slink), if any. */
function alternatesOf(lower: string, key: string): string[] {
  const other = lexicon()?.alternate(lower);
  return other === undefined || fold(other) === key ? [] : [fold(other)];
}

function termsOf(text: string): QueryTerm[] {
  return tokenize(text).map(({ lower, end }) => {
    const forms = analyzeWord(lower);
    const key = forms.encoded[0] ?? '';
    const other = text[end] === '(' || text[end + 1] === '(' ? COMMISSION.get(lower) : undefined;
    const alternates = alternatesOf(lower, key);
    const folded = fold(lower);
    const needles = [...needlesOf(key), ...alternates.flatMap(needlesOf)];
    // The form typed always matches itself (exactly): when no needle of its key is in it (a
    // token the analyser keys oddly, maj:t as maj:d), it is a needle of its own.
    if (!needles.some((needle) => folded.includes(needle))) needles.push(folded);
    return {
      lower,
      folded,
      ...forms,
      needles: other ? [...needles, other] : needles,
      // Matched like a near-miss (the other spelling's key; kom is keyed with komma, but the
      // year and number must match too), ranked below the series as typed.
      nearMisses: other ? [analyzeWord(other).encoded[0] ?? other] : [...alternates],
      ...(alternates.length > 0 ? { alternates } : {}),
    };
  });
}

/**
 * A word still being typed also matches as the prefix it is, when its lemma key does not
 * begin it: a beginning can be a whole word of its own whose key is another ("red", the past
 * of rida, keyed rid), and "uppdraget ska red" must find "uppdraget ska redovisas" while
 * "det gick" still finds "det gick" (keyed gå).
 */
function asTyped(term: QueryTerm): QueryTerm {
  const key = term.encoded[0] ?? '';
  if (term.folded.startsWith(key)) return term;
  return { ...term, prefix: term.folded, needles: [...term.needles, term.folded] };
}

export function parseQuery(raw: string): ParsedQuery {
  const units: QueryUnit[] = [];
  // An unclosed quote (still typing) quotes to the end.
  const parts = normalizeDesignations(raw).split('"');
  const unclosed = parts.length % 2 === 0;
  parts.forEach((part, i) => {
    const terms = termsOf(part);
    if (terms.length === 0) return;
    if (i % 2 === 1 && terms.length > 1) {
      // The last word of a quote still being typed may be unfinished: it matches as a prefix.
      const open = unclosed && i === parts.length - 1;
      units.push({
        terms: terms.map((t, k) => (open && k === terms.length - 1 ? asTyped(t) : { ...t, whole: true })),
        phrase: true,
      });
    } else for (const term of terms) units.push({ terms: [term], phrase: false });
  });
  const seen = new Set<string>();
  const deduped = units.filter((u) => {
    const key = `${u.phrase}:${u.terms.map((t) => (t.whole ? '=' : '') + t.lower).join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    units: deduped,
    terms: deduped.flatMap((u) => u.terms),
    hasPhrase: deduped.some((u) => u.phrase),
  };
}

/** The text flexsearch gets for a parsed query: the words, its encoder analyses them again. */
export function flexQueryText(query: ParsedQuery): string {
  return [...new Set(query.terms.map((t) => t.lower))].join(' ');
}
