// The line between a list's filters and its results: how many there are, then the same selection in
// other formats ("Download: CSV, XLSX", a feed, "Cite this list: RIS, BibTeX"), each a link to
// `<base>.<extension><query>`, the query being the page's filters. Then the results themselves, or
// the notice that the filters select nothing.
import type { Child } from 'hono/jsx';
import { usePage } from '../page-context.ts';

/** A format a list is offered in: its file extension and its name on the link. */
export type Format = readonly [extension: string, name: string];

export const SPREADSHEETS: readonly Format[] = [
  ['csv', 'CSV'],
  ['xlsx', 'XLSX'],
];

/** The spreadsheets, JSON and vCard: lists of contacts. */
export const CONTACT_FORMATS: readonly Format[] = [...SPREADSHEETS, ['json', 'JSON'], ['vcf', 'vCard']];

/** The query of the current address without the keys that only place the reader in the list. */
export function queryWithout(here: string, keys: readonly string[]): string {
  const params = new URL(here, 'http://x').searchParams;
  for (const key of keys) params.delete(key);
  return params.size ? `?${params}` : '';
}

/** "<label> CSV, XLSX": a link per format. */
export function FormatLinks(props: {
  label: string;
  base: string;
  query?: string;
  formats: readonly Format[];
}) {
  return (
    <>
      {props.label}{' '}
      {props.formats.map(([extension, name], i) => (
        <>
          {i > 0 && ', '}
          <a href={`${props.base}.${extension}${props.query ?? ''}`}>{name}</a>
        </>
      ))}
    </>
  );
}

/** "Download: CSV, XLSX" (or the formats given). */
export function DownloadLinks(props: { base: string; query?: string; formats?: readonly Format[] }) {
  const { t } = usePage();
  return (
    <FormatLinks
      label={`${t('list.download')}:`}
      base={props.base}
      query={props.query}
      formats={props.formats ?? SPREADSHEETS}
    />
  );
}

/** How many the filters select, announced to screen readers, and the links beside it. */
export function ListTools(props: { total: number; children: Child }) {
  const { t } = usePage();
  return (
    <div class="list-tools">
      <p role="status">{t('list.count', { count: props.total })}</p>
      {props.children}
    </div>
  );
}

/**
 * The results (cards, a table…), or, when the filters select none, `nothing` and what to try next:
 * fewer filters (`clearHref`, given when filters are on) and the whole hub's search for the words.
 */
export function Results(props: {
  count: number;
  nothing: string;
  /** The list without its filters; given only when some are on. */
  clearHref?: string;
  /** The words searched for, if any. */
  words?: string;
  children: Child;
}) {
  const { t, hasSearch } = usePage();
  if (props.count > 0) return <>{props.children}</>;
  const everywhere = hasSearch && props.words;
  return (
    <div class="notice warning empty-results">
      <p>{props.nothing}</p>
      {(props.clearHref || props.words) && <p>{t('list.tryNext')}</p>}
      {(props.clearHref || everywhere) && (
        <ul>
          {props.clearHref && (
            <li>
              <a href={props.clearHref}>{t('filter.clear')}</a>
            </li>
          )}
          {everywhere && (
            <li>
              <a href={`/search?q=${encodeURIComponent(props.words ?? '')}`}>
                {t('list.searchEverything', { words: props.words ?? '' })}
              </a>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
