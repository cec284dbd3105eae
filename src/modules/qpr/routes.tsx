// The QPR pages, top to bottom as the list of their URLs: /qpr (the member's reports, and the
// start of a new one), a report's dashboard, its submission and publication, and its exports. The
// sections' pages are in routes-sections.tsx, the civil-society inputs' in routes-inputs.tsx.
import type { Context } from 'hono';
import { Hono } from 'hono';
import { actingUser, actionContext } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { attachment } from '../../platform/http/download.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, readForm } from '../../platform/http/forms.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { todayUtc } from '../../platform/time.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { loadReport, reportPath, structureOfReport } from './access.ts';
import { createReport, publishReport, submitReport } from './actions/report.ts';
import { openRoundsFor } from './consultations.ts';
import { reportDocumentOf } from './document.ts';
import { reportDocx } from './docx.ts';
import { measureColumns, statisticColumns } from './export.ts';
import { dashboardOf, inputsOf, measuresOfAreas, reportsOf, statisticsOf } from './listing.ts';
import { canWork } from './permissions.ts';
import { consultationsPages } from './routes-consultations.tsx';
import { inputsPages } from './routes-inputs.tsx';
import { sectionsPages } from './routes-sections.tsx';
import { reportInput } from './schemas.ts';
import { ReportListView } from './views/list.tsx';
import { PRINT_CSS, renderPrint } from './views/print.tsx';
import { ReportView } from './views/report.tsx';

export const REPORT = '/qpr/:country{[A-Z]{2}}/:cycle{[0-9]{4}-[0-9]{4}}';

export function qprPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db, config } = deps;

  app.get('/qpr/print.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(PRINT_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  const showList = async (c: Context<AppEnv>, state: FormState = {}, status: 200 | 422 = 200) => {
    const user = actingUser(actionContext(c));
    const [{ reports, countries }, rounds] = await Promise.all([
      reportsOf(db, user),
      openRoundsFor(deps, user),
    ]);
    return renderPage(
      c,
      { title: c.var.t('qpr.title'), description: c.var.t('qpr.intro'), noindex: true },
      <ReportListView reports={reports} countries={countries} rounds={rounds} state={state} />,
      status,
    );
  };

  app.get('/qpr', (c) => showList(c));

  app.post('/qpr', async (c) => {
    const ctx = actionContext(c);
    actingUser(ctx);
    const form = await readForm(c, reportInput);
    if (!form.ok) return showList(c, { values: form.values, errors: form.errors }, 422);
    const done = await attempt(() => createReport(ctx, form.data.country, form.data.cycle));
    if (!done.ok) return showList(c, { values: form.values, errors: done.errors }, 422);
    setFlash(c, 'qpr.started');
    return c.redirect(reportPath(done.value), 303);
  });

  app.get(REPORT, async (c) => {
    const { report, role } = await loadReport(c);
    // A published report's readers outside the team read it whole, as printed.
    if (!canWork(role)) return c.redirect(`${reportPath(report)}/print`, 303);
    const dashboard = await dashboardOf(db, report, todayUtc());
    const submitter = report.submitted_by
      ? await db.selectFrom('users').select('name').where('id', '=', report.submitted_by).executeTakeFirst()
      : undefined;
    const t = c.var.t;
    return renderPage(
      c,
      {
        title: t('qpr.reportTitle', { country: c.var.fmt.country(report.country), cycle: report.cycle }),
        noindex: true,
      },
      <ReportView
        report={report}
        role={role}
        structure={structureOfReport(report)}
        dashboard={dashboard}
        submittedBy={submitter?.name ?? null}
      />,
    );
  });

  app.post(`${REPORT}/submit`, async (c) => {
    const { report, role } = await loadReport(c);
    await submitReport(actionContext(c), report, role);
    setFlash(c, 'qpr.submittedFlash');
    return c.redirect(reportPath(report), 303);
  });

  app.post(`${REPORT}/publish`, async (c) => {
    const { report, role } = await loadReport(c);
    const body = await c.req.parseBody();
    await publishReport(actionContext(c), report, role, body.published === '1');
    return c.redirect(reportPath(report), 303);
  });

  app.get(`${REPORT}/report.docx`, async (c) => {
    const { report } = await loadReport(c);
    const doc = await reportDocumentOf(db, report, c.var.t, c.var.fmt);
    return attachment(
      c,
      await reportDocx(doc, c.var.t),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      `qpr-${report.country}-${report.cycle}.docx`,
    );
  });

  app.get(`${REPORT}/print`, async (c) => {
    const { report } = await loadReport(c);
    return renderPrint(c, await reportDocumentOf(db, report, c.var.t, c.var.fmt), reportPath(report));
  });

  app.get(`${REPORT}/:file{measures\\.(csv|xlsx)}`, async (c) => {
    const { report } = await loadReport(c);
    const areas = structureOfReport(report).sections.flatMap((s) => (s.area ? [s.area] : []));
    const measures = await measuresOfAreas(db, report.country, areas);
    // Civil-society inputs taken in without becoming a measure (data) are rows too.
    const data = (await inputsOf(db, report, { sent: true }))
      .filter((i) => i.status === 'accepted' && i.measure_id === null)
      .map((i) => ({
        id: 0,
        title: i.title,
        lang: i.lang,
        report_year: Number(report.cycle.slice(0, 4)),
        source: 'civil_society',
        area: i.area ?? '',
        description: i.description,
      }));
    return spreadsheetDownload(c, measureColumns(c.var.t, config.baseUrl), [...measures, ...data], {
      file: `qpr-${report.country}-${report.cycle}-measures`,
      sheet: 'Measures',
    });
  });

  app.get(`${REPORT}/:file{statistics\\.(csv|xlsx)}`, async (c) => {
    const { report } = await loadReport(c);
    return spreadsheetDownload(c, statisticColumns(c.var.t), await statisticsOf(db, report), {
      file: `qpr-${report.country}-${report.cycle}-statistics`,
      sheet: 'Statistics',
    });
  });

  app.route('/', sectionsPages(deps));
  app.route('/', inputsPages(deps));
  app.route('/', consultationsPages(deps));
  return app;
}
