// /measures: the measures newest report first (or by title, country, last change), filtered by
// country, goal, area, domain, value-chain stage, target group, youth, source, status, year and
// words — all in the URL, so a filtered list is a shareable link with a feed and an export.
import { activeFilters, FilterCheckbox, FilterPanel, FilterSelect } from '../../../ui/components/filters.tsx';
import { DownloadLinks, ListTools, Results } from '../../../ui/components/list-tools.tsx';
import { Actions, PageHead } from '../../../ui/components/page-head.tsx';
import { Pagination } from '../../../ui/components/pagination.tsx';
import { domainOptions, stageOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { MeasureCard } from '../listing.ts';
import { filterQuery, type MeasureFilter, SORTS } from '../schemas.ts';
import { AREAS, GOALS, MEASURE_SOURCES, MEASURE_STATUSES, TARGET_GROUPS } from '../vocab.ts';

export interface MeasureListProps {
  filter: MeasureFilter;
  cards: MeasureCard[];
  total: number;
  pageSize: number;
  countries: { value: string; count: number }[];
  years: number[];
  canCreate: boolean;
  /** Editors and admins import spreadsheets. */
  canImport: boolean;
}

function Filters({ props }: { props: MeasureListProps }) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  const collator = new Intl.Collator(locale);
  const codes = <T extends string>(list: readonly T[], prefix: string) =>
    list.map((v) => ({ value: v, label: t(`${prefix}.${v}` as never) }));
  return (
    <FilterPanel
      action="/measures"
      active={activeFilters(filter, ['sort', 'page', 'q'])}
      search={{ label: t('list.searchWords'), value: filter.q }}
    >
      {filter.event && <input type="hidden" name="event" value={filter.event} />}
      <FilterSelect
        name="country"
        label={t('policies.country')}
        value={filter.country}
        any={t('policies.anyCountry')}
        options={props.countries
          .map((c) => ({ value: c.value, label: `${fmt.country(c.value)} (${fmt.number(c.count)})` }))
          .sort((a, b) => collator.compare(a.label, b.label))}
      />
      <FilterSelect
        name="goal"
        label={t('policies.goal')}
        value={filter.goal}
        any={t('policies.anyGoal')}
        options={codes(GOALS, 'policies.goal')}
      />
      <FilterSelect
        name="area"
        label={t('policies.area')}
        value={filter.area}
        any={t('policies.anyArea')}
        options={codes(AREAS, 'policies.area')}
      />
      <FilterSelect
        name="domain"
        label={t('policies.domain')}
        value={filter.domain}
        any={t('policies.anyDomain')}
        options={domainOptions({ t })}
      />
      <FilterSelect
        name="stage"
        label={t('policies.stage')}
        value={filter.stage}
        any={t('policies.anyStage')}
        options={stageOptions({ t })}
      />
      <FilterSelect
        name="target"
        label={t('policies.targetGroup')}
        value={filter.target}
        any={t('policies.anyTargetGroup')}
        options={codes(TARGET_GROUPS, 'policies.target')}
      />
      <FilterSelect
        name="source"
        label={t('policies.source')}
        value={filter.source}
        any={t('policies.anySource')}
        options={codes(MEASURE_SOURCES, 'policies.source')}
      />
      <FilterSelect
        name="status"
        label={t('policies.status')}
        value={filter.status}
        any={t('policies.anyStatus')}
        options={codes(MEASURE_STATUSES, 'policies.status')}
      />
      <FilterSelect
        name="year"
        label={t('policies.reportYear')}
        value={filter.year ? String(filter.year) : undefined}
        any={t('policies.anyYear')}
        options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <FilterCheckbox name="youth" label={t('policies.youthOnly')} checked={!!filter.youth} />
      <FilterSelect
        name="sort"
        label={t('policies.sort')}
        value={filter.sort}
        any={t('policies.sort.default')}
        options={SORTS.filter((s) => s !== 'newest').map((s) => ({
          value: s,
          label: t(`policies.sort.${s}`),
        }))}
      />
    </FilterPanel>
  );
}

export function MeasureListView(props: MeasureListProps) {
  const { t, fmt, locale } = usePage();
  const { filter } = props;
  const query = filterQuery({ ...filter, page: 1 });
  const feedHref = `/measures/feed.atom${filterQuery({ ...filter, sort: undefined, page: 1 })}`;
  const compareHref = filter.country ? `/measures/compare?country=${filter.country}` : '/measures/compare';
  return (
    <div class="wrap measures">
      <PageHead title={t('policies.title')}>
        <Actions
          links={[
            props.canCreate && { href: '/measures/new', label: t('policies.add') },
            props.canImport && { href: '/measures/import', label: t('policies.import'), secondary: true },
            { href: compareHref, label: t('policies.compare'), secondary: true },
          ]}
        />
      </PageHead>
      <p class="lead">{t('policies.intro')}</p>
      <Filters props={props} />
      <ListTools total={props.total}>
        <p>
          <a href={feedHref} type="application/atom+xml">
            {t('policies.feedLink')}
          </a>
          {' · '}
          <DownloadLinks base="/measures/export" query={query} />
        </p>
      </ListTools>
      <Results
        count={props.cards.length}
        nothing={t('policies.nothingFound')}
        clearHref={activeFilters(filter) ? '/measures' : undefined}
        words={filter.q}
      >
        <ul class="plain stack measures-list">
          {props.cards.map((m) => (
            <li class="card measure-card">
              <h2 class="card-title">
                <a href={`/measures/${m.id}`} lang={m.lang}>
                  {m.title}
                </a>
              </h2>
              {m.translatedTitle && (
                <p class="muted" lang={locale}>
                  {m.translatedTitle} <span class="hint">({t('policies.translation')})</span>
                </p>
              )}
              <p class="muted">
                {fmt.country(m.country)} · {m.report_year} · {t(`policies.status.${m.status}` as never)}
                {m.source === 'civil_society' && <> · {t('policies.source.civil_society')}</>}
              </p>
              {(m.goals.length > 0 || m.stages.length > 0) && (
                <p class="badges">
                  {m.goals.map((g) => (
                    <span class="badge">{t(`policies.goal.${g}` as never)}</span>
                  ))}
                  {m.stages.map((s) => (
                    <span class="badge">{t(`vocab.stage.${s}` as never)}</span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      </Results>
      <Pagination page={filter.page} pageSize={props.pageSize} total={props.total} />
    </div>
  );
}
