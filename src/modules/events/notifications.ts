// What the events module tells members (notify(), platform/notifications): an event's date, time or
// place changed, an event cancelled (or deleted before it took place), a decision on an
// application, and the reminders of jobs.ts (registration closing, the event tomorrow). Members
// follow an event by its id; the followable finds a draft only for those who may see it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActionContext } from '../../platform/actions.ts';
import type { Followable } from '../../platform/notifications/follows.ts';
import type { NotificationKind } from '../../platform/notifications/kinds.ts';
import { type NotifyDeps, notify } from '../../platform/notifications/notify.ts';
import { todayIn } from '../../platform/time.ts';
import type { EventRow } from './access.ts';
import { isOrganiser } from './access.ts';
import { canView } from './permissions.ts';

type Db = Kysely<Database>;

export const eventsNotificationKinds: NotificationKind[] = [
  {
    kind: 'events.event-changed',
    label: 'events.notify.changedLabel',
    message: 'events.notify.changed',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'events.event-cancelled',
    label: 'events.notify.cancelledLabel',
    message: 'events.notify.cancelled',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'events.application-decided',
    label: 'events.notify.decidedLabel',
    message: 'events.notify.decided',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'events.registration-closing',
    label: 'events.notify.closingLabel',
    message: 'events.notify.closing',
    defaultDelivery: 'immediate',
  },
  {
    kind: 'events.event-tomorrow',
    label: 'events.notify.tomorrowLabel',
    message: 'events.notify.tomorrow',
    defaultDelivery: 'immediate',
  },
];

export const eventFollowable: Followable = {
  type: 'event',
  label: 'events.followType',
  async find(db, key, viewer) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const event = await db
      .selectFrom('events')
      .select(['id', 'slug', 'title', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!event || !canView(viewer, event, await isOrganiser(db, viewer, event.id))) return null;
    return { title: event.title, url: `/events/${event.slug}` };
  },
};

/** What a participant must know: a change of any of these is announced to them and to followers. */
export const ANNOUNCED_FIELDS = [
  'starts_on',
  'ends_on',
  'start_time',
  'end_time',
  'time_zone',
  'format',
  'venue_organisation_id',
  'venue_name',
  'address',
  'city',
  'country',
  'online_url',
] as const satisfies readonly (keyof EventRow)[];

/** The accounts taking part: applications sent and not declined or withdrawn, and the roster's. */
export async function takingPart(db: Db, eventId: number): Promise<number[]> {
  const [registrations, roster] = await Promise.all([
    db
      .selectFrom('event_registrations')
      .select('user_id')
      .where('event_id', '=', eventId)
      .where('status', 'in', ['submitted', 'accepted', 'waitlisted'])
      .execute(),
    db
      .selectFrom('event_participants')
      .select('user_id')
      .where('event_id', '=', eventId)
      .where('user_id', 'is not', null)
      .execute(),
  ]);
  return [...new Set([...registrations, ...roster].flatMap((r) => (r.user_id === null ? [] : [r.user_id])))];
}

const over = (event: Pick<EventRow, 'ends_on' | 'time_zone'>) => event.ends_on < todayIn(event.time_zone);

/** Who hears of the event's changes: its followers and the people taking part. */
async function audience(db: Db, eventId: number) {
  return {
    followersOf: [{ type: 'event' as const, key: String(eventId) }],
    users: await takingPart(db, eventId),
  };
}

const depsOf = (ctx: ActionContext): NotifyDeps => ctx.deps;

/**
 * After an edit (in its transaction): a published event that became cancelled is announced as
 * cancelled; one whose date, time, place or format changed (and that is not over) as changed.
 * Drafts tell nobody: nobody but their organisers sees them.
 */
export async function announceEdit(
  trx: Db,
  ctx: ActionContext,
  before: EventRow,
  after: EventRow,
  changed: readonly string[],
): Promise<void> {
  if (before.status === 'draft' || after.status === 'draft') return;
  const base = {
    subject: { type: 'event', key: after.id },
    url: `/events/${after.slug}`,
    params: { title: after.title },
    to: await audience(trx, after.id),
    actorId: ctx.user?.id ?? null,
  };
  if (after.status === 'cancelled' && before.status !== 'cancelled') {
    await notify(trx, depsOf(ctx), { ...base, kind: 'events.event-cancelled', once: true });
    return;
  }
  if (after.status === 'cancelled' || (over(before) && over(after))) return;
  if (changed.some((field) => (ANNOUNCED_FIELDS as readonly string[]).includes(field)))
    await notify(trx, depsOf(ctx), { ...base, kind: 'events.event-changed' });
}

/**
 * Before an event is deleted (in the deletion's transaction, while its followers and participants
 * can still be read): one that is published, not cancelled already and not over is announced as
 * cancelled, with the list of events as its link (its own page is going).
 */
export async function announceDeletion(trx: Db, ctx: ActionContext, event: EventRow): Promise<void> {
  if (event.status === 'draft' || event.status === 'cancelled' || over(event)) return;
  await notify(trx, depsOf(ctx), {
    kind: 'events.event-cancelled',
    subject: { type: 'event', key: event.id },
    url: '/events',
    params: { title: event.title },
    to: await audience(trx, event.id),
    actorId: ctx.user?.id ?? null,
    once: true,
  });
}

/** A decision on an application (accepted, waiting list, declined), told to the applicant. */
export async function announceDecision(
  trx: Db,
  ctx: ActionContext,
  event: Pick<EventRow, 'slug' | 'title'>,
  registration: { id: number; user_id: number },
): Promise<void> {
  await notify(trx, depsOf(ctx), {
    kind: 'events.application-decided',
    subject: { type: 'event_registration', key: registration.id },
    url: `/events/${event.slug}/application`,
    params: { title: event.title },
    to: { users: [registration.user_id] },
    actorId: ctx.user?.id ?? null,
  });
}
