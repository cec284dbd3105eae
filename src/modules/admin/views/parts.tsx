// What both administration lists have: the way back to the overview, the table (scrolling sideways
// on a phone), and the links that download the list as it is filtered.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../platform/i18n.ts';
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

/** A table under its column headings (`{ hidden }`: a heading for screen readers only). */
export function Table(props: { head: (MessageKey | { hidden: MessageKey })[]; children: Child }) {
  const { t } = usePage();
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            {props.head.map((h) =>
              typeof h === 'string' ? (
                <th scope="col">{t(h)}</th>
              ) : (
                <th scope="col">
                  <span class="visually-hidden">{t(h.hidden)}</span>
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
