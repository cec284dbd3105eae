// Upgrading a database that has application forms and feedback the old way, on SQLite or
// PostgreSQL: migrated up to just before the questionnaires, rows written as the old code wrote
// them (event_form_fields, answers as JSON on the registration, event_feedback_*), then the
// migrations run and everything is read back through the questionnaire engine — every question
// with its id (or, for a feedback question whose id a form question took, a new one its answers
// follow), every answer, drafts as drafts; new ids come after the moved ones; the old tables are
// gone; and an event's questionnaires go with the event, a participant's feedback with the row.
import { randomBytes } from 'node:crypto';
import { Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../../../../test/harness.ts';
import { postgresSetup, sqliteSetup } from '../../../db/dialect.ts';
import { platformMigrations } from '../../../db/migrations/index.ts';
import type { Database } from '../../../db/schema.ts';
import {
  type Question,
  questionsOf,
  responseOf,
  responsesOf,
  summaryOf,
} from '../../../platform/questionnaires/index.ts';
import { modules } from '../../index.ts';
import { feedbackForm } from '../participants/feedback.ts';
import { applicationForm } from './form.ts';

const FIRST = '2026_12_10_0001_questionnaires';
const migrations = Object.assign(
  {},
  platformMigrations,
  ...modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
);
const before = Object.keys(migrations)
  .sort()
  .filter((name) => name < FIRST)
  .at(-1) as string;

let db: Kysely<Database>;
// biome-ignore lint/suspicious/noExplicitAny: the old tables are no longer in the Database type
let old: Kysely<any>;
let migrator: Migrator;
let dropSchema = async () => {};
const now = '2026-12-01T10:00:00.000Z';

async function insert(table: string, values: Record<string, unknown>): Promise<number> {
  const row = await old.insertInto(table).values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const ids = {
  alice: 0,
  bao: 0,
  event: 0,
  other: 0,
  motivation: 0,
  domain: 0,
  languages: 0,
  years: 0,
  portfolio: 0,
  retired: 0,
  submitted: 0,
  draft: 0,
  participant: 0,
  rating: 0,
  choice: 0,
  text: 0,
};
const cv = { hash: 'a'.repeat(64), name: 'cv.pdf', mime: 'application/pdf', size: 1200 };
/** The submitted application's answers, as the old code wrote them and as they must be read back. */
const submittedAnswers = () => ({
  [ids.motivation]: 'I weave.',
  [ids.domain]: 'Crafts',
  [ids.languages]: ['Lao', 'English'],
  [ids.years]: 7,
  [ids.portfolio]: cv,
  [ids.retired]: true,
});

beforeAll(async () => {
  let setup = sqliteSetup(':memory:');
  if (usingPostgres) {
    const url = process.env.TEST_DATABASE_URL as string;
    const schema = `hub_test_${randomBytes(6).toString('hex')}`;
    const admin = new Kysely<unknown>({ dialect: postgresSetup(url, { max: 1 }).dialect });
    await admin.schema.createSchema(schema).execute();
    await admin.destroy();
    setup = postgresSetup(url, { searchPath: schema, max: 2 });
    dropSchema = async () => {
      const cleanup = new Kysely<unknown>({ dialect: postgresSetup(url, { max: 1 }).dialect });
      await cleanup.schema.dropSchema(schema).cascade().execute();
      await cleanup.destroy();
    };
    migrator = new Migrator({
      db: new Kysely<unknown>({ dialect: setup.dialect }),
      provider: { getMigrations: async () => migrations },
      migrationTableSchema: schema,
    });
  }
  db = new Kysely<Database>({ dialect: setup.dialect });
  old = db as Kysely<never>;
  migrator ??= new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const upTo = await migrator.migrateTo(before);
  expect(upTo.error).toBeUndefined();

  const user = (email: string, name: string) =>
    insert('users', { email, name, role: 'member', created_at: now, updated_at: now });
  ids.alice = await user('alice@example.org', 'Alice');
  ids.bao = await user('bao@example.org', 'Bao');
  const event = (slug: string) =>
    insert('events', {
      slug,
      type: 'workshop',
      format: 'in_person',
      title: slug,
      lang: 'en',
      time_zone: 'Asia/Vientiane',
      starts_on: '2026-11-10',
      ends_on: '2026-11-12',
      status: 'held',
      created_at: now,
      updated_at: now,
    });
  ids.event = await event('workshop-with-a-form');
  ids.other = await event('another-workshop');
  await old
    .insertInto('event_registration')
    .values({ event_id: ids.event, mode: 'application', waiting_list: 1, criteria: '', updated_at: now })
    .execute();

  const field = (position: number, kind: string, label: string, extra: Record<string, unknown> = {}) =>
    insert('event_form_fields', {
      event_id: ids.event,
      position,
      kind,
      label,
      help: '',
      required: 0,
      options: '[]',
      hidden: 0,
      created_at: now,
      updated_at: now,
      ...extra,
    });
  ids.motivation = await field(0, 'long_text', 'Motivation', { required: 1, help: 'Why you?' });
  ids.domain = await field(1, 'single_choice', 'Domain', { options: '["Crafts","Design"]' });
  ids.languages = await field(2, 'multiple_choice', 'Languages', { options: '["Lao","English"]' });
  ids.years = await field(3, 'number', 'Years of practice');
  ids.portfolio = await field(4, 'file', 'Portfolio');
  ids.retired = await field(5, 'yes_no', 'Retired question', { hidden: 1 });

  const registration = (userId: number, status: string, answers: Record<string, unknown>) =>
    insert('event_registrations', {
      event_id: ids.event,
      user_id: userId,
      status,
      name: 'Applicant',
      networking_consent: 0,
      answers: JSON.stringify(answers),
      submitted_at: status === 'draft' ? null : now,
      created_at: now,
      updated_at: now,
    });
  ids.submitted = await registration(ids.alice, 'accepted', submittedAnswers());
  ids.draft = await registration(ids.bao, 'draft', {
    [ids.motivation]: 'Half a thought',
    [ids.years]: 'many',
  });

  ids.participant = await insert('event_participants', {
    event_id: ids.event,
    registration_id: ids.submitted,
    user_id: ids.alice,
    name: 'Alice',
    role: 'participant',
    networking_consent: 0,
    created_at: now,
    updated_at: now,
  });
  const question = (position: number, kind: string, label: string, choices = '[]') =>
    insert('event_feedback_questions', { event_id: ids.event, position, kind, label, choices, required: 1 });
  ids.rating = await question(0, 'rating', 'How useful was it?');
  ids.choice = await question(1, 'choice', 'Will you use the template?', '["Yes","No"]');
  ids.text = await question(2, 'text', 'What should come next?');
  const response = await insert('event_feedback_responses', {
    event_id: ids.event,
    participant_id: ids.participant,
    submitted_at: now,
  });
  await old
    .insertInto('event_feedback_answers')
    .values([
      { response_id: response, question_id: ids.rating, rating: 4, choice: null, text: null },
      { response_id: response, question_id: ids.choice, rating: null, choice: 'Yes', text: null },
      { response_id: response, question_id: ids.text, rating: null, choice: null, text: 'More case studies' },
    ])
    .execute();

  const latest = await migrator.migrateToLatest();
  expect(latest.error).toBeUndefined();
}, 60_000);

afterAll(async () => {
  await db.destroy();
  await dropSchema();
});

const shape = (q: Question) => ({
  id: q.id,
  kind: q.kind,
  label: q.label,
  required: q.required,
  choices: q.choices,
  hidden: q.hidden,
});

describe('the application forms', () => {
  it('keep every question with its id, kind, choices and whether it is required or hidden', async () => {
    const questions = await questionsOf(db, applicationForm(ids.event));
    expect(questions.map(shape)).toEqual([
      {
        id: ids.motivation,
        kind: 'long_text',
        label: 'Motivation',
        required: true,
        choices: [],
        hidden: false,
      },
      {
        id: ids.domain,
        kind: 'single_choice',
        label: 'Domain',
        required: false,
        choices: ['Crafts', 'Design'],
        hidden: false,
      },
      {
        id: ids.languages,
        kind: 'multiple_choice',
        label: 'Languages',
        required: false,
        choices: ['Lao', 'English'],
        hidden: false,
      },
      {
        id: ids.years,
        kind: 'number',
        label: 'Years of practice',
        required: false,
        choices: [],
        hidden: false,
      },
      { id: ids.portfolio, kind: 'file', label: 'Portfolio', required: false, choices: [], hidden: false },
      {
        id: ids.retired,
        kind: 'yes_no',
        label: 'Retired question',
        required: false,
        choices: [],
        hidden: true,
      },
    ]);
    expect(questions[0]?.help).toBe('Why you?');
    expect(await questionsOf(db, applicationForm(ids.other))).toEqual([]);
  });

  it('keep every answer under its question’s id, a submitted application submitted and a draft a draft', async () => {
    const responses = await responsesOf(db, applicationForm(ids.event));
    expect(responses.get(ids.submitted)).toMatchObject({
      status: 'submitted',
      answers: submittedAnswers(),
    });
    expect(responses.get(ids.draft)).toMatchObject({
      status: 'draft',
      answers: { [ids.motivation]: 'Half a thought', [ids.years]: 'many' },
    });
  });
});

describe('the feedback', () => {
  it('keeps every question, a feedback question whose id a form question took getting a new one', async () => {
    const questions = await questionsOf(db, feedbackForm(ids.event));
    expect(questions.map((q) => [q.kind, q.label, q.choices, q.required])).toEqual([
      ['rating', 'How useful was it?', [], true],
      ['single_choice', 'Will you use the template?', ['Yes', 'No'], true],
      ['long_text', 'What should come next?', [], true],
    ]);
    // Both old tables counted from 1: these ids were the form's.
    const formIds = new Set([
      ids.motivation,
      ids.domain,
      ids.languages,
      ids.years,
      ids.portfolio,
      ids.retired,
    ]);
    for (const q of questions) expect(formIds.has(q.id)).toBe(false);
  });

  it('keeps every answer, and the summary counts them', async () => {
    const questions = await questionsOf(db, feedbackForm(ids.event));
    const response = await responseOf(db, feedbackForm(ids.event), ids.participant);
    expect(response?.status).toBe('submitted');
    expect(Object.values(response?.answers ?? {}).sort()).toEqual([4, 'More case studies', 'Yes'].sort());
    const summary = await summaryOf(db, feedbackForm(ids.event), questions);
    expect(summary.responses).toBe(1);
    expect(summary.questions.map((s) => [s.answered, s.average, s.texts])).toEqual([
      [1, 4, []],
      [1, null, []],
      [1, null, ['More case studies']],
    ]);
  });
});

describe('after the move', () => {
  it('gives new questions ids after the moved ones, and the old tables and column are gone', async () => {
    const { id } = await db
      .insertInto('questionnaire_questions')
      .values({
        questionnaire_id: (await db.selectFrom('questionnaires').select('id').executeTakeFirstOrThrow()).id,
        kind: 'text',
        label: 'New',
        help: '',
        required: 0,
        choices: '[]',
        hidden: 0,
        show_if_question: null,
        show_if_values: '[]',
        position: 9,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const all = await db.selectFrom('questionnaire_questions').select('id').execute();
    expect(id).toBe(Math.max(...all.map((r) => r.id)));
    expect(all.filter((r) => r.id === id)).toHaveLength(1);
    for (const table of ['event_form_fields', 'event_feedback_questions', 'event_feedback_responses'])
      await expect(old.selectFrom(table).selectAll().execute()).rejects.toThrow();
    await expect(old.selectFrom('event_registrations').select('answers').execute()).rejects.toThrow();
  });

  it('deletes an applicant’s answers with their account', async () => {
    await db.deleteFrom('users').where('id', '=', ids.bao).execute();
    const responses = await responsesOf(db, applicationForm(ids.event));
    expect([...responses.keys()]).toEqual([ids.submitted]);
  });

  it('deletes a participant’s feedback with their roster row, and the questionnaires with their event', async () => {
    await db.deleteFrom('event_participants').where('id', '=', ids.participant).execute();
    expect(await responseOf(db, feedbackForm(ids.event), ids.participant)).toBeUndefined();
    expect(await responseOf(db, applicationForm(ids.event), ids.submitted)).toBeDefined();
    await db.deleteFrom('events').where('id', '=', ids.event).execute();
    expect(await db.selectFrom('questionnaires').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('questionnaire_questions').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('questionnaire_answers').selectAll().execute()).toEqual([]);
  });
});
