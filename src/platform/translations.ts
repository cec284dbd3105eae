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
