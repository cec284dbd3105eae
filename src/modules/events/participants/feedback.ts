// The participants' feedback: the organisers' questions (a rating from 1 to 5, a choice, a text),
// one response per participant, and the summary of the answers — counts, averages and the texts —
// aggregated in SQL. Writes run in the caller's transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';
import type { Answer, Question, QuestionInput } from './schemas.ts';
import { RATING_MAX, RATING_MIN } from './vocab.ts';

type Db = Kysely<Database>;

function parseChoices(text: string): string[] {
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  } catch {
    return [];
  }
}

export async function questionsOf(db: Db, eventId: number): Promise<Question[]> {
  const rows = await db
    .selectFrom('event_feedback_questions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    label: r.label,
    choices: parseChoices(r.choices),
    required: r.required === 1,
  }));
}

export async function addQuestion(db: Db, eventId: number, input: QuestionInput, position: number) {
  return db
    .insertInto('event_feedback_questions')
    .values({
      event_id: eventId,
      position,
      kind: input.kind,
      label: input.label,
      choices: JSON.stringify(input.choices),
      required: input.required ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteQuestion(db: Db, eventId: number, questionId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('event_feedback_questions')
    .where('event_id', '=', eventId)
    .where('id', '=', questionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function hasResponded(db: Db, participantId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event_feedback_responses')
    .select('id')
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
  return !!row;
}

/** Stores a participant's answers. The unique participant_id refuses a second response. */
export async function saveResponse(
  db: Db,
  eventId: number,
  participantId: number,
  answers: Map<number, Answer>,
) {
  const response = await db
    .insertInto('event_feedback_responses')
    .values({ event_id: eventId, participant_id: participantId, submitted_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [...answers].map(([question_id, a]) => ({
    response_id: response.id,
    question_id,
    rating: 'rating' in a ? a.rating : null,
    choice: 'choice' in a ? a.choice : null,
    text: 'text' in a ? a.text : null,
  }));
  if (rows.length) await db.insertInto('event_feedback_answers').values(rows).execute();
  return response.id;
}

export type QuestionSummary = Question & {
  answered: number;
  /** rating: the mean of the answers; null when none. */
  average: number | null;
  /** rating: answers per value 1…5; choice: answers per choice, in the question's order. */
  counts: { value: string; count: number }[];
  /** text: the answers, newest first (at most TEXTS_SHOWN). */
  texts: string[];
};

export interface FeedbackSummary {
  responses: number;
  questions: QuestionSummary[];
}

const TEXTS_SHOWN = 500;

export async function feedbackSummary(
  db: Db,
  eventId: number,
  questions: Question[],
): Promise<FeedbackSummary> {
  const answers = () =>
    db
      .selectFrom('event_feedback_answers as a')
      .innerJoin('event_feedback_responses as r', 'r.id', 'a.response_id')
      .where('r.event_id', '=', eventId);
  const [responses, ratings, choices, texts] = await Promise.all([
    db
      .selectFrom('event_feedback_responses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow(),
    answers()
      .select((eb) => ['a.question_id', 'a.rating', eb.fn.countAll<number>().as('n')])
      .where('a.rating', 'is not', null)
      .groupBy(['a.question_id', 'a.rating'])
      .execute(),
    answers()
      .select((eb) => ['a.question_id', 'a.choice', eb.fn.countAll<number>().as('n')])
      .where('a.choice', 'is not', null)
      .groupBy(['a.question_id', 'a.choice'])
      .execute(),
    answers()
      .select(['a.question_id', 'a.text'])
      .where('a.text', 'is not', null)
      .orderBy('r.submitted_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(TEXTS_SHOWN * Math.max(1, questions.filter((q) => q.kind === 'text').length))
      .execute(),
  ]);
  return {
    responses: Number(responses.n),
    questions: questions.map((q) => {
      if (q.kind === 'rating') {
        const mine = ratings.filter((r) => r.question_id === q.id);
        const answered = mine.reduce((sum, r) => sum + Number(r.n), 0);
        const total = mine.reduce((sum, r) => sum + Number(r.n) * Number(r.rating), 0);
        const counts = [];
        for (let v = RATING_MIN; v <= RATING_MAX; v++)
          counts.push({ value: String(v), count: Number(mine.find((r) => r.rating === v)?.n ?? 0) });
        return { ...q, answered, average: answered ? total / answered : null, counts, texts: [] };
      }
      if (q.kind === 'choice') {
        const mine = choices.filter((r) => r.question_id === q.id);
        const counts = q.choices.map((value) => ({
          value,
          count: Number(mine.find((r) => r.choice === value)?.n ?? 0),
        }));
        return { ...q, answered: counts.reduce((s, c) => s + c.count, 0), average: null, counts, texts: [] };
      }
      const mine = texts.filter((r) => r.question_id === q.id && r.text?.trim()).map((r) => r.text ?? '');
      return { ...q, answered: mine.length, average: null, counts: [], texts: mine.slice(0, TEXTS_SHOWN) };
    }),
  };
}
