// What both administration lists have: the way back to the overview, the table (scrolling sideways
// on a phone), and the links that download the list as it is filtered.
import type { Child } from 'hono/jsx';
import type { MessageKey } from '../../../platform/i18n.ts';
import { DownloadLinks, queryWithout } from '../../../ui/components/list-tools.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';

export function AdminBreadcrumb() {
  const { t } = usePage();
  return <Breadcrumb trail={[{ href: '/admin', label: t('admin.title') }]} />;
}

/**
 * "Download: CSV, XLSX" of the list as the current address filters it (`path` is the export's
 * address without its extension); the page and position in the list are left out.
 */
export function Downloads({ path }: { path: string }) {
  const { here } = usePage();
  return (
    <p>
      <DownloadLinks base={path} query={queryWithout(here, ['page', 'before'])} />
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
