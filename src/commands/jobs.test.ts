// `hub jobs` and `hub jobs run NAME`, run in-process against a temporary SQLite database (as
// src/main.test.ts runs the other commands).
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cliForFile } from '../../test/cli.ts';

const { dataDir, run } = cliForFile({ DEFAULT_TIME_ZONE: 'Asia/Vientiane' });

describe('hub jobs', () => {
  it('lists the recurring jobs, then what waits and what failed', async () => {
    expect((await run('migrate')).code).toBe(0);
    const empty = await run('jobs');
    expect(empty.code).toBe(0);
    expect(empty.out).toContain('Recurring (5)');
    expect(empty.out).toMatch(
      /news\.publish-due\s+every minute\s+next \d{4}-\d\d-\d\d \d\d:\d\d:00 UTC {2}not run yet/,
    );
    expect(empty.out).toContain('platform.planner-statistics');
    expect(empty.out).toContain('daily at 03:00 (Asia/Vientiane)');
    expect(empty.out).toContain('Queued (0)\n  none');
    expect(empty.out).toContain('Failed (0)\n  none');

    const db = new SQLite(path.join(dataDir, 'hub.sqlite'));
    const at = '2030-01-01T00:00:00.000Z';
    db.prepare(
      `insert into jobs (name, run_at, max_attempts, created_at, status, attempts, last_error, last_finished_at)
       values ('events.reminder', ?, 5, ?, 'queued', 0, null, null),
              ('events.reminder', ?, 5, ?, 'failed', 5, 'relay refused: 550 no such user' || char(10) || '  at send', ?)`,
    ).run(at, at, at, at, at);
    db.close();
    const listed = await run('jobs');
    expect(listed.out).toMatch(/Queued \(1\)\n {2}#\d+ events\.reminder {2}due 2030-01-01 00:00:00 UTC/);
    expect(listed.out).toMatch(
      /Failed \(1\)\n {2}#\d+ events\.reminder {2}5 attempts, last 2030-01-01 00:00:00 UTC: relay refused: 550 no such user$/,
    );
  });

  it('runs one job now, and names the jobs when asked for one that does not exist', async () => {
    const ran = await run('jobs', 'run', 'news.publish-due');
    expect(ran.code, ran.err).toBe(0);
    expect(ran.out).toMatch(/news\.publish-due #\d+: done\./);
    expect((await run('jobs')).out).toMatch(/news\.publish-due\s+every minute\s+next .* {2}last run /);

    const unknown = await run('jobs', 'run', 'news.nothing');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('No job is named news.nothing. Jobs: platform.prune,');
    expect((await run('jobs', 'run')).code).toBe(2);
    expect((await run('jobs', '--help')).out).toContain('Usage: hub jobs');
    expect((await run('--help')).out).toContain('jobs run');
  });
});
