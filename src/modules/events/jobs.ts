// The events module's jobs: reminders, made hourly and each once per event (`once` of notify()).
// - Registration closing: an event taking registrations whose deadline (or, without one, its start)
//   is less than two days away; told to the event's followers who have not sent an application and
//   to those who started one and left it as a draft.
//   Invitation-only events remind nobody: most followers could not apply.
// - Tomorrow: from 09:00 on the day before an event (in its own zone) until it begins; told to the
//   people on its roster who have an account (accepted applicants among them).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppDeps, JobKind } from '../../platform/context.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { DAY, HOUR, localToUtc } from '../../platform/time.ts';
import { closesAt } from './registration/permissions.ts';
import { retentionJobs } from './retention.ts';

type Db = Kysely<Database>;

const CLOSING_WITHIN_MS = 2 * DAY * 1000;
const REMIND_FROM = '09:00';

const dateOf = (moment: Date, days = 0) =>
  new Date(moment.getTime() + days * DAY * 1000).toISOString().slice(0, 10);

/**
 * Who is still to apply: the event's followers who have sent no application, and whoever has
 * started one and left it as a draft (the reminder matters most to them).
 */
async function stillToApply(db: Db, eventId: number): Promise<number[]> {
  const [followers, drafts] = await Promise.all([
    db
      .selectFrom('follows')
      .select('follows.user_id')
      .where('follows.target_type', '=', 'event')
      .where('follows.target_key', '=', String(eventId))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('event_registrations as r')
              .select('r.id')
              .where('r.event_id', '=', eventId)
              .whereRef('r.user_id', '=', 'follows.user_id')
              .where('r.status', '!=', 'draft'),
          ),
        ),
      )
      .execute(),
    db
      .selectFrom('event_registrations')
      .select('user_id')
      .where('event_id', '=', eventId)
      .where('status', '=', 'draft')
      .execute(),
  ]);
  return [...new Set([...followers, ...drafts].map((r) => r.user_id))];
}

/** Reminds who is still to apply to events whose registration closes within two days; how many were told. */
export async function remindRegistrationClosing(deps: Pick<AppDeps, 'db' | 'modules'>, now: Date) {
  const { db } = deps;
  const soon = new Date(now.getTime() + CLOSING_WITHIN_MS);
  const candidates = await db
    .selectFrom('events as e')
    .innerJoin('event_registration as r', 'r.event_id', 'e.id')
    .selectAll('e')
    .select('r.deadline')
    .where('e.status', '=', 'registration_open')
    .where('r.mode', '!=', 'invitation')
    .where((eb) =>
      eb.or([
        eb.and([eb('r.deadline', '>', now.toISOString()), eb('r.deadline', '<=', soon.toISOString())]),
        // Without a deadline registration closes at the start: a day either side covers every zone.
        eb.and([
          eb('r.deadline', 'is', null),
          eb('e.starts_on', '>=', dateOf(now, -1)),
          eb('e.starts_on', '<=', dateOf(soon, 1)),
        ]),
      ]),
    )
    .execute();
  let told = 0;
  for (const { deadline, ...event } of candidates) {
    const closes = closesAt(event, { deadline });
    if (closes <= now || closes > soon) continue;
    told += await db.transaction().execute(async (trx) =>
      notify(
        trx,
        deps,
        {
          kind: 'events.registration-closing',
          subject: { type: 'event', key: event.id },
          url: `/events/${event.slug}/apply`,
          params: { title: event.title },
          to: { users: await stillToApply(trx, event.id) },
          once: true,
        },
        now.toISOString(),
      ),
    );
  }
  return told;
}

/** Reminds the people on the roster of events that begin tomorrow (their zone's); how many were told. */
export async function remindEventTomorrow(deps: Pick<AppDeps, 'db' | 'modules'>, now: Date) {
  const { db } = deps;
  const candidates = await db
    .selectFrom('events')
    .select(['id', 'slug', 'title', 'starts_on', 'time_zone'])
    .where('status', 'not in', ['draft', 'cancelled', 'held'])
    .where('starts_on', '>=', dateOf(now))
    .where('starts_on', '<=', dateOf(now, 2))
    .execute();
  let told = 0;
  for (const event of candidates) {
    const from = localToUtc(
      dateOf(new Date(`${event.starts_on}T12:00:00Z`), -1),
      REMIND_FROM,
      event.time_zone,
    );
    const until = localToUtc(event.starts_on, '00:00', event.time_zone);
    if (now < from || now >= until) continue;
    told += await db.transaction().execute(async (trx) => {
      const roster = await trx
        .selectFrom('event_participants')
        .select('user_id')
        .distinct()
        .where('event_id', '=', event.id)
        .where('user_id', 'is not', null)
        .execute();
      return notify(
        trx,
        deps,
        {
          kind: 'events.event-tomorrow',
          subject: { type: 'event', key: event.id },
          url: `/events/${event.slug}`,
          params: { title: event.title },
          to: { users: roster.flatMap((r) => (r.user_id === null ? [] : [r.user_id])) },
          once: true,
        },
        now.toISOString(),
      );
    });
  }
  return told;
}

export const eventsJobs: JobKind[] = [
  {
    name: 'events.reminders',
    schedule: { everyMinutes: 60 },
    leaseSeconds: HOUR / 4,
    run: async (deps, _payload, run) => {
      await remindRegistrationClosing(deps, run.now());
      await remindEventTomorrow(deps, run.now());
    },
  },
  ...retentionJobs,
];
