// "Likely duplicates": the same name in the same country once case, accents, spacing and
// punctuation are folded the way the search index folds them ("Sàn Art" = "SAN ART" = "San-Art").
import { searchForm } from '../../search/normalize.ts';
import { foldLatin } from '../../search/tokenize.ts';
import type { MessageKey } from '../i18n.ts';
import { type ImportReport, type RowMessage, type RowReport, reportOf } from './target.ts';

/** The key two records share when they are likely the same; no country counts as a country. */
export function duplicateKey(name: string, country: string | null | undefined): string {
  const folded = foldLatin(searchForm(name))
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
  return `${country ?? ''}|${folded}`;
}

/** A record already in the hub, as a duplicate warning links to it. */
export interface KnownRecord {
  name: string;
  href: string;
}

/** Records of the hub by duplicate key (the first of each key), for flagDuplicates(). */
export function knownRecords(records: { name: string; country: string | null; href: string }[]) {
  const out = new Map<string, KnownRecord>();
  for (const r of records) {
    const key = duplicateKey(r.name, r.country);
    if (!out.has(key)) out.set(key, { name: r.name, href: r.href });
  }
  return out;
}

/** A checked row before duplicates are looked for. */
export interface CheckedRow<I> {
  n: number;
  name: string;
  messages: RowMessage[];
  input?: I;
}

/**
 * The report rows: with errors, possible duplicates (of a record in `existing`, under
 * `existingMessage`, or of an earlier row of the file) or ready.
 */
export function flagDuplicates<I>(
  rows: CheckedRow<I>[],
  keyOf: (input: I) => string,
  existing: Map<string, KnownRecord>,
  existingMessage: MessageKey,
): RowReport<I>[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((r) => {
    if (!r.input || r.messages.length) return { n: r.n, name: r.name, status: 'error', messages: r.messages };
    const messages: RowMessage[] = [];
    const key = keyOf(r.input);
    const known = existing.get(key);
    if (known)
      messages.push({ field: 'name', key: existingMessage, link: { href: known.href, text: known.name } });
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined)
      messages.push({ field: 'name', key: 'import.duplicateInFile', values: { row: earlier } });
    else firstRowOf.set(key, r.n);
    return { n: r.n, name: r.name, status: messages.length ? 'duplicate' : 'ok', messages, input: r.input };
  });
}

/**
 * The report of the checked rows of records named in a country (organisations, people): a row is a
 * likely duplicate of a record in `existing` or of an earlier row with the same name and country.
 */
export function reportWithDuplicates<I extends { name: string; country: string | null }>(
  rows: CheckedRow<I>[],
  existing: Map<string, KnownRecord>,
  existingMessage: MessageKey,
): ImportReport<I> {
  return reportOf(
    flagDuplicates(rows, (input) => duplicateKey(input.name, input.country), existing, existingMessage),
  );
}
