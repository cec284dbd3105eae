// Scheduled and deferred work (docs/jobs.md): the job table, its runner (one per server process),
// recurring schedules, and what the command line and the administration page show of it.
import type { HubModule, JobKind } from '../context.ts';
import { platformJobs } from './platform-jobs.ts';

export { type JobsOverview, jobsOverview } from './listing.ts';
export { DEFAULT_MAX_ATTEMPTS, type EnqueueOptions, enqueueJob } from './queue.ts';
export { backoffSeconds, JobRunner, type Outcome, type RunnerOptions } from './runner.ts';
export {
  describeSchedule,
  nextRunAfter,
  parseSchedule,
  type ResolvedSchedule,
  resolveSchedule,
  type Schedule,
  scheduleText,
} from './schedule.ts';

/** Every kind of job: the platform's, then each module's, in module order. */
// biome-ignore lint/suspicious/noExplicitAny: each kind declares its own payload type.
export function jobKinds(modules: readonly HubModule[]): JobKind<any>[] {
  return [...platformJobs, ...modules.flatMap((m) => m.jobs ?? [])];
}
