// /qpr: the reports the member works on (as coordinator or contributor) or brings civil-society
// inputs to, and, for a coordinator, the form that starts a country's report for a cycle.
import { Form, type FormState, SelectField, Submit } from '../../../ui/components/form.tsx';
import { countryOptions } from '../../../ui/options.ts';
import { usePage } from '../../../ui/page-context.ts';
import { reportPath } from '../access.ts';
import { roundPath } from '../consultations.ts';
import type { ReportLine } from '../listing.ts';
import { CYCLE_CODES, CYCLES, sectionSpec, structureOfCycle } from '../structure.ts';
import { sectionTitle } from './parts.tsx';

export function ReportListView(props: {
  reports: ReportLine[];
  countries: string[] | 'all';
  rounds: { id: number; closes_on: string; code: string; country: string; cycle: string }[];
  state?: FormState;
}) {
  const page = usePage();
  const { t, fmt } = page;
  const countries =
    props.countries === 'all'
      ? countryOptions(page)
      : props.countries.map((code) => ({ value: code, label: fmt.country(code) }));
  return (
    <div class="wrap stack">
      <header class="page-head">
        <h1>{t('qpr.title')}</h1>
        <p class="lead">{t('qpr.intro')}</p>
      </header>
      {props.reports.length ? (
        <ul class="stack">
          {props.reports.map((r) => (
            <li>
              <a href={r.as === 'civil_society' ? `${reportPath(r)}/civil-society` : reportPath(r)}>
                {t('qpr.reportTitle', { country: fmt.country(r.country), cycle: r.cycle })}
              </a>{' '}
              <span class="muted">
                · {t(`qpr.as.${r.as}`)} ·{' '}
                {t(r.status === 'submitted' ? 'qpr.state.submitted' : 'qpr.state.draft')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('qpr.noReports')}</p>
      )}
      {props.rounds.length > 0 && (
        <section>
          <h2>{t('qpr.openConsultations')}</h2>
          <ul>
            {props.rounds.map((r) => (
              <li>
                <a href={roundPath(r, r.id)}>
                  {t('qpr.reportTitle', { country: fmt.country(r.country), cycle: r.cycle })} ·{' '}
                  {sectionTitle(t, sectionSpec(structureOfCycle(r.cycle), r.code), r.code)}
                </a>{' '}
                <span class="muted">· {t('qpr.openUntil', { date: fmt.day(r.closes_on) })}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {countries.length > 0 && (
        <section class="card">
          <h2>{t('qpr.startTitle')}</h2>
          <Form action="/qpr" state={props.state}>
            <SelectField
              name="country"
              label="qpr.country"
              options={countries}
              state={props.state}
              required
            />
            <SelectField
              name="cycle"
              label="qpr.cycle"
              options={CYCLE_CODES.map((c) => ({
                value: c,
                label: t('qpr.cycleDeadline', { cycle: c, deadline: fmt.day(CYCLES[c]?.deadline ?? '') }),
              }))}
              state={props.state}
              required
            />
            <Submit label="qpr.start" />
          </Form>
        </section>
      )}
    </div>
  );
}
