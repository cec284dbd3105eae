// The feedback questions move into the platform's questionnaires (platform/questionnaires): each
// event's questions become the questions of its "event_feedback" questionnaire (a rating stays a
// rating, a choice becomes one choice, a text a long text), each participant's response becomes a
// submitted response with the participant as respondent, and each answer its value as JSON. A
// question keeps its id unless an application form's question took it first (they were two
// tables; the new one has one set of ids). Then the old tables go. An event's questionnaire goes
// when the event does, and a participant's response when they leave the roster (triggers: the
// questionnaire names its owner by type and id, which no foreign key can follow). Frozen as
// written; there is no way down (restore a backup to go back).
import type { Kysely, Migration } from 'kysely';
import { createDeleteTrigger, resetIdentity } from '../../../db/dialect.ts';
import { keysetBatches } from '../../../db/keyset.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration reads the tables as they were on its date
type Db = Kysely<any>;

const OWNER = 'event_feedback';
const KINDS: Record<string, string> = { rating: 'rating', choice: 'single_choice', text: 'long_text' };

interface QuestionRow {
  id: number;
  event_id: number;
  position: number;
  kind: string;
  label: string;
  choices: string;
  required: number;
}

interface ResponseRow {
  id: number;
  event_id: number;
  participant_id: number;
  submitted_at: string;
}

interface AnswerRow {
  response_id: number;
  question_id: number;
  rating: number | null;
  choice: string | null;
  text: string | null;
}

async function moveQuestions(db: Db, now: string) {
  const rows = (await db
    .selectFrom('event_feedback_questions')
    .selectAll()
    .orderBy('id')
    .execute()) as QuestionRow[];
  const taken = new Set(
    (await db.selectFrom('questionnaire_questions').select('id').execute()).map((r: { id: number }) => r.id),
  );
  let next = Math.max(0, ...taken, ...rows.map((r) => r.id)) + 1;
  const questionnaireOf = new Map<number, number>();
  /** Old question id → new, per event. */
  const idOf = new Map<number, number>();
  for (const q of rows) {
    let questionnaire = questionnaireOf.get(q.event_id);
    if (questionnaire === undefined) {
      questionnaire = (
        await db
          .insertInto('questionnaires')
          .values({ owner_type: OWNER, owner_id: q.event_id, created_at: now, updated_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id as number;
      questionnaireOf.set(q.event_id, questionnaire);
    }
    const id = taken.has(q.id) ? next++ : q.id;
    taken.add(id);
    idOf.set(q.id, id);
    await db
      .insertInto('questionnaire_questions')
      .values({
        id,
        questionnaire_id: questionnaire,
        position: q.position,
        kind: KINDS[q.kind] ?? 'long_text',
        label: q.label,
        help: '',
        required: q.required,
        choices: q.kind === 'choice' ? q.choices : '[]',
        hidden: 0,
        show_if_question: null,
        show_if_values: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  await resetIdentity(db, 'questionnaire_questions');
  return { questionnaireOf, idOf };
}

async function moveResponses(db: Db, moved: Awaited<ReturnType<typeof moveQuestions>>) {
  const batches = keysetBatches<ResponseRow>(
    async (after, limit) =>
      (await db
        .selectFrom('event_feedback_responses')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(limit)
        .execute()) as ResponseRow[],
  );
  for await (const batch of batches) {
    const answers = (await db
      .selectFrom('event_feedback_answers')
      .selectAll()
      .where(
        'response_id',
        'in',
        batch.map((r) => r.id),
      )
      .execute()) as AnswerRow[];
    for (const r of batch) {
      const questionnaire = moved.questionnaireOf.get(r.event_id);
      if (questionnaire === undefined) continue;
      const response = await db
        .insertInto('questionnaire_responses')
        .values({
          questionnaire_id: questionnaire,
          respondent_id: r.participant_id,
          user_id: null,
          status: 'submitted',
          submitted_at: r.submitted_at,
          created_at: r.submitted_at,
          updated_at: r.submitted_at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = answers
        .filter((a) => a.response_id === r.id)
        .map((a) => ({
          response_id: response.id,
          question_id: moved.idOf.get(a.question_id) as number,
          value: JSON.stringify(a.rating ?? a.choice ?? a.text ?? ''),
        }));
      if (rows.length) await db.insertInto('questionnaire_answers').values(rows).execute();
    }
  }
}

export const feedbackQuestionsMigration: Migration = {
  async up(db: Db) {
    const moved = await moveQuestions(db, new Date().toISOString());
    await moveResponses(db, moved);
    for (const table of ['event_feedback_answers', 'event_feedback_responses', 'event_feedback_questions'])
      await db.schema.dropTable(table).execute();
    await createDeleteTrigger(
      db,
      'events_feedback_questionnaire_gone',
      'events',
      `DELETE FROM questionnaires WHERE owner_type = '${OWNER}' AND owner_id = OLD.id`,
    );
    await createDeleteTrigger(
      db,
      'event_participants_feedback_gone',
      'event_participants',
      `DELETE FROM questionnaire_responses WHERE respondent_id = OLD.id AND questionnaire_id IN (SELECT id FROM questionnaires WHERE owner_type = '${OWNER}' AND owner_id = OLD.event_id)`,
    );
  },
};
