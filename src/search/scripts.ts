// Which writing system a piece of text is in. Scripts written without spaces between words (and
// Korean, whose words carry attached particles) are indexed as overlapping pairs of characters;
// scripts with spaces are indexed word by word.

/** Scripts whose words are not separated by spaces (or not only by them). */
export const UNSPACED =
  /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN = /\p{Script=Latin}/u;

const BY_SCRIPT: [RegExp, string][] = [
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Lao}/gu, 'lo'],
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Myanmar}/gu, 'my'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'mn'],
];
/** Letters only Vietnamese uses among the Latin languages of the region. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/**
 * A best guess at the language of a text from its script, for text whose language is not
 * recorded: the script with most letters wins (kana before Han, so Japanese is not taken for
 * Chinese). Latin text is Vietnamese when it has Vietnamese letters, otherwise unknown.
 */
export function guessLanguage(text: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [pattern, lang] of BY_SCRIPT) {
    const count = text.match(pattern)?.length ?? 0;
    // Japanese mixes kana with Han: any kana makes it Japanese.
    if (lang === 'ja' && count > 0) return 'ja';
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  if (best) return best;
  return VIETNAMESE.test(text) ? 'vi' : undefined;
}

export function isUnspaced(char: string): boolean {
  return UNSPACED.test(char);
}

export function isLatin(char: string): boolean {
  return LATIN.test(char);
}
