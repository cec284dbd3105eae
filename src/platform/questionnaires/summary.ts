// What the submitted responses of a questionnaire say, question by question: how many answered,
// the average of ratings and numbers, how often each choice (or each rating, yes and no) was
// given, and the texts, newest first. Counted in SQL by question and value; drafts do not count.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Question } from './questions.ts';
import { type QuestionnaireOwnerRef, questionnaireIdOf } from './questions.ts';
import { RATING_MAX, RATING_MIN } from './vocab.ts';

type Db = Kysely<Database>;

export interface QuestionSummary {
  question: Question;
  answered: number;
  /** Ratings and numbers: the mean of the answers; null when none. */
  average: number | null;
  /** Ratings: answers per value; choices and yes/no: answers per choice, in the question's order. */
  counts: { value: string; count: number }[];
  /** Texts (and dates): the answers, newest first, at most TEXTS_SHOWN. */
  texts: string[];
}

export interface QuestionnaireSummary {
  responses: number;
  questions: QuestionSummary[];
}

export const TEXTS_SHOWN = 500;
const COUNTED = new Set(['rating', 'single_choice', 'multiple_choice', 'yes_no', 'number']);
const TEXTS = new Set(['text', 'long_text', 'date']);

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export async function summaryOf(
  db: Db,
  owner: QuestionnaireOwnerRef,
  questions: readonly Question[],
): Promise<QuestionnaireSummary> {
  const questionnaireId = (await questionnaireIdOf(db, owner)) ?? -1;
  const answers = () =>
    db
      .selectFrom('questionnaire_answers as a')
      .innerJoin('questionnaire_responses as r', 'r.id', 'a.response_id')
      .where('r.questionnaire_id', '=', questionnaireId)
      .where('r.status', '=', 'submitted');
  const counted = questions.filter((q) => COUNTED.has(q.kind)).map((q) => q.id);
  const texted = questions.filter((q) => TEXTS.has(q.kind)).map((q) => q.id);
  const [responses, grouped, texts, others] = await Promise.all([
    db
      .selectFrom('questionnaire_responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('questionnaire_id', '=', questionnaireId)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow(),
    counted.length
      ? answers()
          .select((eb) => ['a.question_id', 'a.value', eb.fn.countAll<number>().as('n')])
          .where('a.question_id', 'in', counted)
          .groupBy(['a.question_id', 'a.value'])
          .execute()
      : [],
    texted.length
      ? answers()
          .select(['a.question_id', 'a.value'])
          .where('a.question_id', 'in', texted)
          .orderBy('r.submitted_at', 'desc')
          .orderBy('r.id', 'desc')
          .limit(TEXTS_SHOWN * texted.length)
          .execute()
      : [],
    answers()
      .select((eb) => ['a.question_id', eb.fn.countAll<number>().as('n')])
      .groupBy('a.question_id')
      .execute(),
  ]);
  return {
    responses: Number(responses.n),
    questions: questions.map((question) => {
      const summary: QuestionSummary = { question, answered: 0, average: null, counts: [], texts: [] };
      if (TEXTS.has(question.kind)) {
        summary.texts = texts
          .filter((r) => r.question_id === question.id)
          .map((r) => parsed(r.value))
          .filter((v): v is string => typeof v === 'string' && v.trim() !== '');
        summary.answered = summary.texts.length;
        summary.texts = summary.texts.slice(0, TEXTS_SHOWN);
        return summary;
      }
      if (!COUNTED.has(question.kind)) {
        summary.answered = Number(others.find((r) => r.question_id === question.id)?.n ?? 0);
        return summary;
      }
      const tally = new Map<string, number>();
      let sum = 0;
      let numbers = 0;
      for (const row of grouped.filter((r) => r.question_id === question.id)) {
        const n = Number(row.n);
        const value = parsed(row.value);
        summary.answered += n;
        if (typeof value === 'number') {
          sum += value * n;
          numbers += n;
        }
        const keys = Array.isArray(value) ? value : [value === true ? 'yes' : value === false ? 'no' : value];
        for (const key of keys) tally.set(String(key), (tally.get(String(key)) ?? 0) + n);
      }
      if (question.kind === 'rating' || question.kind === 'number')
        summary.average = numbers ? sum / numbers : null;
      const values =
        question.kind === 'rating'
          ? Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => String(RATING_MIN + i))
          : question.kind === 'yes_no'
            ? ['yes', 'no']
            : question.choices;
      if (question.kind !== 'number')
        summary.counts = values.map((value) => ({ value, count: tally.get(value) ?? 0 }));
      return summary;
    }),
  };
}
