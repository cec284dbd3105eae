// The roster's queries and writes: the participants of an event (a page of them, one, the viewer's
// own row), adding, changing and removing the ones the organisers entered, and check-ins per day.
// Writes run in the caller's transaction.
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { nowIso } from '../../../platform/time.ts';
import { findUserByEmail } from '../../accounts/index.ts';
import type { EventParticipantsTable } from '../registration/tables.ts';
import type { ParticipantInput } from './schemas.ts';

type Db = Kysely<Database>;
export type Participant = Selectable<EventParticipantsTable>;

export interface RosterRow extends Participant {
  category: string | null;
  /** How many of the event's days this person was checked in. */
  daysPresent: number;
  /** Their published profile among the directory's people, if any. */
  personSlug: string | null;
  /** Their organisation's published profile in the directory, if any. */
  organisationSlug: string | null;
}

function rosterQuery(db: Db, eventId: number) {
  return (
    db
      .selectFrom('event_participants as p')
      .leftJoin('event_categories as cat', 'cat.id', 'p.category_id')
      // The profile the organisers linked, or else the one the participant's account owns.
      .leftJoin('people as person', (join) =>
        join
          .on((eb) =>
            eb.or([
              eb('person.id', '=', eb.ref('p.person_id')),
              eb.and([eb('p.person_id', 'is', null), eb('person.user_id', '=', eb.ref('p.user_id'))]),
            ]),
          )
          .on('person.status', '=', 'published'),
      )
      .leftJoin('organisations as org', (join) =>
        join.onRef('org.id', '=', 'p.organisation_id').on('org.status', '=', 'published'),
      )
      .selectAll('p')
      .select((eb) => [
        'cat.label as category',
        'person.slug as personSlug',
        'org.slug as organisationSlug',
        eb
          .selectFrom('event_checkins')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('event_checkins.participant_id', '=', 'p.id')
          .as('daysPresent'),
      ])
      .where('p.event_id', '=', eventId)
  );
}

const asRow = (r: Omit<RosterRow, 'daysPresent'> & { daysPresent: number | string | null }): RosterRow => ({
  ...r,
  daysPresent: Number(r.daysPresent ?? 0),
});

/** A page of the roster: participants before observers, then by name. */
export async function listRoster(
  db: Db,
  eventId: number,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ rows: RosterRow[]; total: number }> {
  const pageSize = options.pageSize ?? 100_000;
  const [rows, count] = await Promise.all([
    rosterQuery(db, eventId)
      .orderBy('p.role', 'desc')
      .orderBy('p.name')
      .orderBy('p.id')
      .limit(pageSize)
      .offset(((options.page ?? 1) - 1) * pageSize)
      .execute(),
    db
      .selectFrom('event_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(asRow), total: Number(count.n) };
}

export async function rosterRow(db: Db, eventId: number, id: number): Promise<RosterRow | undefined> {
  const row = await rosterQuery(db, eventId).where('p.id', '=', id).executeTakeFirst();
  return row && asRow(row);
}

/** The viewer's own row on the roster (an account is on it at most once). */
export async function participantOf(db: Db, eventId: number, userId: number): Promise<RosterRow | undefined> {
  const row = await rosterQuery(db, eventId)
    .where('p.user_id', '=', userId)
    .orderBy('p.id')
    .executeTakeFirst();
  return row && asRow(row);
}

export function categoriesOf(db: Db, eventId: number) {
  return db
    .selectFrom('event_categories')
    .select(['id', 'label'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The form's references (organisation, account, profile, category) as ids, or a message per field. */
export async function resolveParticipant(
  db: Db,
  eventId: number,
  input: ParticipantInput,
  exceptId?: number,
): Promise<{ values: ParticipantValues; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const [organisation, user, person, category] = await Promise.all([
    input.organisation
      ? db
          .selectFrom('organisations')
          .select(['id', 'name', 'kind'])
          .where('slug', '=', input.organisation)
          .executeTakeFirst()
      : undefined,
    input.account ? findUserByEmail(db, input.account) : undefined,
    input.person
      ? db.selectFrom('people').select('id').where('slug', '=', input.person).executeTakeFirst()
      : undefined,
    input.category_id
      ? db
          .selectFrom('event_categories')
          .select('id')
          .where('id', '=', input.category_id)
          .where('event_id', '=', eventId)
          .executeTakeFirst()
      : undefined,
  ]);
  if (input.organisation && !organisation) errors.organisation = 'events.unknownOrganisation';
  if (input.account && !user) errors.account = 'participants.unknownAccount';
  if (input.person && !person) errors.person = 'participants.unknownPerson';
  if (input.category_id && !category) errors.category_id = 'form.invalid';
  if (user) {
    let taken = db
      .selectFrom('event_participants')
      .select('id')
      .where('event_id', '=', eventId)
      .where('user_id', '=', user.id);
    if (exceptId !== undefined) taken = taken.where('id', '!=', exceptId);
    if (await taken.executeTakeFirst()) errors.account = 'participants.alreadyOnRoster';
  }
  return {
    errors,
    values: {
      name: input.name,
      organisation_name: input.organisation_name ?? organisation?.name ?? null,
      organisation_id: organisation?.id ?? null,
      // The directory knows the kind of its organisations; what the organisers chose comes first.
      organisation_kind: input.organisation_kind ?? organisation?.kind ?? null,
      country: input.country ?? null,
      category_id: category?.id ?? null,
      gender: input.gender ?? null,
      role: input.role,
      networking_consent: input.networking_consent ? 1 : 0,
      user_id: user?.id ?? null,
      person_id: person?.id ?? null,
    },
  };
}

export type ParticipantValues = Pick<
  Participant,
  | 'name'
  | 'organisation_name'
  | 'organisation_id'
  | 'organisation_kind'
  | 'country'
  | 'category_id'
  | 'gender'
  | 'role'
  | 'networking_consent'
  | 'user_id'
  | 'person_id'
>;

export async function addParticipant(
  db: Db,
  eventId: number,
  values: ParticipantValues,
): Promise<Participant> {
  const now = nowIso();
  return db
    .insertInto('event_participants')
    .values({ ...values, event_id: eventId, registration_id: null, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Saves a change; the names of the fields that changed (empty: nothing written). */
export async function updateParticipant(
  db: Db,
  row: Participant,
  values: ParticipantValues,
): Promise<string[]> {
  const changed = Object.entries(values)
    .filter(([key, to]) => row[key as keyof Participant] !== to)
    .map(([key]) => key);
  if (changed.length)
    await db
      .updateTable('event_participants')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', row.id)
      .execute();
  return changed;
}

export async function removeParticipant(db: Db, id: number): Promise<void> {
  await db.deleteFrom('event_participants').where('id', '=', id).execute();
}

/** Whether the organisers use check-in at all for this event (any check-in on any day). */
export async function checkinUsed(db: Db, eventId: number): Promise<boolean> {
  const row = await db
    .selectFrom('event_checkins')
    .select('date')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return !!row;
}

/** Who was checked in on `date`. */
export async function presentOn(db: Db, eventId: number, date: string): Promise<Set<number>> {
  const rows = await db
    .selectFrom('event_checkins')
    .select('participant_id')
    .where('event_id', '=', eventId)
    .where('date', '=', date)
    .execute();
  return new Set(rows.map((r) => r.participant_id));
}

/** The ids among `ids` that are not on this event's roster. */
export async function strangers(db: Db, eventId: number, ids: number[]): Promise<number[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await db
    .selectFrom('event_participants')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', 'in', unique)
    .execute();
  const known = new Set(rows.map((r) => r.id));
  return unique.filter((id) => !known.has(id));
}

/**
 * Sets who of `shown` was there on `date`: checks the present ones in and the others out, leaving
 * everyone else's check-in as it was. Returns how many rows changed.
 */
export async function setCheckins(
  db: Db,
  eventId: number,
  date: string,
  shown: number[],
  present: number[],
  actorId: number | null,
): Promise<{ added: number; removed: number }> {
  const here = new Set(present);
  const absent = [...new Set(shown)].filter((id) => !here.has(id));
  let removed = 0;
  if (absent.length) {
    const result = await db
      .deleteFrom('event_checkins')
      .where('event_id', '=', eventId)
      .where('date', '=', date)
      .where('participant_id', 'in', absent)
      .executeTakeFirst();
    removed = Number(result.numDeletedRows);
  }
  const already = await presentOn(db, eventId, date);
  const now = nowIso();
  const rows = [...here]
    .filter((id) => !already.has(id))
    .map((participant_id) => ({
      participant_id,
      event_id: eventId,
      date,
      checked_by: actorId,
      checked_at: now,
    }));
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('event_checkins')
      .values(rows.slice(i, i + 200))
      .execute();
  return { added: rows.length, removed };
}

/** Each participant's days present, for the organisers' export. */
export async function datesPresent(db: Db, eventId: number): Promise<Map<number, string[]>> {
  const rows = await db
    .selectFrom('event_checkins')
    .select(['participant_id', 'date'])
    .where('event_id', '=', eventId)
    .orderBy('date')
    .execute();
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.participant_id, [...(out.get(r.participant_id) ?? []), r.date]);
  return out;
}
