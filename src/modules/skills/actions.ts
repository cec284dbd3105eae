// Every write of a survey: starting one (with its questions), opening and closing it, publishing
// its summary. Each checks who may, runs in one transaction and leaves an audit entry.

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type ActionContext, actingUser, audit, ensure, transact } from '../../platform/actions.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { may } from '../../platform/scopes.ts';
import { slugFrom, uniqueSlug } from '../../platform/slugs.ts';
import { nowIso } from '../../platform/time.ts';
import { type Framework, getFramework } from './frameworks/access.ts';
import { canStartSurvey, isEditable, manageSurvey, ownerScope } from './permissions.ts';
import type { SurveyInput } from './schemas.ts';
import { writeSurveyQuestions } from './survey-questions.ts';
import { getSurvey, mayManage, type Survey } from './surveys.ts';

/** Writes a new survey's questions (the framework's by default; an XLSForm's on import). */
export type QuestionWriter = (trx: Kysely<Database>, survey: Survey, framework: Framework) => Promise<void>;

export async function createSurvey(
  ctx: ActionContext,
  input: SurveyInput,
  write: QuestionWriter = (trx, survey, framework) =>
    writeSurveyQuestions(trx, survey, framework, input.countries),
): Promise<Survey> {
  const user = ensure(ctx, canStartSurvey);
  const [kind, id] = input.owner.split(':') as ['organisation' | 'group', string];
  const owner = { owner_kind: kind, owner_id: Number(id) };
  if (user && !(await may(ctx.deps, user, manageSurvey, ownerScope(owner))))
    throw HttpError.invalid({ owner: 'skills.unknownOwner' });
  const framework = await getFramework(ctx.deps.db, { slug: input.framework });
  if (!framework) throw HttpError.invalid({ framework: 'skills.unknownFramework' });
  const slug = await uniqueSlug(
    slugFrom(input.title, 'survey'),
    async (s) => !!(await getSurvey(ctx.trx ?? ctx.deps.db, s)),
    new Set(['new']),
  );
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const survey = await trx
      .insertInto('skill_surveys')
      .values({
        slug,
        title: input.title,
        lang: input.lang,
        intro: input.intro,
        framework_id: framework.id,
        ...owner,
        status: 'draft',
        published: 0,
        countries: JSON.stringify(input.countries),
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await write(trx, survey, framework);
    await audit(trx, ctx, {
      action: 'skills.surveyCreated',
      subjectType: 'skill_survey',
      subjectId: survey.id,
      details: { title: survey.title, framework: framework.slug },
    });
    return survey;
  });
}

/** Only the survey's managers change it; a visitor is asked to sign in. */
export async function ensureMayManage(ctx: ActionContext, survey: Survey): Promise<void> {
  if (ctx.via === 'seed' || ctx.via === 'cli' || ctx.via === 'job') return;
  const user = actingUser(ctx);
  if (!(await mayManage(ctx.deps, user, survey))) throw new HttpError(403, 'error.403.message');
}

/** Opens a draft, or closes an open survey. A closed survey stays closed: it is the record of what was said. */
export async function setSurveyStatus(
  ctx: ActionContext,
  survey: Survey,
  status: 'open' | 'closed',
): Promise<void> {
  await ensureMayManage(ctx, survey);
  if (!isEditable(survey)) throw new HttpError(409, 'skills.closedSurvey');
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('skill_surveys')
      .set({ status, updated_at: nowIso() })
      .where('id', '=', survey.id)
      .execute();
    await audit(trx, ctx, {
      action: `skills.survey.${status}`,
      subjectType: 'skill_survey',
      subjectId: survey.id,
    });
  });
}

/** Makes the survey's summary public (its cells of enough respondents), or private again. */
export async function setPublished(ctx: ActionContext, survey: Survey, published: boolean): Promise<void> {
  await ensureMayManage(ctx, survey);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('skill_surveys')
      .set({ published: published ? 1 : 0, updated_at: nowIso() })
      .where('id', '=', survey.id)
      .execute();
    await audit(trx, ctx, {
      action: published ? 'skills.surveyPublished' : 'skills.surveyUnpublished',
      subjectType: 'skill_survey',
      subjectId: survey.id,
    });
  });
}
