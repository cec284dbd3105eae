// The roster as lists: a page of it (participants before observers, then by name), its counts,
// the event's categories, and who was checked in on which day.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { asRosterRow, type RosterRow, rosterQuery } from './access.ts';
import { ROSTER_PAGE_SIZE } from './vocab.ts';

type Db = Kysely<Database>;

/** A page of the roster (the whole roster without `pageSize`). */
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
  return { rows: rows.map(asRosterRow), total: Number(count.n) };
}

/** A page of the roster as the organisers' pages show it (ROSTER_PAGE_SIZE rows). */
export interface RosterPage {
  rows: RosterRow[];
  total: number;
  page: number;
  pageSize: number;
}

export async function rosterPage(db: Db, eventId: number, page: number): Promise<RosterPage> {
  const { rows, total } = await listRoster(db, eventId, { page, pageSize: ROSTER_PAGE_SIZE });
  return { rows, total, page, pageSize: ROSTER_PAGE_SIZE };
}

/** How many participants and observers are on the roster. */
export async function rosterCounts(db: Db, eventId: number) {
  const rows = await db
    .selectFrom('event_participants')
    .select((eb) => ['role', eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('role')
    .execute();
  const of = (role: string) => Number(rows.find((r) => r.role === role)?.n ?? 0);
  return { participants: of('participant'), observers: of('observer') };
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
