// /press: the clippings newest first (or oldest first, or by outlet), filtered by outlet, language,
// year and dates — all in the URL, so a filtered list is a shareable link with a feed and an
// export of its own.
import { activeFilters, FilterInput, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { sortedByLabel } from '../../../ui/components/list-filters.tsx';
import { DownloadLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { Actions, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { ClippingCard } from '../listing.ts';
import { filterQuery, type PressFilter, SORTS } from '../schemas.ts';

export interface PressListProps {
  filter: PressFilter;
  cards: ClippingCard[];
  total: number;
  pageSize: number;
  outlets: { value: string; count: number }[];
  languages: { value: string; count: number }[];
  years: number[];
  canWrite: boolean;
}

/** A card's heading: under the page's h1, or under its outlet's h2 when grouped (no level skipped). */
function CardTitle(props: { level: 2 | 3; id: number; lang: string; title: string }) {
  const link = (
    <a href={`/press/${props.id}`} lang={props.lang}>
      {props.title}
    </a>
  );
  return props.level === 2 ? <h2 class="card-title">{link}</h2> : <h3 class="card-title">{link}</h3>;
}

function Filters({ props }: { props: PressListProps }) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  const collator = new Intl.Collator(locale);
  return (
    <FilterPanel
      action="/press"
      active={activeFilters(filter, ['sort', 'page', 'q'])}
      search={{ label: t('list.searchWords'), value: filter.q }}
    >
      {filter.organisation && <input type="hidden" name="organisation" value={filter.organisation} />}
      {filter.country && <input type="hidden" name="country" value={filter.country} />}
      <FilterSelect
        name="outlet"
        label={t('press.outlet')}
        value={filter.outlet}
        any={t('press.anyOutlet')}
        options={props.outlets
          .map((o) => ({ value: o.value, label: `${o.value} (${fmt.number(o.count)})` }))
          .sort((a, b) => collator.compare(a.value, b.value))}
      />
      <FilterSelect
        name="language"
        label={t('press.language')}
        value={filter.language}
        any={t('press.anyLanguage')}
        options={sortedByLabel(
          locale,
          props.languages.map((l) => ({
            value: l.value,
            label: `${fmt.language(l.value)} (${fmt.number(l.count)})`,
          })),
        )}
      />
      <FilterSelect
        name="year"
        label={t('press.year')}
        value={filter.year ? String(filter.year) : undefined}
        any={t('press.anyYear')}
        options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <FilterInput name="from" type="date" label={t('press.from')} value={filter.from} />
      <FilterInput name="to" type="date" label={t('press.to')} value={filter.to} />
      <FilterSelect
        name="sort"
        label={t('press.sort')}
        value={filter.sort}
        any={t('press.sort.default')}
        options={SORTS.filter((s) => s !== 'newest').map((s) => ({ value: s, label: t(`press.sort.${s}`) }))}
      />
    </FilterPanel>
  );
}

export function PressListView(props: PressListProps) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  const sort = filter.sort ?? 'newest';
  // By outlet: one heading per outlet, its clippings newest first below it.
  const groups: { outlet: string | null; cards: ClippingCard[] }[] = [];
  for (const card of props.cards) {
    const key = sort === 'outlet' ? card.outlet : null;
    const last = groups[groups.length - 1];
    if (last && last.outlet === key) last.cards.push(card);
    else groups.push({ outlet: key, cards: [card] });
  }
  const query = filterQuery({ ...filter, page: 1 });
  const feedHref = `/press/feed.atom${filterQuery({ ...filter, sort: undefined, page: 1 })}`;
  return (
    <div class="wrap press">
      <PageHead title={t('press.title')}>
        <Actions links={[props.canWrite && { href: '/press/new', label: t('press.add') }]} />
      </PageHead>
      <p class="lead">{t('press.intro')}</p>
      <Filters props={props} />

      <ListTools total={props.total}>
        <p>
          <a href={feedHref} type="application/atom+xml">
            {t('press.feedLink')}
          </a>
          {' · '}
          <DownloadLinks base="/press/export" query={query} />
        </p>
      </ListTools>

      <Results
        count={props.cards.length}
        nothing={t('press.nothingFound')}
        clearHref={activeFilters(props.filter) ? '/press' : undefined}
        words={props.filter.q}
      >
        {groups.map((group) => (
          <section>
            {group.outlet !== null && <h2>{group.outlet}</h2>}
            <ul class="plain stack clippings">
              {group.cards.map((card) => (
                <li class="card clipping-card">
                  <CardTitle
                    level={group.outlet === null ? 2 : 3}
                    id={card.id}
                    lang={card.lang}
                    title={card.title}
                  />
                  {card.translatedTitle && (
                    <p class="muted" lang={locale}>
                      {card.translatedTitle} <span class="hint">({t('press.translation')})</span>
                    </p>
                  )}
                  <p class="muted">
                    {group.outlet === null && <>{card.outlet} · </>}
                    <time datetime={card.published_on}>{fmt.day(card.published_on)}</time>
                    {' · '}
                    {fmt.language(card.lang)}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
