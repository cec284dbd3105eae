// What a survey's answers say: the respondents, the ranked training needs (Borich) with links to
// trainings and to the people offering the competence, the figures per competence, and the
// heatmap by country, domain or gender. Every chart has its table; suppressed cells show "–".
// The same view is the managers' results page and the public summary.
import type { MessageKey } from '../../../platform/i18n.ts';
import { BarChart, formatShare } from '../../../ui/components/charts.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import type { Cell } from '../analysis.ts';
import { type Framework, shown } from '../frameworks/access.ts';
import type { SurveySummary } from '../results.ts';
import type { Survey } from '../surveys.ts';
import { BREAKDOWNS, type Breakdown, MIN_CELL } from '../vocab.ts';
import { Shown } from './frameworks.tsx';
import { Heatmap } from './heatmap.tsx';

export const trainingsHref = (title: string) => `/events?type=training&q=${encodeURIComponent(title)}`;
export const peopleHref = (title: string) => `/directory/people?q=${encodeURIComponent(title)}`;

export function ResultsView(props: {
  survey: Survey;
  framework: Framework;
  summary: SurveySummary;
  by: Breakdown;
  base: string;
}) {
  const { t, fmt, locale } = usePage();
  const { survey, framework, summary, by, base } = props;
  const byId = new Map(framework.competences.map((c) => [c.id, c]));
  const n = (v: number | null) => (v === null ? '–' : fmt.number(v));
  const share = (v: number | null) => (v === null ? '–' : formatShare(locale, v));
  const valueLabel = (value: string) =>
    by === 'country' ? fmt.country(value) : t(`vocab.${by}.${value}` as MessageKey);
  const row = (id: number, cell: Cell) => {
    const c = byId.get(id);
    return c ? { c, cell } : null;
  };
  return (
    <article class="wrap">
      <Breadcrumb
        trail={[
          { href: '/skills', label: t('skills.title') },
          { href: `/skills/surveys/${survey.slug}`, label: survey.title, lang: survey.lang },
        ]}
      />
      <h1>{t('skills.resultsOf', { title: survey.title })}</h1>
      <p>
        {t('skills.respondents', { count: summary.respondents })}{' '}
        {t('skills.suppressionNote', { min: MIN_CELL })}
      </p>
      <p>
        <a href={`${base}.csv?by=${by}`}>CSV</a> · <a href={`${base}.xlsx?by=${by}`}>XLSX</a>
      </p>
      <section>
        <h2>{t('skills.rankedNeeds')}</h2>
        <p class="hint">{t('skills.borichHint')}</p>
        {summary.needs.length === 0 ? (
          <p class="notice">{t('skills.tooFew', { min: MIN_CELL })}</p>
        ) : (
          <>
            <BarChart
              id="needs"
              title={t('skills.rankedNeeds')}
              rows={summary.needs.slice(0, 10).map((nd) => ({
                label: `${byId.get(nd.competenceId)?.code ?? ''} ${byId.get(nd.competenceId) ? shown(byId.get(nd.competenceId) as never, locale).text : ''}`,
                value: nd.cell.borich ?? 0,
              }))}
              labelHeading={t('skills.competence')}
              countHeading={t('skills.borich')}
            />
            <ol class="needs">
              {summary.needs.map((nd) => {
                const c = byId.get(nd.competenceId);
                if (!c) return null;
                return (
                  <li>
                    <Shown record={c} code={c.code} /> — {t('skills.borich')} {n(nd.cell.borich)} ·{' '}
                    <a href={trainingsHref(c.title)}>{t('skills.trainings')}</a> ·{' '}
                    <a href={peopleHref(c.title)}>{t('skills.peopleOffering')}</a>
                  </li>
                );
              })}
            </ol>
          </>
        )}
      </section>
      <section>
        <h2>{t('skills.perCompetence')}</h2>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('skills.competence')}</th>
                <th scope="col">{t('skills.n')}</th>
                <th scope="col">{t('skills.meanImportance')}</th>
                <th scope="col">{t('skills.meanLevel')}</th>
                <th scope="col">{t('skills.meanGap')}</th>
                <th scope="col">{t('skills.shareBelow')}</th>
                <th scope="col">{t('skills.borich')}</th>
              </tr>
            </thead>
            <tbody>
              {[...summary.overall.entries()].map(([id, cell]) => {
                const r = row(id, cell);
                if (!r) return null;
                return (
                  <tr>
                    <th scope="row">
                      <Shown record={r.c} code={r.c.code} />
                    </th>
                    <td>{cell.suppressed ? `< ${MIN_CELL}` : fmt.number(cell.n)}</td>
                    <td>{n(cell.meanImportance)}</td>
                    <td>{n(cell.meanLevel)}</td>
                    <td>{n(cell.meanGap)}</td>
                    <td>{share(cell.shareBelow)}</td>
                    <td>{n(cell.borich)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>{t('skills.heatmap')}</h2>
        <form method="get" action={base} class="inline-form">
          <label for="by">{t('skills.by')}</label>{' '}
          <select id="by" name="by">
            {BREAKDOWNS.map((b) => (
              <option value={b} selected={b === by}>
                {t(`skills.breakdown.${b}` as MessageKey)}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button secondary">
            {t('skills.show')}
          </button>
        </form>
        <p class="hint">{t('skills.heatmapHint')}</p>
        <Heatmap
          id="heatmap"
          title={t('skills.heatmapOf', { by: t(`skills.breakdown.${by}` as MessageKey) })}
          table={summary.breakdown}
          competences={framework.competences}
          valueLabel={valueLabel}
        />
      </section>
    </article>
  );
}
