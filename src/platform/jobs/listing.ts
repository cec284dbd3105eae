// What `hub jobs` and the administration page show: the recurring jobs, what is running, what waits
// and what failed (the newest 100 of each, with their counts).
import type { Kysely } from 'kysely';
import type { Database, Job } from '../../db/schema.ts';

const SHOWN = 100;

export interface JobsOverview {
  recurring: Job[];
  running: Job[];
  queued: Job[];
  failed: Job[];
  counts: { running: number; queued: number; failed: number };
}

export async function jobsOverview(db: Kysely<Database>, now: Date = new Date()): Promise<JobsOverview> {
  const at = now.toISOString();
  const base = db.selectFrom('jobs').selectAll();
  const isRunning = (q: typeof base) => q.where('locked_until', '>=', at);
  const notRunning = (q: typeof base) =>
    q.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]));
  const oneOff = base.where('schedule', 'is', null);
  const [recurring, running, queued, failed, counts] = await Promise.all([
    base.where('schedule', 'is not', null).orderBy('name').execute(),
    isRunning(base).orderBy('last_started_at').limit(SHOWN).execute(),
    notRunning(oneOff.where('status', '=', 'queued'))
      .orderBy('run_at')
      .orderBy('id')
      .limit(SHOWN)
      .execute(),
    oneOff.where('status', '=', 'failed').orderBy('last_finished_at', 'desc').limit(SHOWN).execute(),
    db
      .selectFrom('jobs')
      .select((eb) => [
        eb.fn.sum<number>(eb.case().when('locked_until', '>=', at).then(1).else(0).end()).as('running'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.and([
                  eb('schedule', 'is', null),
                  eb('status', '=', 'queued'),
                  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', at)]),
                ]),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('queued'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('schedule', 'is', null), eb('status', '=', 'failed')]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('failed'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    recurring,
    running,
    queued,
    failed,
    counts: {
      running: Number(counts.running ?? 0),
      queued: Number(counts.queued ?? 0),
      failed: Number(counts.failed ?? 0),
    },
  };
}
