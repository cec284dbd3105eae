// `hub jobs` (what is recurring, running, waiting and failed) and `hub jobs run NAME` (one job now,
// with the lease the servers' runners respect). See docs/jobs.md.
import type { Job } from '../db/schema.ts';
import { describeSchedule, jobsOverview } from '../platform/jobs/index.ts';
import { migrate } from '../server.ts';
import { type Command, UsageError, withPlatform } from './command.ts';

/** 2026-12-20 03:00:00 UTC */
const when = (iso: string | null) => (iso ? `${iso.slice(0, 19).replace('T', ' ')} UTC` : '—');
const firstLine = (error: string | null) => (error ?? '').split('\n')[0]?.slice(0, 200) ?? '';

function section(title: string, count: number, jobs: Job[], line: (job: Job) => string): string[] {
  const lines = [`${title} (${count})`];
  if (jobs.length === 0) lines.push('  none');
  for (const job of jobs) lines.push(`  ${line(job)}`);
  if (count > jobs.length) lines.push(`  … and ${count - jobs.length} more`);
  return lines;
}

/** The text `hub jobs` prints. */
export async function jobsReport(db: Parameters<typeof jobsOverview>[0], now = new Date()): Promise<string> {
  const o = await jobsOverview(db, now);
  const recurring = o.recurring.map((job) => {
    const state = job.last_error
      ? `failing (${job.attempts} in a row): ${firstLine(job.last_error)}`
      : job.last_finished_at
        ? `last run ${when(job.last_finished_at)}`
        : 'not run yet';
    return `${job.name.padEnd(30)} ${describeSchedule(job.schedule ?? '').padEnd(34)} next ${when(job.run_at)}  ${state}`;
  });
  return [
    `Recurring (${recurring.length})`,
    ...(recurring.length ? recurring.map((l) => `  ${l}`) : ['  none']),
    ...section(
      'Running',
      o.counts.running,
      o.running,
      (j) => `#${j.id} ${j.name}  since ${when(j.last_started_at)}, lease until ${when(j.locked_until)}`,
    ),
    ...section(
      'Queued',
      o.counts.queued,
      o.queued,
      (j) =>
        `#${j.id} ${j.name}  due ${when(j.run_at)}${j.attempts ? `, ${j.attempts} failed attempts: ${firstLine(j.last_error)}` : ''}`,
    ),
    ...section(
      'Failed',
      o.counts.failed,
      o.failed,
      (j) =>
        `#${j.id} ${j.name}  ${j.attempts} attempts, last ${when(j.last_finished_at)}: ${firstLine(j.last_error)}`,
    ),
  ].join('\n');
}

export const jobsCommands: Record<string, Command> = {
  jobs: {
    usage: 'hub jobs',
    summary: 'List the recurring, running, queued and failed jobs.',
    options: {},
    run: ({ config }) =>
      withPlatform(config, async (platform) => {
        await migrate(platform);
        await platform.jobs.ensureRecurring();
        console.log(await jobsReport(platform.deps.db));
      }),
  },
  'jobs run': {
    usage: 'hub jobs run <name>',
    summary: 'Run a recurring job now, or the queued and failed jobs of a kind.',
    options: {},
    positionals: 1,
    run: ({ positionals, config }) => {
      const name = positionals[0];
      if (!name) throw new UsageError('Say which job to run: hub jobs run <name> (see hub jobs)');
      return withPlatform(config, async (platform) => {
        await migrate(platform);
        const result = await platform.jobs.runNow(name);
        if (!result)
          throw new UsageError(
            `No job is named ${name}. Jobs: ${[...platform.jobs.kinds.keys()].join(', ')}.`,
          );
        if (result.busy)
          console.log(`${result.busy} job(s) named ${name} are running in another process now.`);
        if (!result.outcomes.length && !result.busy) console.log(`No queued or failed job is named ${name}.`);
        for (const o of result.outcomes)
          console.log(
            o.ok
              ? `${name} #${o.job.id}: done.`
              : `${name} #${o.job.id}: failed: ${firstLine(o.error ?? '')}`,
          );
        if (result.busy || result.outcomes.some((o) => !o.ok))
          throw new Error(`${name} did not run to the end.`);
      });
    },
  },
};
