// Reading one row of the roster, and the loaders of the participants' pages and API built on the
// events' (loadVisibleEvent): an event the reader may not see → 404, not signed in → the login
// page (401 in the API), signed in but not allowed → 403, an id not on this event's roster → 404.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { type EventDetails, loadVisibleEvent } from '../access.ts';
import type { EventParticipantsTable } from '../registration/tables.ts';
import { canManageRoster } from './permissions.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;
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

/** The roster of an event with what each row shows (category, profiles, days present). */
export function rosterQuery(db: Db, eventId: number) {
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

export const asRosterRow = (
  r: Omit<RosterRow, 'daysPresent'> & { daysPresent: number | string | null },
): RosterRow => ({ ...r, daysPresent: Number(r.daysPresent ?? 0) });

export async function rosterRow(db: Db, eventId: number, id: number): Promise<RosterRow | undefined> {
  const row = await rosterQuery(db, eventId).where('p.id', '=', id).executeTakeFirst();
  return row && asRosterRow(row);
}

/** The viewer's own row on the roster (an account is on it at most once). */
export async function participantOf(db: Db, eventId: number, userId: number): Promise<RosterRow | undefined> {
  const row = await rosterQuery(db, eventId)
    .where('p.user_id', '=', userId)
    .orderBy('p.id')
    .executeTakeFirst();
  return row && asRosterRow(row);
}

/** What a row links to, by the names the input uses (any status: a hidden profile stays linked). */
export interface ParticipantLinks {
  organisation: string | null;
  account: string | null;
  person: string | null;
}

export async function linksOf(db: Db, row: Participant): Promise<ParticipantLinks> {
  const [organisation, account, person] = await Promise.all([
    row.organisation_id === null
      ? undefined
      : db
          .selectFrom('organisations')
          .select('slug')
          .where('id', '=', row.organisation_id)
          .executeTakeFirst(),
    row.user_id === null
      ? undefined
      : db.selectFrom('users').select('email').where('id', '=', row.user_id).executeTakeFirst(),
    row.person_id === null
      ? undefined
      : db.selectFrom('people').select('slug').where('id', '=', row.person_id).executeTakeFirst(),
  ]);
  return {
    organisation: organisation?.slug ?? null,
    account: account?.email ?? null,
    person: person?.slug ?? null,
  };
}

/** An event and whether the acting person organises it: what the actions check their right on. */
export interface EventAccess {
  event: EventDetails;
  organiser: boolean;
}

/** An event as the participants' pages load it: who reads, whether they organise it and manage its roster. */
export interface LoadedEvent extends EventAccess {
  user: User | null;
  manage: boolean;
}

/** The event as the reader may see it, with whether they organise it and may manage its roster. */
export async function loadEvent(db: Db, c: C, slug: string): Promise<LoadedEvent> {
  const user = c.var.auth?.user ?? null;
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  return { user, event, organiser, manage: canManageRoster(user, organiser) };
}

/** The event for its organisers only. */
export async function loadManagedEvent(db: Db, c: C, slug: string): Promise<LoadedEvent & { user: User }> {
  const user = requireUser(c);
  const loaded = await loadEvent(db, c, slug);
  if (!loaded.manage) throw new HttpError(403, 'error.403.message');
  return { ...loaded, user };
}

/** A refusal for someone the rule did not let in: sign in first if they are not. */
export function refuse(c: C): never {
  requireUser(c);
  throw new HttpError(403, 'error.403.message');
}

/** A numeric id from the URL, or 404. */
export function idParam(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, 'error.404.message');
  return id;
}

/** The row of the URL's id on this event's roster, or 404 (an id of another event's roster too). */
export async function loadRosterRow(db: Db, eventId: number, id: number): Promise<RosterRow> {
  const row = await rosterRow(db, eventId, id);
  if (!row) throw new HttpError(404, 'error.404.message');
  return row;
}
