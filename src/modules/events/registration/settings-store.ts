// An event's registration settings, its participant categories and its invitations: read together
// for the pages, written together in the organiser's transaction.
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';
import type { SettingsInput } from './schemas.ts';
import type { EventCategoriesTable, EventRegistrationTable } from './tables.ts';

type Db = Kysely<Database>;

export type Category = Pick<Selectable<EventCategoriesTable>, 'id' | 'label' | 'position'>;

export interface RegistrationSettings extends Selectable<EventRegistrationTable> {
  categories: Category[];
}

export async function getSettings(db: Db, eventId: number): Promise<RegistrationSettings | undefined> {
  const [row, categories] = await Promise.all([
    db.selectFrom('event_registration').selectAll().where('event_id', '=', eventId).executeTakeFirst(),
    categoriesOf(db, eventId),
  ]);
  return row && { ...row, categories };
}

export function categoriesOf(db: Db, eventId: number): Promise<Category[]> {
  return db
    .selectFrom('event_categories')
    .select(['id', 'label', 'position'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Accepted registrations of the event, the number the capacity limits. */
export async function acceptedCount(db: Db, eventId: number): Promise<number> {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'accepted')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Takes the event's registration row for the rest of the transaction: an UPDATE that changes
 * nothing locks the row on PostgreSQL and takes SQLite's write lock, so two people submitting at
 * once cannot both take the last place (a SELECT … FOR UPDATE does not exist on SQLite).
 */
export async function lockRegistration(trx: Db, eventId: number): Promise<void> {
  await trx
    .updateTable('event_registration')
    .set((eb) => ({ mode: eb.ref('mode') }))
    .where('event_id', '=', eventId)
    .execute();
}

export function invitationsOf(db: Db, eventId: number): Promise<string[]> {
  return db
    .selectFrom('event_invitations')
    .select('email')
    .where('event_id', '=', eventId)
    .orderBy('email')
    .execute()
    .then((rows) => rows.map((r) => r.email));
}

/** Whether this account's (verified) address is on the event's invitation list. */
export async function isInvited(db: Db, eventId: number, user: User): Promise<boolean> {
  if (!user.email_verified_at) return false;
  const row = await db
    .selectFrom('event_invitations')
    .select('email')
    .where('event_id', '=', eventId)
    .where('email', '=', user.email.toLowerCase())
    .executeTakeFirst();
  return !!row;
}

/** Categories that registrations point to: they may be renamed, not removed. */
export async function categoriesInUse(db: Db, eventId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('event_registrations')
    .select('category_id')
    .distinct()
    .where('event_id', '=', eventId)
    .where('category_id', 'is not', null)
    .execute();
  return new Set(rows.flatMap((r) => (r.category_id === null ? [] : [r.category_id])));
}

/**
 * Writes the settings, categories and invitations; returns the addresses invited just now (they
 * get a mail) and which fields changed (for the audit log). The caller checked that removed
 * categories are unused.
 */
export async function saveSettings(
  trx: Db,
  eventId: number,
  input: SettingsInput,
  actorId: number,
): Promise<{ newlyInvited: string[]; created: boolean }> {
  const now = nowIso();
  const values = {
    mode: input.mode,
    capacity: input.capacity,
    waiting_list: input.waiting_list ? 1 : 0,
    deadline: input.deadline,
    criteria: input.criteria,
    updated_at: now,
  };
  const existing = await trx
    .selectFrom('event_registration')
    .select('event_id')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (existing)
    await trx.updateTable('event_registration').set(values).where('event_id', '=', eventId).execute();
  else
    await trx
      .insertInto('event_registration')
      .values({ event_id: eventId, ...values })
      .execute();

  const kept = new Set(input.categories.flatMap((c) => (c.id === null ? [] : [c.id])));
  const current = await categoriesOf(trx, eventId);
  const removed = current.filter((c) => !kept.has(c.id)).map((c) => c.id);
  if (removed.length) await trx.deleteFrom('event_categories').where('id', 'in', removed).execute();
  const known = new Set(current.map((c) => c.id));
  for (const [position, category] of input.categories.entries()) {
    if (category.id !== null && known.has(category.id)) {
      await trx
        .updateTable('event_categories')
        .set({ label: category.label, position })
        .where('id', '=', category.id)
        .where('event_id', '=', eventId)
        .execute();
    } else {
      await trx
        .insertInto('event_categories')
        .values({ event_id: eventId, label: category.label, position })
        .execute();
    }
  }

  const before = new Set(await invitationsOf(trx, eventId));
  const wanted = new Set(input.invitations);
  const dropped = [...before].filter((e) => !wanted.has(e));
  if (dropped.length)
    await trx
      .deleteFrom('event_invitations')
      .where('event_id', '=', eventId)
      .where('email', 'in', dropped)
      .execute();
  const newlyInvited = input.invitations.filter((e) => !before.has(e));
  if (newlyInvited.length)
    await trx
      .insertInto('event_invitations')
      .values(
        newlyInvited.map((email) => ({ event_id: eventId, email, invited_by: actorId, created_at: now })),
      )
      .execute();
  return { newlyInvited, created: !existing };
}
