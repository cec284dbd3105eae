// The job runner on SQLite or PostgreSQL, with a clock the tests move: a due job runs exactly once
// when several runners claim at once; failures are retried after 1, 2, 4 … minutes and kept with
// their error; a recurring job keeps its rhythm when the runner holding it dies; jobs are queued in
// the transaction of the change that causes them.
import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import type { JobKind } from '../context.ts';
import { enqueueJob } from './queue.ts';
import { JobRunner } from './runner.ts';

const hub = await platformForFile();
const { db } = hub.deps;

let now = new Date('2030-01-07T10:00:00.000Z');
const clock = () => now;
const later = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};
const runner = (kinds: JobKind[]) => new JobRunner(hub.deps, kinds, { clock });
const row = (where: { id?: number; key?: string }) => {
  let q = db.selectFrom('jobs').selectAll();
  if (where.id) q = q.where('id', '=', where.id);
  if (where.key) q = q.where('unique_key', '=', where.key);
  return q.executeTakeFirst();
};

describe('claiming', () => {
  it('runs a due job exactly once when several runners claim at once', async () => {
    const runs: number[] = [];
    const kind: JobKind<{ n: number }> = {
      name: 'test.count',
      run: async (_deps, { n }) => {
        runs.push(n);
      },
    };
    await enqueueJob(db, 'test.count', { n: 0 }, { runAt: now });
    const five = Array.from({ length: 5 }, () => runner([kind as JobKind]));
    await Promise.all(five.map((r) => r.runDue()));
    expect(runs).toEqual([0]);

    for (let n = 1; n <= 30; n++) await enqueueJob(db, 'test.count', { n }, { runAt: now });
    await Promise.all(five.map((r) => r.runDue()));
    expect(runs.sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, n) => n));
    expect(await db.selectFrom('jobs').select('id').where('name', '=', 'test.count').execute()).toEqual([]);
  });

  it('leaves jobs that are not due, and kinds it does not know', async () => {
    const runs: string[] = [];
    const kind: JobKind = { name: 'test.later', run: async () => void runs.push('later') };
    await enqueueJob(db, 'test.later', {}, { runAt: new Date(now.getTime() + 60_000) });
    await enqueueJob(db, 'test.unknown', {}, { runAt: now });
    await runner([kind]).runDue();
    expect(runs).toEqual([]);
    later(60);
    await runner([kind]).runDue();
    expect(runs).toEqual(['later']);
    expect(await row({})).toMatchObject({ name: 'test.unknown', status: 'queued' });
    await db.deleteFrom('jobs').where('name', '=', 'test.unknown').execute();
  });

  it('queues in the transaction of the change: a rollback queues nothing; a unique key once', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueueJob(trx, 'test.rolled-back');
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    expect(await db.selectFrom('jobs').select('id').where('name', '=', 'test.rolled-back').execute()).toEqual(
      [],
    );
    expect(await enqueueJob(db, 'test.reminder', { event: 1 }, { uniqueKey: 'reminder:1' })).toBe(true);
    expect(await enqueueJob(db, 'test.reminder', { event: 1 }, { uniqueKey: 'reminder:1' })).toBe(false);
    await db.deleteFrom('jobs').where('name', '=', 'test.reminder').execute();
  });
});

describe('failures', () => {
  it('retries after 1, 2 … minutes, then keeps the job as failed with its error and attempts', async () => {
    let calls = 0;
    const kind: JobKind = {
      name: 'test.broken',
      run: async () => {
        calls++;
        throw new Error(`the printer is on fire (${calls})`);
      },
    };
    const r = runner([kind]);
    await enqueueJob(db, 'test.broken', {}, { runAt: now, maxAttempts: 3 });
    const [first] = await r.runDue();
    expect(first).toMatchObject({ ok: false });
    const id = first?.job.id ?? 0;
    expect(await row({ id })).toMatchObject({
      status: 'queued',
      attempts: 1,
      run_at: new Date(now.getTime() + 60_000).toISOString(),
      locked_by: null,
    });
    later(59);
    expect(await r.runDue()).toEqual([]);
    later(1);
    expect(await r.runDue()).toHaveLength(1);
    expect(await row({ id })).toMatchObject({
      attempts: 2,
      run_at: new Date(now.getTime() + 120_000).toISOString(),
    });
    later(120);
    await r.runDue();
    const failed = await row({ id });
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, locked_by: null });
    expect(failed?.last_error).toContain('the printer is on fire (3)');
    later(86_400);
    expect(await r.runDue()).toEqual([]);
    expect(calls).toBe(3);

    // Run again by hand (hub jobs run): it succeeds this time, and goes.
    const fixed = runner([{ name: 'test.broken', run: async () => {} }]);
    const result = await fixed.runNow('test.broken');
    expect(result?.outcomes.map((o) => o.ok)).toEqual([true]);
    expect(await row({ id })).toBeUndefined();
  });
});

describe('recurring jobs', () => {
  it('keeps its rhythm when the runner holding it dies, and never runs a slot twice', async () => {
    const slots: string[] = [];
    const kind: JobKind = {
      name: 'test.tick',
      schedule: { everyMinutes: 5 },
      leaseSeconds: 60,
      run: async (_deps, _payload, run) => void slots.push(run.dueAt),
    };
    now = new Date('2030-01-07T12:01:00.000Z');
    const [a, b] = [runner([kind]), runner([kind])];
    await Promise.all([a.ensureRecurring(), b.ensureRecurring()]);
    expect(await db.selectFrom('jobs').select('id').where('name', '=', 'test.tick').execute()).toHaveLength(
      1,
    );
    expect(await row({ key: 'test.tick' })).toMatchObject({
      schedule: 'every 5',
      run_at: '2030-01-07T12:05:00.000Z',
    });

    later(4 * 60); // 12:05
    await Promise.all([a.runDue(), b.runDue()]);
    expect(slots).toEqual(['2030-01-07T12:05:00.000Z']);

    // At 12:10 runner A claims the job and its process dies: the lease stays, nothing finishes.
    later(5 * 60);
    await db
      .updateTable('jobs')
      .set({ locked_by: a.workerId, locked_until: new Date(now.getTime() + 60_000).toISOString() })
      .where('unique_key', '=', 'test.tick')
      .execute();
    await b.runDue();
    expect(slots).toHaveLength(1);
    // Once the lease has expired, B takes the 12:10 run over; then 12:15, 12:20 as before.
    later(61);
    await b.runDue();
    later(4 * 60);
    await b.runDue();
    later(5 * 60);
    await b.runDue();
    await b.runDue();
    expect(slots).toEqual([
      '2030-01-07T12:05:00.000Z',
      '2030-01-07T12:10:00.000Z',
      '2030-01-07T12:15:00.000Z',
      '2030-01-07T12:20:00.000Z',
    ]);
    // After an hour with no process running, it runs once, then on its slots again.
    later(60 * 60 + 30);
    await b.runDue();
    expect(slots.at(-1)).toBe('2030-01-07T12:25:00.000Z');
    expect(await row({ key: 'test.tick' })).toMatchObject({ run_at: '2030-01-07T13:25:00.000Z' });
  });

  it('keeps a failing run’s error, retries it before the next slot, and clears it after a success', async () => {
    let fail = true;
    const kind: JobKind = {
      name: 'test.daily',
      schedule: { dailyAt: '03:00', zone: 'Asia/Vientiane' },
      run: async () => {
        if (fail) throw new Error('the mail relay is down');
      },
    };
    now = new Date('2030-01-07T19:00:00.000Z');
    const r = runner([kind]);
    await r.ensureRecurring();
    expect(await row({ key: 'test.daily' })).toMatchObject({ run_at: '2030-01-07T20:00:00.000Z' });
    later(3600);
    await r.runDue();
    expect(await row({ key: 'test.daily' })).toMatchObject({
      attempts: 1,
      run_at: '2030-01-07T20:01:00.000Z',
      status: 'queued',
    });
    expect((await row({ key: 'test.daily' }))?.last_error).toContain('the mail relay is down');
    fail = false;
    later(60);
    await r.runDue();
    expect(await row({ key: 'test.daily' })).toMatchObject({
      attempts: 0,
      last_error: null,
      run_at: '2030-01-08T20:00:00.000Z',
    });
    // Run by hand before its time: it runs, and its slot stays.
    const manual = await r.runNow('test.daily');
    expect(manual?.outcomes.map((o) => o.ok)).toEqual([true]);
    expect(await row({ key: 'test.daily' })).toMatchObject({ run_at: '2030-01-08T20:00:00.000Z' });
    expect(await r.runNow('test.nothing')).toBeNull();
  });
});
