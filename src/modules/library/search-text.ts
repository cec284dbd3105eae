// What of a document's files goes into its search entry. The index keeps at most MAX_BODY_TOKENS
// (15 000) tokens of a record's text, and a Thai or Lao character is about one token: as written, a
// 60-page decree would be searchable only in its first pages. So each file's beginning goes in as
// written (phrases in quotes and snippets work there), and of the rest only the words not seen
// yet, once each, in order of first appearance: a long file's vocabulary is a few thousand words,
// so a word on its last page still finds the document. Words are cut with Intl.Segmenter, the same
// ICU word breaks the search uses to split what a reader types.

/** Characters of each file indexed as written. */
export const VERBATIM_CHARS = 4000;

/**
 * The segmenter is super-linear on long strings (STACK-NOTES): it is fed pieces of about this
 * many characters, cut at white space.
 */
const PIECE = 1000;

const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

function* wordsOf(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + PIECE);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      const newline = text.lastIndexOf('\n', end);
      const cut = Math.max(space, newline);
      if (cut > start) end = cut;
    }
    for (const s of segmenter.segment(text.slice(start, end))) if (s.isWordLike) yield s.segment;
    start = end;
  }
}

/** Cut at white space near `limit` when there is some, so no word is split in two. */
function head(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > limit / 2 ? cut : limit);
}

/** The files' texts as the search entry holds them: beginnings as written, then new words only. */
export function fileSearchText(texts: string[]): string[] {
  const heads = texts.map((t) => head(t, VERBATIM_CHARS));
  if (heads.every((h, i) => h.length === texts[i]!.length)) return texts;
  const seen = new Set<string>();
  for (const h of heads) for (const w of wordsOf(h)) seen.add(w.toLocaleLowerCase());
  const more: string[] = [];
  texts.forEach((text, i) => {
    for (const w of wordsOf(text.slice(heads[i]!.length))) {
      const key = w.toLocaleLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      more.push(w);
    }
  });
  return more.length ? [...heads, more.join(' ')] : heads;
}
