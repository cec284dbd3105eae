// Reading registrations and applications: one per account and event, read by their applicant and
// listed for the reviewers, each with its answers to the application form (its response in the
// event's questionnaire, form.ts). The writes are actions (actions/apply.ts, actions/status.ts).
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { type Answers, responsesOf } from '../../../platform/questionnaires/index.ts';
import { applicationForm } from './form.ts';
import type { EventRegistrationsTable } from './tables.ts';
import type { RegistrationStatus } from './vocab.ts';

type Db = Kysely<Database>;
export type RegistrationRow = Selectable<EventRegistrationsTable>;

export interface Application extends RegistrationRow {
  /** The answers to the event's own questions, by question id. */
  answers: Answers;
  categoryLabel: string | null;
  /** The directory organisation the applicant chose, when there is one. */
  organisation: { slug: string; name: string } | null;
  email: string;
}

function withDetails(db: Db) {
  return db
    .selectFrom('event_registrations')
    .innerJoin('users', 'users.id', 'event_registrations.user_id')
    .leftJoin('event_categories', 'event_categories.id', 'event_registrations.category_id')
    .leftJoin('organisations', 'organisations.id', 'event_registrations.organisation_id')
    .selectAll('event_registrations')
    .select([
      'users.email as email',
      'event_categories.label as category_label',
      'organisations.slug as org_slug',
      'organisations.name as org_name',
    ]);
}

type DetailRow = RegistrationRow & {
  email: string;
  category_label: string | null;
  org_slug: string | null;
  org_name: string | null;
};

/** The rows with their answers (read for all of them at once). */
async function toApplications(db: Db, eventId: number, rows: DetailRow[]): Promise<Application[]> {
  const responses = await responsesOf(
    db,
    applicationForm(eventId),
    rows.map((r) => r.id),
  );
  return rows.map(({ category_label, org_slug, org_name, ...row }) => ({
    ...row,
    answers: responses.get(row.id)?.answers ?? {},
    categoryLabel: category_label,
    organisation: org_slug && org_name ? { slug: org_slug, name: org_name } : null,
  }));
}

/** The account's registration for the event, whatever its status. */
export async function applicationOf(
  db: Db,
  eventId: number,
  userId: number,
): Promise<Application | undefined> {
  const row = await withDetails(db)
    .where('event_registrations.event_id', '=', eventId)
    .where('event_registrations.user_id', '=', userId)
    .executeTakeFirst();
  return row && (await toApplications(db, eventId, [row]))[0];
}

export async function applicationById(db: Db, eventId: number, id: number): Promise<Application | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await withDetails(db)
    .where('event_registrations.event_id', '=', eventId)
    .where('event_registrations.id', '=', id)
    .executeTakeFirst();
  return row && (await toApplications(db, eventId, [row]))[0];
}

/** What reviewers see: every application but drafts (the applicant's own business), oldest first. */
export async function allApplications(db: Db, eventId: number, status?: RegistrationStatus) {
  let q = withDetails(db)
    .where('event_registrations.event_id', '=', eventId)
    .where('event_registrations.status', '!=', 'draft');
  if (status) q = q.where('event_registrations.status', '=', status);
  const rows = await q
    .orderBy('event_registrations.submitted_at')
    .orderBy('event_registrations.id')
    .execute();
  return toApplications(db, eventId, rows);
}

/** The event and account of a registration, by its id alone (the applicant's API). */
export function registrationById(db: Db, id: number) {
  return db
    .selectFrom('event_registrations')
    .select(['event_id', 'user_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface OwnApplication {
  id: number;
  status: RegistrationStatus;
  submitted_at: string | null;
  decided_at: string | null;
  updated_at: string;
  event: { slug: string; title: string; starts_on: string; ends_on: string; status: string };
}

/** The account's registrations and applications, the soonest events first. */
export async function applicationsOfUser(db: Db, user: User): Promise<OwnApplication[]> {
  const rows = await db
    .selectFrom('event_registrations')
    .innerJoin('events', 'events.id', 'event_registrations.event_id')
    .select([
      'event_registrations.id',
      'event_registrations.status',
      'event_registrations.submitted_at',
      'event_registrations.decided_at',
      'event_registrations.updated_at',
      'events.slug',
      'events.title',
      'events.starts_on',
      'events.ends_on',
      'events.status as event_status',
    ])
    .where('event_registrations.user_id', '=', user.id)
    .orderBy('events.starts_on', 'desc')
    .orderBy('event_registrations.id')
    .execute();
  return rows.map(({ slug, title, starts_on, ends_on, event_status, ...r }) => ({
    ...r,
    event: { slug, title, starts_on, ends_on, status: event_status },
  }));
}

/** Submitted applications waiting for a decision, for the reviewers' link on the event page. */
export async function waitingCount(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
