// One survey as the pages and the API read it, its questions with what each measures, the owners a
// member may start one for, and the loaders that answer 404/403.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type Question, questionsOf } from '../../platform/questionnaires/index.ts';
import { may } from '../../platform/scopes.ts';
import { organisationsOf } from '../directory/index.ts';
import { manageSurvey, ownerScope, summaryIsPublic } from './permissions.ts';
import type { SkillSurveysTable } from './tables.ts';
import type { Measure } from './vocab.ts';

type Db = Kysely<Database>;
export type Survey = Selectable<SkillSurveysTable>;

export const surveyOwner = (survey: { id: number }) => ({ type: 'skills_survey', id: survey.id });

export interface SurveyQuestion extends Question {
  section: number;
  measure: Measure;
  competenceId: number | null;
  field: string | null;
}

export async function getSurvey(db: Db, slug: string): Promise<Survey | undefined> {
  return db.selectFrom('skill_surveys').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The survey's questions in order, each with its section and what it measures. */
export async function surveyQuestions(db: Db, survey: Survey): Promise<SurveyQuestion[]> {
  const [questions, items] = await Promise.all([
    questionsOf(db, surveyOwner(survey)),
    db.selectFrom('skill_survey_items').selectAll().where('survey_id', '=', survey.id).execute(),
  ]);
  const byQuestion = new Map(items.map((i) => [i.question_id, i]));
  return questions.flatMap((q) => {
    const item = byQuestion.get(q.id);
    return item
      ? [
          {
            ...q,
            section: item.section,
            measure: item.measure as Measure,
            competenceId: item.competence_id,
            field: item.field,
          },
        ]
      : [];
  });
}

/** The sections of a survey, in order (0: about the respondent). */
export const sectionsOf = (questions: readonly SurveyQuestion[]): number[] =>
  [...new Set(questions.map((q) => q.section))].sort((a, b) => a - b);

export const mayManage = (deps: AppDeps, user: User | null, survey: Survey): Promise<boolean> =>
  may(deps, user, manageSurvey, ownerScope(survey));

/** The survey of the URL's `:slug`, or 404. */
export async function loadSurvey(c: Context<AppEnv>): Promise<Survey> {
  const survey = await getSurvey(c.var.deps.db, c.req.param('slug') ?? '');
  if (!survey) throw new HttpError(404, 'error.404.message');
  return survey;
}

/** The survey, for its managers: 401 for a visitor, 403 for another member. */
export async function loadManagedSurvey(c: Context<AppEnv>): Promise<Survey> {
  const survey = await loadSurvey(c);
  const user = c.var.auth?.user ?? null;
  if (!user) throw new HttpError(401, 'error.401.message');
  if (!(await mayManage(c.var.deps, user, survey))) throw new HttpError(403, 'error.403.message');
  return survey;
}

/** The survey's summary: its managers, and everyone once it is published. */
export async function loadSummarySurvey(c: Context<AppEnv>): Promise<{ survey: Survey; manager: boolean }> {
  const survey = await loadSurvey(c);
  const user = c.var.auth?.user ?? null;
  const manager = await mayManage(c.var.deps, user, survey);
  if (manager || summaryIsPublic(survey)) return { survey, manager };
  if (!user) throw new HttpError(401, 'error.401.message');
  throw new HttpError(403, 'error.403.message');
}

export interface OwnerOption {
  kind: 'organisation' | 'group';
  id: number;
  name: string;
}

/** The organisations and groups `user` may start a survey for. */
export async function ownerOptions(db: Db, user: User): Promise<OwnerOption[]> {
  const [organisations, groups] = await Promise.all([
    organisationsOf(db, user.id),
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['groups.id', 'groups.name'])
      .where('group_members.user_id', '=', user.id)
      .where('group_members.role', '=', 'coordinator')
      .orderBy('groups.name')
      .execute(),
  ]);
  return [
    ...organisations.map((o) => ({ kind: 'organisation' as const, id: o.id, name: o.name })),
    ...groups.map((g) => ({ kind: 'group' as const, id: g.id, name: g.name })),
  ];
}

/** The name of a survey's owner. */
export async function ownerName(db: Db, survey: Survey): Promise<string> {
  const row =
    survey.owner_kind === 'group'
      ? await db.selectFrom('groups').select('name').where('id', '=', survey.owner_id).executeTakeFirst()
      : await db
          .selectFrom('organisations')
          .select('name')
          .where('id', '=', survey.owner_id)
          .executeTakeFirst();
  return row?.name ?? '';
}

/** The surveys a reader sees on /skills: those they manage, the open ones and the published summaries. */
export async function surveysFor(deps: AppDeps, user: User | null) {
  const rows = await deps.db
    .selectFrom('skill_surveys')
    .select(['id', 'slug', 'title', 'lang', 'status', 'published', 'owner_kind', 'owner_id'])
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  const out: ((typeof rows)[number] & { manager: boolean })[] = [];
  for (const row of rows) {
    const manager = user ? await may(deps, user, manageSurvey, ownerScope(row)) : false;
    if (manager || row.status === 'open' || row.published === 1) out.push({ ...row, manager });
  }
  return out;
}
