// /measures/compare?country=VN&country=LA…: two to four countries side by side — their measures per
// goal, area, value-chain stage and domain, each country as an SVG bar chart with its table (shares
// of the country's own measures, since countries report different numbers). The form that picks
// the countries is a plain GET form: the page is a shareable address and needs no script.

import { DOMAINS, VALUE_CHAIN_STAGES } from '../../../platform/vocabularies.ts';
import { BarChart } from '../../../ui/components/charts.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { countryOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import type { CountryCounts } from '../counts.ts';
import { AREAS, GOALS, LIMITS } from '../vocab.ts';

type Dimension = {
  kind: string;
  title: string;
  param: string;
  codes: readonly string[];
  label: (code: string) => string;
};

export function CompareView(props: { countries: string[]; counts: Map<string, CountryCounts> | null }) {
  const page = usePage();
  const { t, fmt } = page;
  const options = countryOptions(page);
  const slots = Array.from({ length: LIMITS.compareMax }, (_, i) => props.countries[i] ?? '');
  const dimensions: Dimension[] = [
    {
      kind: 'goal',
      title: t('policies.perGoal'),
      param: 'goal',
      codes: GOALS,
      label: (c) => t(`policies.goal.${c}` as never),
    },
    {
      kind: 'area',
      title: t('policies.perArea'),
      param: 'area',
      codes: AREAS,
      label: (c) => t(`policies.area.${c}` as never),
    },
    {
      kind: 'stage',
      title: t('policies.perStage'),
      param: 'stage',
      codes: VALUE_CHAIN_STAGES,
      label: (c) => t(`vocab.stage.${c}` as never),
    },
    {
      kind: 'domain',
      title: t('policies.perDomain'),
      param: 'domain',
      codes: DOMAINS,
      label: (c) => t(`vocab.domain.${c}` as never),
    },
  ];
  return (
    <div class="wrap compare">
      <Breadcrumb trail={[{ href: '/measures', label: t('policies.title') }]} />
      <h1>{t('policies.compareTitle')}</h1>
      <p class="lead">{t('policies.compareIntro')}</p>
      <form method="get" action="/measures/compare" class="list-form compare-form">
        <div class="filters">
          {slots.map((code, i) => (
            <div class="field">
              <label for={`compare-${i}`}>{t('policies.compareCountry', { n: i + 1 })}</label>
              <select id={`compare-${i}`} name="country">
                <option value="">{t('policies.noCountry')}</option>
                {options.map((o) => (
                  <option value={o.value} selected={o.value === code}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <div class="filter-actions">
            <button type="submit" class="button">
              {t('policies.compareButton')}
            </button>
          </div>
        </div>
      </form>
      {props.counts === null ? (
        <p class="notice">
          {t('policies.compareChoose', { min: LIMITS.compareMin, max: LIMITS.compareMax })}
        </p>
      ) : (
        <>
          <div class="table-scroll">
            <table>
              <caption>{t('policies.compareTotals')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('policies.country')}</th>
                  <th scope="col">{t('policies.measuresCount')}</th>
                </tr>
              </thead>
              <tbody>
                {props.countries.map((code) => (
                  <tr>
                    <th scope="row">
                      <a href={`/measures?country=${code}`}>{fmt.country(code)}</a>
                    </th>
                    <td>{fmt.number(props.counts?.get(code)?.total ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {dimensions.map((d) => (
            <section id={`per-${d.kind}`}>
              <h2>{d.title}</h2>
              <div class="chart-grid">
                {props.countries.map((code) => {
                  const counts = props.counts?.get(code);
                  const byCode = counts?.byCode[d.kind] ?? {};
                  return (
                    <div>
                      <h3>{fmt.country(code)}</h3>
                      {counts?.total ? (
                        <BarChart
                          id={`chart-${d.kind}-${code}`}
                          title={`${d.title}: ${fmt.country(code)}`}
                          rows={d.codes.map((c) => ({ label: d.label(c), value: byCode[c] ?? 0 }))}
                          total={counts.total}
                          labelHeading={d.title}
                          countHeading={t('policies.measuresCount')}
                        />
                      ) : (
                        <p class="muted">{t('policies.noMeasures')}</p>
                      )}
                    </div>
                  );
                })}
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
