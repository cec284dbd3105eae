// The application forms move into the platform's questionnaires (platform/questionnaires): each
// event's questions (event_form_fields) become the questions of its "event_application"
// questionnaire with the same ids — so the answers keep their keys, in "download my data" and the
// API too — and each registration's answers (event_registrations.answers, JSON by question id)
// become its response, a draft while the registration is one. Then the old table and column go. An
// event's questionnaire goes when the event does (a trigger: the questionnaire names its owner by
// type and id, which no foreign key can follow); a response goes with its applicant's account.
// Frozen as written: it reads and writes the tables as they were on its date. There is no way
// down: the answers live in the new tables only (restore a backup to go back).
import type { Kysely, Migration } from 'kysely';
import { createDeleteTrigger, resetIdentity } from '../../../db/dialect.ts';
import { keysetBatches } from '../../../db/keyset.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration reads the tables as they were on its date
type Db = Kysely<any>;

const OWNER = 'event_application';

interface FieldRow {
  id: number;
  event_id: number;
  position: number;
  kind: string;
  label: string;
  help: string;
  required: number;
  options: string;
  hidden: number;
  created_at: string;
  updated_at: string;
}

interface RegistrationRow {
  id: number;
  event_id: number;
  user_id: number;
  status: string;
  answers: string;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

function parseAnswers(json: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** The event's questionnaire, made when first needed; by event id. */
function questionnaires(db: Db) {
  const ids = new Map<number, number>();
  return async (eventId: number, now: string): Promise<number> => {
    const known = ids.get(eventId);
    if (known !== undefined) return known;
    const row = await db
      .insertInto('questionnaires')
      .values({ owner_type: OWNER, owner_id: eventId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(eventId, row.id);
    return row.id;
  };
}

async function moveQuestions(db: Db, questionnaireOf: ReturnType<typeof questionnaires>) {
  const fields = (await db.selectFrom('event_form_fields').selectAll().orderBy('id').execute()) as FieldRow[];
  const questionsOf = new Map<number, Set<number>>();
  for (const f of fields) {
    await db
      .insertInto('questionnaire_questions')
      .values({
        id: f.id,
        questionnaire_id: await questionnaireOf(f.event_id, f.created_at),
        position: f.position,
        kind: f.kind,
        label: f.label,
        help: f.help,
        required: f.required,
        choices: f.options,
        hidden: f.hidden,
        show_if_question: null,
        show_if_values: '[]',
        created_at: f.created_at,
        updated_at: f.updated_at,
      })
      .execute();
    const set = questionsOf.get(f.event_id) ?? new Set<number>();
    set.add(f.id);
    questionsOf.set(f.event_id, set);
  }
  await resetIdentity(db, 'questionnaire_questions');
  return questionsOf;
}

async function moveAnswers(
  db: Db,
  questionnaireOf: ReturnType<typeof questionnaires>,
  questionsOf: Map<number, Set<number>>,
) {
  const batches = keysetBatches<RegistrationRow>((after, limit) =>
    db
      .selectFrom('event_registrations')
      .select(['id', 'event_id', 'user_id', 'status', 'answers', 'submitted_at', 'created_at', 'updated_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(limit)
      .execute(),
  );
  for await (const batch of batches) {
    for (const r of batch) {
      const questions = questionsOf.get(r.event_id);
      // Answers name the questions of their event's form; a key that names none was never shown.
      const answers = Object.entries(parseAnswers(r.answers)).filter(
        ([key, value]) => questions?.has(Number(key)) && value !== undefined && value !== null,
      );
      if (answers.length === 0) continue;
      const response = await db
        .insertInto('questionnaire_responses')
        .values({
          questionnaire_id: await questionnaireOf(r.event_id, r.created_at),
          respondent_id: r.id,
          user_id: r.user_id,
          status: r.status === 'draft' ? 'draft' : 'submitted',
          submitted_at: r.status === 'draft' ? null : r.submitted_at,
          created_at: r.created_at,
          updated_at: r.updated_at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('questionnaire_answers')
        .values(
          answers.map(([key, value]) => ({
            response_id: response.id,
            question_id: Number(key),
            value: JSON.stringify(value),
          })),
        )
        .execute();
    }
  }
}

export const applicationFormsMigration: Migration = {
  async up(db: Db) {
    const questionnaireOf = questionnaires(db);
    const questionsOf = await moveQuestions(db, questionnaireOf);
    await moveAnswers(db, questionnaireOf, questionsOf);
    await db.schema.dropTable('event_form_fields').execute();
    await db.schema.alterTable('event_registrations').dropColumn('answers').execute();
    await createDeleteTrigger(
      db,
      'events_application_questionnaire_gone',
      'events',
      `DELETE FROM questionnaires WHERE owner_type = '${OWNER}' AND owner_id = OLD.id`,
    );
  },
};
