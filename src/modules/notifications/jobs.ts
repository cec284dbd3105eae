// The notifications module's jobs (docs/jobs.md): mail at once, the digests, and the clean-up.
import type { JobKind } from '../../platform/context.ts';
import { DAY } from '../../platform/time.ts';
import { mailImmediate, sendDueDigests } from './delivery.ts';

/** Read notifications are kept this long; unread ones until they are read. */
export const KEEP_READ_DAYS = 180;
/** Unsubscribe links work this long after their mail went out. */
export const UNSUBSCRIBE_LINK_DAYS = 90;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY * 1000).toISOString();

export const notificationJobs: JobKind[] = [
  {
    name: 'notifications.mail',
    schedule: { everyMinutes: 1 },
    run: async (deps, _payload, { now }) => {
      await mailImmediate(deps, now());
    },
  },
  {
    // Every quarter of an hour, so each reader's morning is met in their own time zone.
    name: 'notifications.digests',
    schedule: { everyMinutes: 15 },
    leaseSeconds: 1800,
    run: async (deps, _payload, { now }) => {
      const sent = await sendDueDigests(deps, now());
      if (sent > 0) deps.logger.info({ digests: sent }, 'notification digests sent');
    },
  },
  {
    name: 'notifications.prune',
    schedule: { dailyAt: '04:00' },
    run: async ({ db }, _payload, { now }) => {
      await db.deleteFrom('notifications').where('read_at', '<', daysBefore(now(), KEEP_READ_DAYS)).execute();
      await db
        .deleteFrom('unsubscribe_links')
        .where('created_at', '<', daysBefore(now(), UNSUBSCRIBE_LINK_DAYS))
        .execute();
    },
  },
];
