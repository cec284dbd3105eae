// "Previous / page N of M / next" links that keep every filter of the current URL.
import { usePage } from '../page-context.ts';

export function pageHref(here: string, changes: Record<string, string | number | undefined>): string {
  const url = new URL(here, 'http://x');
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') url.searchParams.delete(key);
    else url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t, here, fmt } = usePage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      {page > 1 ? (
        <a href={pageHref(here, { page: page - 1 === 1 ? undefined : page - 1 })} rel="prev">
          {t('list.previous')}
        </a>
      ) : (
        <span />
      )}
      <span>{t('list.pageOf', { page: fmt.number(page), pages: fmt.number(pages) })}</span>
      {page < pages ? (
        <a href={pageHref(here, { page: page + 1 })} rel="next">
          {t('list.next')}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
