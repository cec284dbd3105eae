// /countries: one card per country (the region's, and any other the hub holds something about),
// by name in the reader's language, with its status and each module's count linking to the
// module's list filtered by the country. Cards rather than a table: a phone shows one per line.
import { PageHead } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { CountryRow } from '../listing.ts';
import { StatusLine } from './status.tsx';

export function CountryListView({ rows }: { rows: CountryRow[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="wrap">
      <PageHead title={t('countries.title')} />
      <p>{t('countries.intro')}</p>
      <ul class="plain cards grid">
        {rows.map((row) => (
          <li class="card">
            <h2 class="card-title">
              <a href={`/countries/${row.code}`}>{fmt.country(row.code)}</a>
            </h2>
            <p class="muted">
              <StatusLine status={row.status} />
            </p>
            {row.counts.some((c) => c.count > 0) && (
              <ul class="plain counts">
                {row.counts
                  .filter((c) => c.count > 0)
                  .map(({ figure, count }) => (
                    <li>
                      <a href={figure.href(row.code)}>
                        <strong>{fmt.number(count)}</strong> {t(figure.label)}
                      </a>
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
