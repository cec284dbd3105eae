// The skills pages, top to bottom as the list of their URLs: the home, a new survey, a survey's
// page, opening and closing it, publishing its summary, and starting to answer. The frameworks'
// pages are in routes-frameworks.tsx, answering in routes-answer.tsx, results in routes-results.tsx.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { attempt, readForm } from '../../platform/http/forms.ts';
import type { FormState } from '../../ui/components/form.tsx';
import { renderPage } from '../../ui/render.tsx';
import { createSurvey, setPublished, setSurveyStatus } from './actions.ts';
import { startResponse } from './answering.ts';
import { listFrameworks } from './frameworks/access.ts';
import { invitableGroups, inviteGroup } from './invitations.ts';
import { canStartSurvey } from './permissions.ts';
import { inviteInput, publishInput, surveyObject, surveyStatusInput } from './schemas.ts';
import { loadManagedSurvey, loadSurvey, mayManage, ownerName, ownerOptions, surveysFor } from './surveys.ts';
import { SkillsHomeView, SurveyFormView, SurveyView } from './views/survey.tsx';

type C = Context<AppEnv>;

export function skillsPages(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/skills', async (c) => {
    const user = c.var.auth?.user ?? null;
    const [frameworks, surveys] = await Promise.all([listFrameworks(db), surveysFor(deps, user)]);
    return renderPage(
      c,
      { title: c.var.t('skills.title'), description: c.var.t('skills.intro'), path: '/skills' },
      <SkillsHomeView frameworks={frameworks} surveys={surveys} canStart={canStartSurvey(user)} />,
    );
  });

  const showForm = async (c: C, state: FormState, status: ContentfulStatusCode = 200) =>
    renderPage(
      c,
      { title: c.var.t('skills.newSurvey'), noindex: true },
      <SurveyFormView
        state={state}
        owners={await ownerOptions(db, actingUser(actionContext(c)))}
        frameworks={await listFrameworks(db)}
      />,
      status,
    );

  app.get('/skills/surveys/new', (c) => {
    ensure(actionContext(c), canStartSurvey);
    return showForm(c, { values: { lang: c.var.locale, framework: 'digcomp-2-2-creative' } });
  });

  app.post('/skills/surveys/new', async (c) => {
    const ctx = actionContext(c);
    ensure(ctx, canStartSurvey);
    const form = await readForm(c, surveyObject);
    if (!form.ok) return showForm(c, { values: form.values, errors: form.errors }, 422);
    const done = await attempt(() => createSurvey(ctx, form.data));
    if (!done.ok) return showForm(c, { values: form.values, errors: done.errors }, 422);
    setFlash(c, 'skills.created');
    return c.redirect(`/skills/surveys/${done.value.slug}`, 303);
  });

  app.get('/skills/surveys/:slug', async (c) => {
    const survey = await loadSurvey(c);
    const user = c.var.auth?.user ?? null;
    const manager = await mayManage(deps, user, survey);
    // A draft is its managers' work in progress.
    if (!manager && survey.status === 'draft') return c.notFound();
    const counts = await db
      .selectFrom('questionnaire_responses')
      .innerJoin('skill_respondents', 'skill_respondents.id', 'questionnaire_responses.respondent_id')
      .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_responses.questionnaire_id')
      .select(['questionnaire_responses.status'])
      .where('questionnaires.owner_type', '=', 'skills_survey')
      .where('questionnaires.owner_id', '=', survey.id)
      .execute();
    return renderPage(
      c,
      {
        title: survey.title,
        description: survey.intro.slice(0, 200),
        path: `/skills/surveys/${survey.slug}`,
        noindex: survey.status === 'draft',
      },
      <SurveyView
        survey={survey}
        owner={await ownerName(db, survey)}
        manager={manager}
        counts={{ started: counts.length, submitted: counts.filter((r) => r.status === 'submitted').length }}
        groups={manager && user ? await invitableGroups(db, survey, user.id) : []}
        link={`${deps.config.baseUrl}/skills/surveys/${survey.slug}`}
      />,
    );
  });

  app.post('/skills/surveys/:slug/status', async (c) => {
    const survey = await loadManagedSurvey(c);
    const form = await readForm(c, surveyStatusInput);
    if (!form.ok) return c.redirect(`/skills/surveys/${survey.slug}`, 303);
    await setSurveyStatus(actionContext(c), survey, form.data.status);
    setFlash(c, 'skills.saved');
    return c.redirect(`/skills/surveys/${survey.slug}`, 303);
  });

  app.post('/skills/surveys/:slug/publish', async (c) => {
    const survey = await loadManagedSurvey(c);
    const form = await readForm(c, publishInput);
    await setPublished(actionContext(c), survey, form.ok ? form.data.published : false);
    setFlash(c, 'skills.saved');
    return c.redirect(`/skills/surveys/${survey.slug}`, 303);
  });

  app.post('/skills/surveys/:slug/invite', async (c) => {
    const survey = await loadManagedSurvey(c);
    const form = await readForm(c, inviteInput);
    if (!form.ok) throw new HttpError(422, 'skills.unknownGroup');
    const invited = await inviteGroup(actionContext(c), survey, form.data.group);
    setFlash(c, 'skills.invitedFlash', { count: invited });
    return c.redirect(`/skills/surveys/${survey.slug}`, 303);
  });

  app.post('/skills/surveys/:slug/start', async (c) => {
    const survey = await loadSurvey(c);
    const token = await startResponse(actionContext(c), survey);
    return c.redirect(`/skills/r/${token}`, 303);
  });

  return app;
}
