// Turns text into the tokens the database indexes, and query words into the tokens to look for.
//
// Scripts with spaces (Latin, Cyrillic, …) are indexed word by word, folded: lower case, and for
// Latin letters without their accents (Vietnamese "Huế" and "Hue" meet; "đ" becomes "d"). The
// accented form is kept beside it so that exact matches can rank first.
//
// Scripts without spaces (Thai, Lao, Khmer, Burmese, Chinese, Japanese) and Korean are indexed as
// overlapping pairs of characters ("bigrams"), a character being a base letter with its marks
// (so ข้าว "rice" and ขาว "white" stay different). A run "ABCD" gives AB BC CD D. A query word is
// found wherever its pairs stand next to each other, whatever the dictionary thinks the words of
// the document are: ICU keeps Lao and Khmer compounds whole and Korean particles attached, so a
// word-for-word index would miss a word inside a compound. ICU's word segmentation
// (Intl.Segmenter) still splits what a reader types as one run into its words, each of which must
// then occur somewhere in the document.
import { searchForm } from './normalize.ts';
import { guessLanguage, isLatin, UNSPACED } from './scripts.ts';

const WORD_RUN = /[\p{L}\p{N}\p{M}]+/gu;
/** One "character": a base with its combining marks (or stray marks on their own). */
const UNIT = /\P{M}\p{M}*|\p{M}+/gu;
const MARK = /\p{M}/u;
const ASCII = /^[\x20-\x7e]*$/;

/** Letters that are not decomposable but read as a plain Latin letter. */
const LATIN_LOOKALIKES: Record<string, string> = { đ: 'd', ð: 'd', ł: 'l', ø: 'o', ħ: 'h', ŧ: 't' };

// Words recur (a few thousand make most of any text): remember recent foldings.
const foldCache = new Map<string, string>();

/** A Latin word without accents; other scripts keep their marks (й stays й). */
export function foldLatin(word: string): string {
  if (ASCII.test(word)) return word;
  const known = foldCache.get(word);
  if (known !== undefined) return known;
  const result = foldUncached(word);
  if (foldCache.size > 50_000) foldCache.clear();
  foldCache.set(word, result);
  return result;
}

function foldUncached(word: string): string {
  let out = '';
  let baseIsLatin = false;
  for (const ch of word.normalize('NFD')) {
    if (MARK.test(ch)) {
      if (!baseIsLatin) out += ch;
      continue;
    }
    baseIsLatin = isLatin(ch);
    out += LATIN_LOOKALIKES[ch] ?? ch;
  }
  return out.normalize('NFC');
}

// The scripts of scripts.ts's UNSPACED, as a character class body, to build the splitting pattern.
const U =
  '\\p{Script=Thai}\\p{Script=Lao}\\p{Script=Khmer}\\p{Script=Myanmar}\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** Stretches of a run that are all unspaced script (group 1) or all spaced script (group 2). */
const BY_SCRIPT = new RegExp(`((?:[${U}]\\p{M}*)+)|((?:[^${U}\\p{M}]\\p{M}*)+)|(\\p{M}+)`, 'gu');

/** Calls `visit` for each stretch of a run that is all spaced or all unspaced script. */
function splitByScript(run: string, visit: (part: string, unspaced: boolean) => void): void {
  if (!UNSPACED.test(run)) {
    visit(run, false);
    return;
  }
  for (const m of run.matchAll(BY_SCRIPT)) visit(m[0], m[1] !== undefined);
}

/** The characters of an unspaced stretch: code points, or base letters with their marks. */
function unitsOf(part: string): string[] {
  return MARK.test(part) ? (part.match(UNIT) ?? []) : Array.from(part);
}

function bigrams(units: string[]): string[] {
  if (units.length === 1) return units;
  const out: string[] = new Array(units.length - 1);
  for (let i = 0; i < units.length - 1; i++) out[i] = units[i]! + units[i + 1]!;
  return out;
}

export interface IndexTokens {
  /** Tokens in text order: folded words and character pairs. */
  tokens: string[];
  /** Latin words whose accents were folded away, as written (lower case). */
  exact: string[];
}

/**
 * In one pass: a stretch of unspaced script with its marks (group 1), or a word of a spaced script
 * (group 2). Punctuation and spaces are what lies between matches.
 */
const TOKEN_STRETCH = new RegExp(`((?:[${U}]\\p{M}*)+)|((?:[[\\p{L}\\p{N}]--[${U}]]\\p{M}*)+)`, 'gv');

/** The tokens of a text to index, at most `max` of them. */
export function indexTokens(text: string, max = 15_000): IndexTokens {
  const tokens: string[] = [];
  const exact: string[] = [];
  const form = searchForm(text);
  const re = new RegExp(TOKEN_STRETCH);
  let m: RegExpExecArray | null = re.exec(form);
  while (m !== null && tokens.length < max) {
    if (m[1] !== undefined) {
      const units = unitsOf(m[1]);
      for (const pair of bigrams(units)) tokens.push(pair);
      // The last character on its own, so that a one-character query finds a run's end.
      if (units.length > 1) tokens.push(units.at(-1)!);
    } else {
      const word = m[0];
      const folded = foldLatin(word);
      tokens.push(folded);
      if (folded !== word) exact.push(word);
    }
    m = re.exec(form);
  }
  if (tokens.length > max) tokens.length = max;
  return { tokens, exact };
}

/** What one query word must match: tokens next to each other, in order. */
export interface QueryUnit {
  tokens: string[];
  /** `word`: words of a spaced script; `chars`: character pairs of an unspaced one. */
  kind: 'word' | 'chars';
  /**
   * Match the last token as a prefix. Always so for a single character of an unspaced script
   * (the index holds it only as the first half of pairs); for a word, set on the last word of a
   * query being typed.
   */
  prefix?: boolean;
  /** The accented form of a folded Latin word, for ranking exact matches first. */
  exact?: string;
}

const segmenters = new Map<string, Intl.Segmenter>();
function wordsOf(part: string): string[] {
  const lang = guessLanguage(part) ?? 'und';
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  const words: string[] = [];
  for (const s of segmenter.segment(part)) if (s.isWordLike) words.push(s.segment);
  return words.length ? words : [part];
}

/**
 * The units a typed query word stands for. Unquoted, a run of unspaced script is split into its
 * dictionary words, each a unit that must match; quoted, the whole text is one unit (a phrase).
 */
export function queryUnits(text: string, quoted: boolean): QueryUnit[] {
  if (quoted) {
    const { tokens } = indexTokens(text);
    // The document stream puts a run's last character after its pairs; a phrase that ends a
    // query must not demand it, as the document's run may go on.
    const lastRun = [...searchForm(text).matchAll(WORD_RUN)].at(-1)?.[0] ?? '';
    let lastPart = '';
    let lastUnspaced = false;
    splitByScript(lastRun, (part, unspaced) => {
      lastPart = part;
      lastUnspaced = unspaced;
    });
    if (lastUnspaced && unitsOf(lastPart).length > 1) tokens.pop();
    return tokens.length ? [{ tokens, kind: lastUnspaced ? 'chars' : 'word' }] : [];
  }
  const units: QueryUnit[] = [];
  for (const match of searchForm(text).matchAll(WORD_RUN)) {
    const spaced: string[] = [];
    const exact: string[] = [];
    splitByScript(match[0], (part, unspaced) => {
      if (!unspaced) {
        const folded = foldLatin(part);
        spaced.push(folded);
        if (folded !== part) exact.push(part);
        return;
      }
      for (const word of wordsOf(part)) {
        const chars = unitsOf(word);
        const pairs = bigrams(chars);
        const single = chars.length === 1;
        units.push({ tokens: pairs, kind: 'chars', ...(single ? { prefix: true } : {}) });
      }
    });
    // Spaced words written together with punctuation between them ("1755/QĐ-TTg") are a phrase.
    if (spaced.length === 1)
      units.push({ tokens: spaced, kind: 'word', ...(exact[0] ? { exact: exact[0] } : {}) });
    else if (spaced.length > 1) units.push({ tokens: spaced, kind: 'word' });
  }
  return units;
}
