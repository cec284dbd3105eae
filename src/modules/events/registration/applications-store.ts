// Registrations and applications: one per account and event, read by their applicant, listed for
// the reviewers, and written as drafts (as typed) until they are submitted (decisions.ts).
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';
import { type Answers, parseAnswers } from './answers.ts';
import type { StandardInput } from './schemas.ts';
import type { EventRegistrationsTable } from './tables.ts';
import type { RegistrationStatus } from './vocab.ts';

type Db = Kysely<Database>;
export type RegistrationRow = Selectable<EventRegistrationsTable>;

export interface Application extends RegistrationRow {
  parsedAnswers: Answers;
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

function toApplication({ category_label, org_slug, org_name, ...row }: DetailRow): Application {
  return {
    ...row,
    parsedAnswers: parseAnswers(row.answers),
    categoryLabel: category_label,
    organisation: org_slug && org_name ? { slug: org_slug, name: org_name } : null,
  };
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
  return row && toApplication(row);
}

export async function applicationById(db: Db, eventId: number, id: number): Promise<Application | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await withDetails(db)
    .where('event_registrations.event_id', '=', eventId)
    .where('event_registrations.id', '=', id)
    .executeTakeFirst();
  return row && toApplication(row);
}

/** What reviewers see: every application but drafts (the applicant's own business), oldest first. */
export async function allApplications(db: Db, eventId: number, status?: RegistrationStatus) {
  let q = withDetails(db)
    .where('event_registrations.event_id', '=', eventId)
    .where('event_registrations.status', '!=', 'draft');
  if (status) q = q.where('event_registrations.status', '=', status);
  return (
    await q.orderBy('event_registrations.submitted_at').orderBy('event_registrations.id').execute()
  ).map(toApplication);
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

/** The standard fields as stored; drafts may hold them half-filled. */
export type StandardColumns = Pick<
  RegistrationRow,
  | 'name'
  | 'organisation_name'
  | 'organisation_id'
  | 'organisation_kind'
  | 'country'
  | 'category_id'
  | 'gender'
  | 'networking_consent'
>;

export function standardColumns(input: StandardInput, organisationName: string | null): StandardColumns {
  return {
    name: input.name,
    // The directory's name when a directory organisation was chosen, so lists need no join.
    organisation_name: organisationName ?? input.organisation_name,
    organisation_id: input.organisation_id,
    organisation_kind: input.organisation_kind,
    country: input.country,
    category_id: input.category_id,
    gender: input.gender,
    networking_consent: input.networking_consent ? 1 : 0,
  };
}

/**
 * Writes the account's registration as a draft (creating it the first time). Returns its id. A
 * registration already submitted is never turned back into a draft here: the caller checked.
 */
export async function saveDraft(
  trx: Db,
  eventId: number,
  userId: number,
  standard: StandardColumns,
  answers: Answers,
): Promise<number> {
  const now = nowIso();
  const existing = await trx
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const values = { ...standard, answers: JSON.stringify(answers), status: 'draft' as const, updated_at: now };
  if (existing) {
    await trx.updateTable('event_registrations').set(values).where('id', '=', existing.id).execute();
    return existing.id;
  }
  const row = await trx
    .insertInto('event_registrations')
    .values({ ...values, event_id: eventId, user_id: userId, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
