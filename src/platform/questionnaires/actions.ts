// Every change to a questionnaire's questions, for every owner alike: adding, changing, moving and
// deleting a question, each with the owner's permission (ensure), in one transaction with the
// owner's audit entry. Answers given stay valid: an answered question keeps its kind and every
// choice someone chose, and is hidden rather than deleted; a choice or question another question's
// condition names stays too.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, type AuditEntry, audit, ensure, transact } from '../actions.ts';
import { HttpError } from '../http/errors.ts';
import type { MessageKey } from '../i18n.ts';
import { nowIso } from '../time.ts';
import type { AnswerNaming } from './answers.ts';
import { ensureQuestionnaire, type Question, type QuestionnaireOwnerRef, questionsOf } from './questions.ts';
import { answeredQuestions } from './responses.ts';
import type { QuestionInput } from './schemas.ts';
import { CHOICE_KINDS, CONDITION_KINDS, MAX_QUESTIONS, type QuestionKind } from './vocab.ts';

type Db = Kysely<Database>;

export type QuestionChange =
  | { what: 'added' | 'changed' | 'deleted'; question: Pick<Question, 'id' | 'label' | 'kind'> }
  | { what: 'moved'; question: Pick<Question, 'id' | 'label' | 'kind'>; direction: 'up' | 'down' };

/** An owner's questionnaire as the builder and the actions need it: what it offers, who may change it. */
export interface QuestionnaireOwner extends QuestionnaireOwnerRef, AnswerNaming {
  /** The kinds of question offered, the first the default. */
  kinds: readonly [QuestionKind, ...QuestionKind[]];
  /** At most this many questions (MAX_QUESTIONS unless fewer). */
  maxQuestions?: number;
  /** Who may change the questions; the platform acting on its own (seed, cli) may. */
  mayEdit: (user: User) => boolean;
  /** The owner's audit entry of a change. */
  audit: (change: QuestionChange) => AuditEntry;
}

/** A refusal of a change that would break what is stored (409), its message next to `field`. */
const conflict = (field: string, key: MessageKey) =>
  new HttpError(409, key, undefined, undefined, { [field]: key });

/** The values a condition on `source` may name: its choices, or yes and no. */
const answersOf = (source: Question) => (source.kind === 'yes_no' ? ['yes', 'no'] : source.choices);

/** The condition's question must be asked before this one and be answered with known values. */
function checkCondition(input: QuestionInput, earlier: Question[]): void {
  if (!input.condition) return;
  const { question, values } = input.condition;
  const source = earlier.find((q) => q.id === question);
  if (!source || !CONDITION_KINDS.has(source.kind) || !values.every((v) => answersOf(source).includes(v)))
    throw HttpError.invalid({ condition: 'questionnaire.badCondition' });
}

function rowValues(input: QuestionInput) {
  return {
    kind: input.kind,
    label: input.label,
    help: input.help,
    required: input.required ? 1 : 0,
    hidden: input.hidden ? 1 : 0,
    choices: JSON.stringify(input.options),
    show_if_question: input.condition?.question ?? null,
    show_if_values: JSON.stringify(input.condition?.values ?? []),
    updated_at: nowIso(),
  };
}

async function writeTranslations(trx: Db, questionId: number, input: QuestionInput): Promise<void> {
  await trx.deleteFrom('questionnaire_question_translations').where('question_id', '=', questionId).execute();
  if (input.translations.length)
    await trx
      .insertInto('questionnaire_question_translations')
      .values(
        input.translations.map((tr) => ({
          question_id: questionId,
          lang: tr.lang,
          label: tr.label,
          help: tr.help,
          choices: JSON.stringify(tr.options),
        })),
      )
      .execute();
}

/** The question of the owner's questionnaire with this id, or 404. */
export async function loadQuestion(db: Db, owner: QuestionnaireOwnerRef, id: number): Promise<Question> {
  const question = Number.isSafeInteger(id)
    ? (await questionsOf(db, owner)).find((q) => q.id === id)
    : undefined;
  if (!question) throw new HttpError(404, 'error.404.message');
  return question;
}

export async function addQuestion(
  ctx: ActionContext,
  owner: QuestionnaireOwner,
  input: QuestionInput,
): Promise<number> {
  ensure(ctx, owner.mayEdit);
  const questions = await questionsOf(ctx.deps.db, owner);
  const max = owner.maxQuestions ?? MAX_QUESTIONS;
  if (questions.length >= max) throw HttpError.invalid({ _form: 'questionnaire.tooManyQuestions' }, { max });
  checkCondition(input, questions);
  return transact(ctx, async (trx) => {
    const questionnaireId = await ensureQuestionnaire(trx, owner);
    const position = Math.max(-1, ...questions.map((q) => q.position)) + 1;
    const { id } = await trx
      .insertInto('questionnaire_questions')
      .values({ ...rowValues(input), questionnaire_id: questionnaireId, position, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTranslations(trx, id, input);
    await audit(
      trx,
      ctx,
      owner.audit({ what: 'added', question: { id, label: input.label, kind: input.kind } }),
    );
    return id;
  });
}

export async function updateQuestion(
  ctx: ActionContext,
  owner: QuestionnaireOwner,
  question: Question,
  input: QuestionInput,
): Promise<void> {
  ensure(ctx, owner.mayEdit);
  const db = ctx.deps.db;
  const [questions, answered] = await Promise.all([questionsOf(db, owner), answeredQuestions(db, owner)]);
  const chosen = answered.get(question.id);
  if (chosen && input.kind !== question.kind) throw conflict('kind', 'questionnaire.kindFixed');
  // Renaming a choice someone chose would leave their answer pointing at nothing.
  if (CHOICE_KINDS.has(question.kind) && [...(chosen ?? [])].some((c) => !input.options.includes(c)))
    throw conflict('options', 'questionnaire.choiceChosen');
  const named = questions.flatMap((q) => (q.condition?.question === question.id ? q.condition.values : []));
  if (named.some((v) => !(input.kind === 'yes_no' ? ['yes', 'no'] : input.options).includes(v)))
    throw conflict('options', 'questionnaire.choiceInCondition');
  if (input.condition?.question === question.id)
    throw HttpError.invalid({ condition: 'questionnaire.badCondition' });
  checkCondition(
    input,
    questions.filter(
      (q) => q.position < question.position || (q.position === question.position && q.id < question.id),
    ),
  );
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('questionnaire_questions')
      .set(rowValues(input))
      .where('id', '=', question.id)
      .execute();
    await writeTranslations(trx, question.id, input);
    await audit(trx, ctx, owner.audit({ what: 'changed', question }));
  });
}

export async function deleteQuestion(
  ctx: ActionContext,
  owner: QuestionnaireOwner,
  question: Question,
): Promise<void> {
  ensure(ctx, owner.mayEdit);
  const db = ctx.deps.db;
  const [questions, answered] = await Promise.all([questionsOf(db, owner), answeredQuestions(db, owner)]);
  // The answers would go with it: an answered question is hidden instead.
  if (answered.has(question.id)) throw conflict('_form', 'questionnaire.answeredQuestion');
  if (questions.some((q) => q.condition?.question === question.id))
    throw conflict('_form', 'questionnaire.conditionSource');
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('questionnaire_questions').where('id', '=', question.id).execute();
    await audit(trx, ctx, owner.audit({ what: 'deleted', question }));
  });
}

/** Swaps a question with its neighbour; positions are renumbered 0…n-1 on the way. */
export async function moveQuestion(
  ctx: ActionContext,
  owner: QuestionnaireOwner,
  question: Question,
  direction: 'up' | 'down',
): Promise<void> {
  ensure(ctx, owner.mayEdit);
  await transact(ctx, async (trx) => {
    const order = (await questionsOf(trx, owner)).map((q) => q.id);
    const at = order.indexOf(question.id);
    const to = direction === 'up' ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= order.length) return;
    [order[at], order[to]] = [order[to] as number, order[at] as number];
    for (const [position, id] of order.entries())
      await trx.updateTable('questionnaire_questions').set({ position }).where('id', '=', id).execute();
    await audit(trx, ctx, owner.audit({ what: 'moved', question, direction }));
  });
}
