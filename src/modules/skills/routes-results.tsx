// What a survey's answers say: the results page (its managers), the public summary (once
// published), both as CSV and XLSX with the same suppression, and the raw answers (managers).
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { spreadsheetDownload } from '../../platform/http/spreadsheet-download.ts';
import { renderPage } from '../../ui/render.tsx';
import { rawAnswers, summaryColumns, summaryRows } from './export.ts';
import { getFramework } from './frameworks/access.ts';
import { summaryOfSurvey } from './results.ts';
import { breakdownQuery } from './schemas.ts';
import { loadManagedSurvey, loadSummarySurvey, type Survey } from './surveys.ts';
import { ResultsView } from './views/results.tsx';

type C = Context<AppEnv>;

export function resultsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const summaryFor = async (c: C, survey: Survey) => {
    const framework = await getFramework(db, { id: survey.framework_id });
    if (!framework) throw new HttpError(404, 'error.404.message');
    const by = breakdownQuery.parse(c.req.query()).by ?? 'country';
    return { framework, by, summary: await summaryOfSurvey(db, survey, framework, by) };
  };

  const page = async (c: C, survey: Survey, base: string) => {
    const { framework, by, summary } = await summaryFor(c, survey);
    return renderPage(
      c,
      {
        title: c.var.t('skills.resultsOf', { title: survey.title }),
        path: base,
        noindex: base.endsWith('/results'),
      },
      <ResultsView survey={survey} framework={framework} summary={summary} by={by} base={base} />,
    );
  };

  const download = async (c: C, survey: Survey) => {
    const { framework, summary } = await summaryFor(c, survey);
    return spreadsheetDownload(c, summaryColumns, summaryRows(framework, summary), {
      file: `${survey.slug}-summary`,
      sheet: 'Summary',
    });
  };

  app.get('/skills/surveys/:slug/results', async (c) => {
    const survey = await loadManagedSurvey(c);
    return page(c, survey, `/skills/surveys/${survey.slug}/results`);
  });
  app.get('/skills/surveys/:slug/:file{results\\.(csv|xlsx)}', async (c) =>
    download(c, await loadManagedSurvey(c)),
  );

  // The public summary: the same figures, the same suppression, once its owner publishes it.
  app.get('/skills/surveys/:slug/summary', async (c) => {
    const { survey } = await loadSummarySurvey(c);
    return page(c, survey, `/skills/surveys/${survey.slug}/summary`);
  });
  app.get('/skills/surveys/:slug/:file{summary\\.(csv|xlsx)}', async (c) =>
    download(c, (await loadSummarySurvey(c)).survey),
  );

  app.get('/skills/surveys/:slug/:file{answers\\.(csv|xlsx)}', async (c) => {
    const survey = await loadManagedSurvey(c);
    const { columns, rows } = await rawAnswers(db, survey);
    return spreadsheetDownload(c, columns, rows, { file: `${survey.slug}-answers`, sheet: 'Answers' });
  });

  return app;
}
