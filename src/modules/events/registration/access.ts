// Reading an event's registration: its settings with the participant categories, the invitations,
// the accepted count; and the loaders of the registration pages and API for each kind of visitor —
// organisers, reviewers and applicants. Each refuses the way the platform does — not signed in 401
// (the login page on a GET), an event they may not see 404, not allowed 403 — before anything else
// is read.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { loadVisibleEvent } from '../access.ts';
import { canManage, canReview } from './permissions.ts';
import { isReviewer } from './reviews.ts';
import type { EventCategoriesTable, EventRegistrationTable } from './tables.ts';

type C = Context<AppEnv>;
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

const notFound = () => new HttpError(404, 'error.404.message');

/** For the organisers' set-up pages: the settings may not exist yet. */
export async function loadForManaging(c: C, slug: string) {
  const db = c.var.deps.db;
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  if (!canManage(user, organiser)) throw new HttpError(403, 'error.403.message');
  return { user, event, organiser, settings: await getSettings(db, event.id) };
}

/** For the reviewers: an event that takes registrations, and someone who reviews it. */
export async function loadForReviewing(c: C, slug: string) {
  const db = c.var.deps.db;
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  const settings = await getSettings(db, event.id);
  if (!settings) throw notFound();
  const reviewer = await isReviewer(db, user, event.id);
  if (!canReview(user, organiser, reviewer)) throw new HttpError(403, 'registration.notReviewer');
  return { user, event, organiser, reviewer, settings };
}
export type Reviewing = Awaited<ReturnType<typeof loadForReviewing>>;

/** For applicants: a signed-in account and an event that takes registrations. */
export async function loadForApplicant(c: C, slug: string) {
  const db = c.var.deps.db;
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  const settings = await getSettings(db, event.id);
  if (!settings) throw notFound();
  return { user, event, organiser, settings };
}
