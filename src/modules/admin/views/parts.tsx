// What both administration lists have: the way back to the overview, and the links that download
// the list as it is filtered.
import { usePage } from '../../../ui/page-context.ts';

export function Breadcrumb() {
  const { t } = usePage();
  return (
    <p class="breadcrumb">
      <a href="/admin">{t('admin.title')}</a>
    </p>
  );
}

/**
 * "Download: CSV, XLSX" of the list as the current address filters it (`path` is the export's
 * address without its extension); the page and position in the list are left out.
 */
export function Downloads({ path }: { path: string }) {
  const { t, here } = usePage();
  const params = new URL(here, 'http://x').searchParams;
  params.delete('page');
  params.delete('before');
  const query = params.size ? `?${params}` : '';
  return (
    <p>
      {t('list.download')}: <a href={`${path}.csv${query}`}>CSV</a>, <a href={`${path}.xlsx${query}`}>XLSX</a>
    </p>
  );
}
