// The job runner: one in every server process, all claiming from the same `jobs` table. A due job
// is claimed by one UPDATE … RETURNING that sets a lease (locked_by, locked_until) only where no
// live lease is held, so exactly one runner gets it — on SQLite a statement is atomic, and
// PostgreSQL re-checks the lease conditions on a row another transaction has just claimed (the
// outbox's claim, src/platform/mail/outbox.ts, in one statement). The lease is renewed while the
// handler runs; when a process dies mid-run, another takes the job over once the lease expires.
// See docs/jobs.md.
import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder, UpdateQueryBuilder, UpdateResult } from 'kysely';
import type { Database, Job } from '../../db/schema.ts';
import type { AppDeps, JobKind, JobRun } from '../context.ts';
import { Poller } from '../poller.ts';
import { loadSite } from '../site/index.ts';
import { DEFAULT_MAX_ATTEMPTS } from './queue.ts';
import { nextRunAfter, parseSchedule, resolveSchedule, scheduleText } from './schedule.ts';

const DEFAULT_LEASE_SECONDS = 300;
/** Between attempts: 1, 2, 4 … minutes, at most a day. */
export const backoffSeconds = (attempts: number) => Math.min(60 * 2 ** (attempts - 1), 86_400);

export interface RunnerOptions {
  pollMs?: number;
  /** The runner's clock; tests move it instead of sleeping. */
  clock?: () => Date;
  workerId?: string;
}

export interface Outcome {
  job: Job;
  ok: boolean;
  error?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: each kind declares its own payload type.
type AnyKind = JobKind<any>;

type JobUpdate = UpdateQueryBuilder<Database, 'jobs', 'jobs', UpdateResult>;

/** The lease is free: never taken, or expired. */
const leaseFree = (now: string) => (eb: ExpressionBuilder<Database, 'jobs'>) =>
  eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]);

const iso = (d: Date) => d.toISOString();
const messageOf = (err: unknown) =>
  (err instanceof Error ? err.stack || err.message : String(err)).slice(0, 4000);

export class JobRunner {
  readonly workerId: string;
  readonly kinds: ReadonlyMap<string, AnyKind>;
  private readonly clock: () => Date;
  private readonly poller: Poller;
  private recurringReady: Promise<void> | undefined;

  constructor(
    private readonly deps: AppDeps,
    kinds: readonly AnyKind[],
    options: RunnerOptions = {},
  ) {
    const map = new Map<string, AnyKind>();
    for (const kind of kinds) {
      if (map.has(kind.name)) throw new Error(`Two job kinds are named ${kind.name}`);
      map.set(kind.name, kind);
    }
    this.kinds = map;
    this.clock = options.clock ?? (() => new Date());
    this.workerId = options.workerId ?? randomUUID();
    this.poller = new Poller(
      options.pollMs ?? deps.config.jobsPollMs,
      () => this.runDue(),
      (err) => this.deps.logger.error({ err }, 'job runner failed'),
    );
  }

  /** Polls the job table until stop(). */
  start(): void {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  /**
   * Makes sure each recurring kind has its row, due at its next slot; a schedule changed in the
   * code replaces the stored one. Every process does this on start: the unique key makes the
   * insert a no-op after the first.
   */
  ensureRecurring(): Promise<void> {
    this.recurringReady ??= this.writeRecurring().catch((err) => {
      this.recurringReady = undefined;
      throw err;
    });
    return this.recurringReady;
  }

  private async writeRecurring(): Promise<void> {
    const { db } = this.deps;
    const now = this.clock();
    for (const kind of this.kinds.values()) {
      if (!kind.schedule) continue;
      const schedule = resolveSchedule(kind.schedule, this.deps.config.defaultTimeZone);
      const text = scheduleText(schedule);
      const runAt = iso(nextRunAfter(schedule, now));
      const maxAttempts = kind.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
      await db
        .insertInto('jobs')
        .values({
          name: kind.name,
          unique_key: kind.name,
          schedule: text,
          run_at: runAt,
          max_attempts: maxAttempts,
          created_at: iso(now),
        })
        .onConflict((oc) => oc.column('unique_key').doNothing())
        .execute();
      await db
        .updateTable('jobs')
        .set({ schedule: text, run_at: runAt, status: 'queued', max_attempts: maxAttempts })
        .where('unique_key', '=', kind.name)
        .where((eb) => eb.or([eb('schedule', 'is', null), eb('schedule', '!=', text)]))
        .execute();
    }
  }

  /** Runs every job that is due now, one claim at a time; returns what ran. */
  async runDue(): Promise<Outcome[]> {
    await this.ensureRecurring();
    const done: Outcome[] = [];
    for (;;) {
      const job = await this.claimDue();
      if (!job) return done;
      done.push(await this.execute(job));
    }
  }

  private async claimDue(): Promise<Job | undefined> {
    const names = [...this.kinds.keys()];
    if (names.length === 0) return undefined;
    const now = iso(this.clock());
    const due = this.deps.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_at', '<=', now)
      .where('name', 'in', names)
      .where(leaseFree(now))
      .orderBy('run_at')
      .orderBy('id')
      .limit(1);
    return this.claim((q) => q.where('id', 'in', due).where('status', '=', 'queued'), now);
  }

  /**
   * One UPDATE … RETURNING that takes the lease of the rows `where` picks, where no live lease is
   * held. The lease conditions are repeated outside any subquery so that PostgreSQL checks them again
   * on a row a concurrent runner has just claimed (it then updates nothing).
   */
  private async claim(where: (q: JobUpdate) => JobUpdate, now: string): Promise<Job | undefined> {
    const q = this.deps.db.updateTable('jobs').set({
      locked_by: this.workerId,
      locked_until: iso(new Date(Date.parse(now) + DEFAULT_LEASE_SECONDS * 1000)),
      last_started_at: now,
    });
    const rows = await where(q).where(leaseFree(now)).returningAll().execute();
    const job = rows[0] as Job | undefined;
    if (!job) return undefined;
    const lease = this.kinds.get(job.name)?.leaseSeconds;
    if (lease && lease !== DEFAULT_LEASE_SECONDS) await this.extendLease(job.id, lease);
    return job;
  }

  private async extendLease(id: number, seconds: number): Promise<void> {
    await this.deps.db
      .updateTable('jobs')
      .set({ locked_until: iso(new Date(this.clock().getTime() + seconds * 1000)) })
      .where('id', '=', id)
      .where('locked_by', '=', this.workerId)
      .execute();
  }

  /** Runs a claimed job's handler and writes what came of it. */
  private async execute(job: Job): Promise<Outcome> {
    const kind = this.kinds.get(job.name);
    const lease = kind?.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
    const renew = setInterval(
      () =>
        this.extendLease(job.id, lease).catch((err) =>
          this.deps.logger.warn({ err, jobId: job.id }, 'job lease could not be renewed'),
        ),
      (lease * 1000) / 3,
    );
    renew.unref();
    const run: JobRun = { id: job.id, attempt: job.attempts + 1, dueAt: job.run_at, now: this.clock };
    let error: string | undefined;
    try {
      if (!kind) throw new Error(`No job kind is named ${job.name}`);
      // The hub's name and settings, fresh for the mails and feeds the job writes (platform/site).
      await loadSite(this.deps.db);
      await kind.run(this.deps, JSON.parse(job.payload), run);
    } catch (err) {
      error = messageOf(err);
      this.deps.logger.warn({ err, jobId: job.id, job: job.name, attempt: run.attempt }, 'job failed');
    } finally {
      clearInterval(renew);
    }
    await this.finish(job, error);
    return { job, ok: error === undefined, error };
  }

  private async finish(job: Job, error: string | undefined): Promise<void> {
    const { db } = this.deps;
    const now = this.clock();
    const mine = db.updateTable('jobs').where('id', '=', job.id).where('locked_by', '=', this.workerId);
    const unlocked = { locked_by: null, locked_until: null, last_finished_at: iso(now) };
    if (!job.schedule) {
      if (error === undefined) {
        await db.deleteFrom('jobs').where('id', '=', job.id).where('locked_by', '=', this.workerId).execute();
        return;
      }
      const attempts = job.attempts + 1;
      const failed = attempts >= job.max_attempts;
      await mine
        .set({
          ...unlocked,
          attempts,
          last_error: error,
          status: failed ? 'failed' : 'queued',
          run_at: failed ? job.run_at : iso(new Date(now.getTime() + backoffSeconds(attempts) * 1000)),
        })
        .execute();
      return;
    }
    // A recurring job keeps its rhythm: the next slot after now (or after its own slot, when it
    // was run by hand before it was due). A failure is retried sooner when backoff says so.
    const keep =
      Date.parse(job.run_at) > now.getTime()
        ? new Date(job.run_at)
        : nextRunAfter(parseSchedule(job.schedule), now);
    if (error === undefined) {
      await mine.set({ ...unlocked, attempts: 0, last_error: null, run_at: iso(keep) }).execute();
      return;
    }
    const attempts = job.attempts + 1;
    const retry = new Date(now.getTime() + backoffSeconds(attempts) * 1000);
    const next = attempts < job.max_attempts && retry < keep ? retry : keep;
    await mine.set({ ...unlocked, attempts, last_error: error, run_at: iso(next) }).execute();
  }

  /**
   * `hub jobs run NAME`: a recurring job now (its slot unchanged), or every queued and failed job of
   * a one-off kind. Takes the lease as the runners do, so no server runs it at the same moment.
   * Returns null when no kind has that name.
   */
  async runNow(name: string): Promise<{ outcomes: Outcome[]; busy: number } | null> {
    const kind = this.kinds.get(name);
    if (!kind) return null;
    await this.ensureRecurring();
    const ids = await this.deps.db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', name)
      .orderBy('id')
      .execute();
    const outcomes: Outcome[] = [];
    let busy = 0;
    for (const { id } of ids) {
      const job = await this.claim((q) => q.where('id', '=', id), iso(this.clock()));
      if (job) outcomes.push(await this.execute(job));
      else busy++;
    }
    return { outcomes, busy };
  }
}
