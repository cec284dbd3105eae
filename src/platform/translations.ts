// The translations of a record's texts as stored: a table per kind of record (the owner's id and
// `lang` as its key), one row per language other than the record's own, read and written in
// language-tag order. The input side (form rows, the API's array, the checks) is
// http/translation-rows.ts.

/** By language tag, compared by code units (databases may collate tags differently). */
export const byLang = (a: { lang: string }, b: { lang: string }) =>
  a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;

/**
 * The rows to store from an input's translations: the first one per language and none in the
 * record's own language (the API is trusted less than the form), by language; `row` picks the
 * columns.
 */
export function translationRows<T extends { lang: string }, R extends { lang: string }>(
  input: { lang: string; translations: readonly T[] },
  row: (tr: T) => R,
): R[] {
  const unique = new Map<string, R>();
  for (const tr of input.translations)
    if (tr.lang !== input.lang && !unique.has(tr.lang)) unique.set(tr.lang, row(tr));
  return [...unique.values()].sort(byLang);
}

/** The languages a reader of `locale` reads translations in: the locale, then its base (zh-Hans readers read zh too). */
export function readerLanguages(locale: string): string[] {
  return [...new Set([locale, locale.split('-')[0] ?? locale])];
}

/**
 * The translation a reader of `locale` sees of a record written in another language: the one in
 * their exact locale, else the one in its base language; none when the record is in their locale.
 */
export function translationFor<T extends { lang: string }>(
  record: { lang: string; translations: readonly T[] },
  locale: string,
): T | undefined {
  if (record.lang === locale) return undefined;
  const base = locale.split('-')[0];
  return (
    record.translations.find((tr) => tr.lang === locale) ?? record.translations.find((tr) => tr.lang === base)
  );
}

/**
 * Per record, the translated text of a list's cards, from its translation rows read in
 * readerLanguages(locale): the exact locale wins over its base; empty texts are skipped.
 */
export function translatedTexts<K>(
  rows: readonly { key: K; lang: string; text: string | null }[],
  locale: string,
): Map<K, string> {
  const out = new Map<K, string>();
  for (const r of rows) if (r.text && (r.lang === locale || !out.has(r.key))) out.set(r.key, r.text);
  return out;
}
