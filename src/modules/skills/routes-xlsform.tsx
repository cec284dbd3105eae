// XLSForm in and out: /skills/surveys/import makes a draft survey of an XLSForm file and lists what
// did not carry over; /skills/surveys/<slug>/xlsform.xlsx is a survey as an XLSForm (its managers).
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { attachment } from '../../platform/http/download.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { attempt, type FormValues, validateForm } from '../../platform/http/forms.ts';
import { XLSX_TYPE } from '../../platform/spreadsheets.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { getFramework, listFrameworks } from './frameworks/access.ts';
import { canStartSurvey } from './permissions.ts';
import { surveyObject } from './schemas.ts';
import { loadManagedSurvey, ownerOptions } from './surveys.ts';
import { XlsFormImportView, XlsFormResultView } from './views/xlsform.tsx';
import { exportXlsForm, importXlsForm, MAX_XLSFORM_BYTES } from './xlsform/import.ts';

type C = Context<AppEnv>;

const importInput = surveyObject
  .pick({ owner: true, framework: true })
  .extend({ title: z.string().trim().max(200).default('') });

export function xlsformPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  const showForm = async (c: C, state: FormState, status: 200 | 413 | 415 | 422 = 200) =>
    renderPage(
      c,
      { title: c.var.t('skills.xlsform.import'), noindex: true },
      <XlsFormImportView
        state={state}
        owners={await ownerOptions(db, actingUser(actionContext(c)))}
        frameworks={await listFrameworks(db)}
      />,
      status,
    );

  app.get('/skills/surveys/import', (c) => {
    ensure(actionContext(c), canStartSurvey);
    return showForm(c, { values: { framework: 'digcomp-2-2-creative' } });
  });

  app.post('/skills/surveys/import', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canStartSurvey);
    const body = await c.req.parseBody();
    const values: FormValues = {};
    for (const key of ['owner', 'framework', 'title'])
      if (typeof body[key] === 'string') values[key] = body[key] as string;
    const form = validateForm(importInput, values);
    if (!form.ok) return showForm(c, { values, errors: form.errors }, 422);
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return showForm(c, { values, errors: { file: 'skills.xlsform.chooseFile' } }, 422);
    if (file.size > MAX_XLSFORM_BYTES)
      return showForm(c, { values, errors: { file: 'skills.xlsform.tooBig' } }, 413);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const done = await attempt(() => importXlsForm(ctx, form.data, bytes));
    if (!done.ok) return showForm(c, { values, errors: done.errors }, 422);
    return renderPage(
      c,
      { title: c.var.t('skills.xlsform.imported'), noindex: true },
      <XlsFormResultView survey={done.value.survey} problems={done.value.problems} />,
    );
  });

  app.get('/skills/surveys/:slug/xlsform.xlsx', async (c) => {
    const survey = await loadManagedSurvey(c);
    const framework = await getFramework(db, { id: survey.framework_id });
    if (!framework) throw new HttpError(404, 'error.404.message');
    return attachment(
      c,
      await exportXlsForm(actionContext(c), survey, framework),
      XLSX_TYPE,
      `${survey.slug}-xlsform.xlsx`,
    );
  });

  return app;
}
