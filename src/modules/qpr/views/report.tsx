// A report's dashboard: where it stands (draft, or submitted when and by whom), what is done, late
// and missing, each part of the official structure with its sections (status, assignee, due date),
// the way to the civil-society inputs, the exports, and the coordinator's submit and publish.
import { CsrfField } from '../../../ui/components/form.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type Report, reportPath } from '../access.ts';
import type { Dashboard, SectionLine } from '../listing.ts';
import type { ReportRole } from '../permissions.ts';
import { CYCLES, type ReportStructure, sectionSpec } from '../structure.ts';
import { goalTitle, sectionTitle, statusLabel } from './parts.tsx';

function SectionRows(props: { report: Report; structure: ReportStructure; sections: SectionLine[] }) {
  const { t, fmt } = usePage();
  return (
    <div class="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('qpr.section')}</th>
            <th scope="col">{t('qpr.statusHeading')}</th>
            <th scope="col">{t('qpr.assignee')}</th>
            <th scope="col">{t('qpr.due')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sections.map((s) => (
            <tr>
              <td>
                <a href={`${reportPath(props.report)}/sections/${s.code}`}>
                  {sectionTitle(t, sectionSpec(props.structure, s.code), s.code)}
                </a>
              </td>
              <td>{statusLabel(t, s.status)}</td>
              <td>{s.assignee ?? t('qpr.nobody')}</td>
              <td>
                {s.due_on ? fmt.day(s.due_on) : '—'}
                {s.late && <strong> · {t('qpr.late')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ReportView(props: {
  report: Report;
  role: ReportRole;
  structure: ReportStructure;
  dashboard: Dashboard;
  submittedBy: string | null;
}) {
  const { t, fmt } = usePage();
  const { report, structure, dashboard } = props;
  const path = reportPath(report);
  const byCode = new Map(dashboard.sections.map((s) => [s.code, s]));
  const group = (codes: string[]) => codes.flatMap((c) => byCode.get(c) ?? []);
  const before = group(
    structure.sections
      .filter((s) => s.kind !== 'area')
      .slice(0, 3)
      .map((s) => s.code),
  );
  const after = group(
    structure.sections
      .filter((s) => s.kind !== 'area')
      .slice(3)
      .map((s) => s.code),
  );
  const goals = [...new Set(structure.sections.flatMap((s) => (s.goal ? [s.goal] : [])))];
  const draft = report.status === 'draft';
  return (
    <div class="wrap stack">
      <Breadcrumb trail={[{ href: '/qpr', label: t('qpr.title') }]} />
      <header class="page-head">
        <h1>{t('qpr.reportTitle', { country: fmt.country(report.country), cycle: report.cycle })}</h1>
        <p class="muted">
          {draft
            ? t('qpr.draftUntil', { deadline: fmt.day(CYCLES[report.cycle]?.deadline ?? '') })
            : t('qpr.submittedOn', { date: fmt.date(report.submitted_at), name: props.submittedBy ?? '—' })}
        </p>
      </header>
      {!draft && <p class="notice">{t('qpr.readOnly')}</p>}
      <dl class="figures">
        <div>
          <dt>{t('qpr.done')}</dt>
          <dd>{t('qpr.outOf', { count: dashboard.done, total: dashboard.total })}</dd>
        </div>
        <div>
          <dt>{t('qpr.late')}</dt>
          <dd>{dashboard.late}</dd>
        </div>
        <div>
          <dt>{t('qpr.missing')}</dt>
          <dd>{dashboard.missing}</dd>
        </div>
      </dl>
      <p>
        <a href={`${path}/civil-society`}>{t('qpr.inputsTitle')}</a>
      </p>
      <section>
        <h2>{t('qpr.partIntro')}</h2>
        <SectionRows report={report} structure={structure} sections={before} />
      </section>
      {goals.map((goal) => (
        <section>
          <h2>{goalTitle(t, goal)}</h2>
          <SectionRows
            report={report}
            structure={structure}
            sections={group(structure.sections.filter((s) => s.goal === goal).map((s) => s.code))}
          />
        </section>
      ))}
      <section>
        <h2>{t('qpr.partOther')}</h2>
        <SectionRows report={report} structure={structure} sections={after} />
      </section>
      <section>
        <h2>{t('qpr.exports')}</h2>
        <ul>
          <li>
            <a href={`${path}/report.docx`}>{t('qpr.exportDocx')}</a>
          </li>
          <li>
            <a href={`${path}/print`}>{t('qpr.exportPrint')}</a>
          </li>
          <li>
            {t('qpr.exportMeasures')}: <a href={`${path}/measures.csv`}>CSV</a> ·{' '}
            <a href={`${path}/measures.xlsx`}>XLSX</a>
          </li>
          <li>
            {t('qpr.exportStatistics')}: <a href={`${path}/statistics.csv`}>CSV</a> ·{' '}
            <a href={`${path}/statistics.xlsx`}>XLSX</a>
          </li>
        </ul>
      </section>
      {props.role.coordinator && draft && (
        <form method="post" action={`${path}/submit`} class="card stack">
          <CsrfField />
          <h2>{t('qpr.submitTitle')}</h2>
          <p>{t('qpr.submitHint')}</p>
          <button type="submit" class="button">
            {t('qpr.submit')}
          </button>
        </form>
      )}
      {props.role.coordinator && !draft && (
        <form method="post" action={`${path}/publish`} class="card stack">
          <CsrfField />
          <input type="hidden" name="published" value={report.published ? '0' : '1'} />
          <p>{t(report.published ? 'qpr.publishedNote' : 'qpr.unpublishedNote')}</p>
          <button type="submit" class="button secondary">
            {t(report.published ? 'qpr.unpublish' : 'qpr.publish')}
          </button>
        </form>
      )}
    </div>
  );
}
