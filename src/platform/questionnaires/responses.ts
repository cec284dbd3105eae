// Responses: one per respondent of a questionnaire (the owner says who a respondent is), a draft
// until submitted, its answers one row per question with the value as JSON. Written in the
// caller's transaction; read one at a time, for a list of respondents, and summed up per question.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../time.ts';
import type { Answers, AnswerValue } from './answers.ts';
import { ensureQuestionnaire, type QuestionnaireOwnerRef, questionnaireIdOf } from './questions.ts';

type Db = Kysely<Database>;
export type ResponseStatus = 'draft' | 'submitted';

export interface QuestionnaireResponse {
  id: number;
  respondentId: number;
  status: ResponseStatus;
  submittedAt: string | null;
  updatedAt: string;
  answers: Answers;
}

function parseValue(text: string): AnswerValue | undefined {
  try {
    return JSON.parse(text) as AnswerValue;
  } catch {
    return undefined;
  }
}

/** The answers of each response, by response id. */
async function answersByResponse(db: Db, responseIds: number[]): Promise<Map<number, Answers>> {
  const out = new Map<number, Answers>(responseIds.map((id) => [id, {}]));
  if (responseIds.length === 0) return out;
  const rows = await db
    .selectFrom('questionnaire_answers')
    .select(['response_id', 'question_id', 'value'])
    .where('response_id', 'in', responseIds)
    .execute();
  for (const row of rows) {
    const value = parseValue(row.value);
    const answers = out.get(row.response_id);
    if (answers && value !== undefined) answers[String(row.question_id)] = value;
  }
  return out;
}

/** The responses of these respondents (all of them when `respondentIds` is omitted), by respondent. */
export async function responsesOf(
  db: Db,
  owner: QuestionnaireOwnerRef,
  respondentIds?: readonly number[],
): Promise<Map<number, QuestionnaireResponse>> {
  const out = new Map<number, QuestionnaireResponse>();
  const questionnaireId = await questionnaireIdOf(db, owner);
  if (questionnaireId === undefined || respondentIds?.length === 0) return out;
  let query = db
    .selectFrom('questionnaire_responses')
    .select(['id', 'respondent_id', 'status', 'submitted_at', 'updated_at'])
    .where('questionnaire_id', '=', questionnaireId);
  if (respondentIds) query = query.where('respondent_id', 'in', [...respondentIds]);
  const rows = await query.execute();
  const answers = await answersByResponse(
    db,
    rows.map((r) => r.id),
  );
  for (const row of rows)
    out.set(row.respondent_id, {
      id: row.id,
      respondentId: row.respondent_id,
      status: row.status,
      submittedAt: row.submitted_at,
      updatedAt: row.updated_at,
      answers: answers.get(row.id) ?? {},
    });
  return out;
}

export async function responseOf(
  db: Db,
  owner: QuestionnaireOwnerRef,
  respondentId: number,
): Promise<QuestionnaireResponse | undefined> {
  return (await responsesOf(db, owner, [respondentId])).get(respondentId);
}

/** Whether the respondent has a response (a submitted one, with `submitted`). */
export async function hasResponded(
  db: Db,
  owner: QuestionnaireOwnerRef,
  respondentId: number,
  submitted = false,
): Promise<boolean> {
  let query = db
    .selectFrom('questionnaire_responses')
    .innerJoin('questionnaires', 'questionnaires.id', 'questionnaire_responses.questionnaire_id')
    .select('questionnaire_responses.id')
    .where('questionnaires.owner_type', '=', owner.type)
    .where('questionnaires.owner_id', '=', owner.id)
    .where('questionnaire_responses.respondent_id', '=', respondentId);
  if (submitted) query = query.where('questionnaire_responses.status', '=', 'submitted');
  return !!(await query.executeTakeFirst());
}

export interface Respondent {
  id: number;
  /** The account answering, when the owner keeps it (its deletion then takes the response). */
  userId?: number | null;
}

/**
 * Writes the respondent's response with these answers (replacing those it had) as a draft or
 * submitted. With `once`, a response that exists already is not replaced: the insert fails on the
 * unique respondent (isUniqueViolation), also when two arrive at the same moment.
 */
export async function saveResponse(
  trx: Db,
  owner: QuestionnaireOwnerRef,
  respondent: Respondent,
  answers: Answers,
  options: { status: ResponseStatus; once?: boolean },
): Promise<number> {
  const questionnaireId = await ensureQuestionnaire(trx, owner);
  const now = nowIso();
  const existing = options.once
    ? undefined
    : await trx
        .selectFrom('questionnaire_responses')
        .select(['id', 'submitted_at'])
        .where('questionnaire_id', '=', questionnaireId)
        .where('respondent_id', '=', respondent.id)
        .executeTakeFirst();
  const submittedAt = options.status === 'submitted' ? now : null;
  let id: number;
  if (existing) {
    id = existing.id;
    await trx
      .updateTable('questionnaire_responses')
      .set({ status: options.status, submitted_at: submittedAt, updated_at: now })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('questionnaire_answers').where('response_id', '=', id).execute();
  } else {
    id = (
      await trx
        .insertInto('questionnaire_responses')
        .values({
          questionnaire_id: questionnaireId,
          respondent_id: respondent.id,
          user_id: respondent.userId ?? null,
          status: options.status,
          submitted_at: submittedAt,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const rows = Object.entries(answers).map(([questionId, value]) => ({
    response_id: id,
    question_id: Number(questionId),
    value: JSON.stringify(value),
  }));
  if (rows.length) await trx.insertInto('questionnaire_answers').values(rows).execute();
  return id;
}

/** Marks the respondent's response submitted (or back to a draft) without touching its answers. */
export async function setResponseStatus(
  trx: Db,
  owner: QuestionnaireOwnerRef,
  respondentId: number,
  status: ResponseStatus,
): Promise<void> {
  const questionnaireId = await questionnaireIdOf(trx, owner);
  if (questionnaireId === undefined) return;
  const now = nowIso();
  await trx
    .updateTable('questionnaire_responses')
    .set({ status, submitted_at: status === 'submitted' ? now : null, updated_at: now })
    .where('questionnaire_id', '=', questionnaireId)
    .where('respondent_id', '=', respondentId)
    .execute();
}

/**
 * The questions someone has answered (drafts included) and, for each, the values given (the
 * choices of a choice question): answered questions are hidden rather than deleted, and keep
 * their kind and every choice someone chose.
 */
export async function answeredQuestions(
  db: Db,
  owner: QuestionnaireOwnerRef,
): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  const questionnaireId = await questionnaireIdOf(db, owner);
  if (questionnaireId === undefined) return out;
  const rows = await db
    .selectFrom('questionnaire_answers')
    .innerJoin('questionnaire_responses', 'questionnaire_responses.id', 'questionnaire_answers.response_id')
    .select(['questionnaire_answers.question_id', 'questionnaire_answers.value'])
    .distinct()
    .where('questionnaire_responses.questionnaire_id', '=', questionnaireId)
    .execute();
  for (const row of rows) {
    const values = out.get(row.question_id) ?? new Set<string>();
    const value = parseValue(row.value);
    for (const v of Array.isArray(value) ? value : typeof value === 'string' ? [value] : []) values.add(v);
    out.set(row.question_id, values);
  }
  return out;
}
