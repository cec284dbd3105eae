// The platform's own jobs: housekeeping of sessions and rate-limit counters, the planner's
// statistics, and the bytes of stored files no record refers to any more. Modules add theirs in
// their manifests (HubModule.jobs).
import { refreshPlannerStatistics } from '../../db/dialect.ts';
import type { JobKind } from '../context.ts';
import { sweepUnreferencedFiles } from '../files/unreferenced.ts';
import { pruneRateLimits } from '../rate-limit.ts';
import { pruneExpiredSessions } from '../sessions.ts';
import { DAY } from '../time.ts';

export const platformJobs: JobKind[] = [
  {
    name: 'platform.prune',
    schedule: { everyMinutes: 60 },
    run: async ({ db }, _payload, { now }) => {
      await pruneExpiredSessions(db);
      await pruneRateLimits(db, new Date(now().getTime() - DAY * 1000).toISOString());
    },
  },
  {
    // At night in the hub's time zone (DEFAULT_TIME_ZONE), when few people are reading.
    name: 'platform.planner-statistics',
    schedule: { dailyAt: '03:00' },
    run: ({ db }) => refreshPlannerStatistics(db),
  },
  {
    name: 'platform.unreferenced-files',
    schedule: { dailyAt: '03:30' },
    leaseSeconds: 1800,
    run: async (deps, _payload, { now }) => {
      const report = await sweepUnreferencedFiles(deps, now());
      deps.logger.info({ files: report }, 'unreferenced files swept');
    },
  },
];
