// Answering a survey through its secret link, one section per page: a respondent is made when
// someone starts (the link's secret is shown once, in the address, and only its hash is kept);
// each section's answers are checked and saved as the respondent goes (the other sections' answers
// stay as they were), so the link opens where they left off on any device; the last section
// submits, once every required answer is there. Burmese typed in Zawgyi is stored in Unicode.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type ActionContext, transact } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type FieldErrors, type FormValues, fieldErrors } from '../../platform/http/forms.ts';
import {
  type Answers,
  answerFormValues,
  answerName,
  answersSchema,
  responseOf,
  saveResponse,
} from '../../platform/questionnaires/index.ts';
import { randomToken, sha256 } from '../../platform/security-tokens.ts';
import { nowIso } from '../../platform/time.ts';
import { cleanText } from '../../search/normalize.ts';
import { isAnswerable } from './permissions.ts';
import {
  getSurvey,
  type Survey,
  type SurveyQuestion,
  sectionsOf,
  surveyOwner,
  surveyQuestions,
} from './surveys.ts';
import type { SkillRespondentsTable } from './tables.ts';

type Db = Kysely<Database>;
export type Respondent = Selectable<SkillRespondentsTable>;

/** A new respondent of an open survey; the secret of their link (never stored). */
export async function startResponse(ctx: ActionContext, survey: Survey): Promise<string> {
  if (!isAnswerable(survey)) throw new HttpError(409, 'skills.notOpen');
  const token = randomToken(24);
  const now = nowIso();
  await transact(ctx, (trx) =>
    trx
      .insertInto('skill_respondents')
      .values({
        survey_id: survey.id,
        token_hash: sha256(token),
        user_id: ctx.user?.id ?? null,
        section: 0,
        created_at: now,
        updated_at: now,
      })
      .execute(),
  );
  return token;
}

export interface Answering {
  survey: Survey;
  respondent: Respondent;
  questions: SurveyQuestion[];
  sections: number[];
  answers: Answers;
  submitted: boolean;
}

/** The respondent of the URL's `:token`, their survey, its questions and their answers so far; else 404. */
export async function loadAnswering(c: Context<AppEnv>): Promise<Answering> {
  const db = c.var.deps.db;
  const token = c.req.param('token') ?? '';
  const respondent = /^[A-Za-z0-9_-]{20,64}$/.test(token)
    ? await db
        .selectFrom('skill_respondents')
        .selectAll()
        .where('token_hash', '=', sha256(token))
        .executeTakeFirst()
    : undefined;
  const survey =
    respondent &&
    (await db
      .selectFrom('skill_surveys')
      .selectAll()
      .where('id', '=', respondent.survey_id)
      .executeTakeFirst());
  if (!respondent || !survey) throw new HttpError(404, 'error.404.message');
  return { ...(await answeringOf(db, survey, respondent)) };
}

async function answeringOf(db: Db, survey: Survey, respondent: Respondent): Promise<Answering> {
  const questions = await surveyQuestions(db, survey);
  const response = await responseOf(db, surveyOwner(survey), respondent.id);
  return {
    survey,
    respondent,
    questions,
    sections: sectionsOf(questions),
    answers: response?.answers ?? {},
    submitted: response?.status === 'submitted',
  };
}

/** Text answers as stored: cleaned, Burmese converted from Zawgyi where it was typed so. */
function cleaned(values: FormValues): FormValues {
  const out: FormValues = {};
  for (const [name, value] of Object.entries(values))
    out[name] = Array.isArray(value) ? value.map(cleanText) : cleanText(value);
  return out;
}

export type SectionResult = { ok: true; submitted: boolean } | { ok: false; errors: FieldErrors };

/**
 * Saves one section's answers (checked; the other sections' stay). On the last section, with
 * `submit`, the response is submitted when every required answer of every section is there.
 */
export async function saveSection(
  ctx: ActionContext,
  answering: Answering,
  section: number,
  posted: FormValues,
  submit: boolean,
): Promise<SectionResult> {
  const { questions, respondent } = answering;
  // The survey as it is now: it may have been closed since the page was opened.
  const survey = await getSurvey(ctx.deps.db, answering.survey.slug);
  if (!survey || !isAnswerable(survey)) throw new HttpError(409, 'skills.closedSurvey');
  const here = new Set(questions.filter((q) => q.section === section).map((q) => answerName(q)));
  const values: FormValues = answerFormValues(questions, answering.answers);
  for (const name of here) delete values[name];
  const sent = cleaned(posted);
  for (const name of here) if (sent[name] !== undefined) values[name] = sent[name];
  // Required answers of other sections are asked on their own pages.
  const loose = questions.map((q) => (q.section === section ? q : { ...q, required: false }));
  const result = answersSchema(loose).safeParse(values);
  if (!result.success) {
    const errors = fieldErrors(result.error.issues.filter((i) => here.has(String(i.path[0]))));
    if (Object.keys(errors).length > 0) return { ok: false, errors };
  }
  const answers = result.success ? result.data : answering.answers;
  let submitted = false;
  if (submit) {
    const complete = answersSchema(questions).safeParse(answerFormValues(questions, answers));
    if (!complete.success) return { ok: false, errors: { _form: 'skills.incomplete' } };
    submitted = true;
  }
  await transact(ctx, async (trx) => {
    await saveResponse(trx, surveyOwner(survey), { id: respondent.id, userId: respondent.user_id }, answers, {
      status: submitted ? 'submitted' : 'draft',
    });
    await trx
      .updateTable('skill_respondents')
      .set({ section: Math.max(respondent.section, section), updated_at: nowIso() })
      .where('id', '=', respondent.id)
      .execute();
  });
  return { ok: true, submitted };
}
