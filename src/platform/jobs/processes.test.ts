// Two real server processes on one database (SQLite file in WAL mode, or a PostgreSQL schema),
// each with its job runner (test/job-server.ts: the real server plus a module with test jobs that
// write each run to a file): a due job runs exactly once; a recurring job (every second) keeps
// its rhythm when one process is killed. The waits are for things to happen, never on their speed.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingPostgres } from '../../../test/harness.ts';
import { postgresSetup, sqliteSetup } from '../../db/dialect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Database } from '../../db/schema.ts';
import { modules } from '../../modules/index.ts';
import { enqueueJob } from './queue.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-jobs-processes-'));
const logFile = path.join(dataDir, 'runs.log');
const schema = `hub_jobs_processes_${randomBytes(4).toString('hex')}`;
const pgUrl = process.env.TEST_DATABASE_URL ?? '';

let db: Kysely<Database>;
const children: ChildProcess[] = [];

async function until<T>(what: string, check: () => T | Promise<T>, seconds = 90): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const lines = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').trim().split('\n') : []);

function startServer(): Promise<ChildProcess> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    JOBS_POLL_SECONDS: '0.2',
    JOB_LOG: logFile,
  };
  if (usingPostgres) env.DATABASE_URL = `${pgUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/job-server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The server ended (${code}): ${out}`)));
    until('the server to listen', () => out.includes('Listening on port'), 120).then(
      () => resolve(child),
      reject,
    );
  });
}

beforeAll(async () => {
  const all = modules.flatMap((m) => (m.migrations ? [m.migrations] : []));
  if (usingPostgres) {
    const admin = new Kysely<unknown>({ dialect: postgresSetup(pgUrl, { max: 1 }).dialect });
    await sql.raw(`create schema ${schema}`).execute(admin);
    await admin.destroy();
    db = new Kysely<Database>({ dialect: postgresSetup(pgUrl, { searchPath: schema }).dialect });
  } else {
    db = new Kysely<Database>({ dialect: sqliteSetup(path.join(dataDir, 'hub.sqlite')).dialect });
  }
  await migrateToLatest(db, all);
  await Promise.all([startServer(), startServer()]);
}, 180_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await db.destroy();
  if (usingPostgres) {
    const admin = new Kysely<unknown>({ dialect: postgresSetup(pgUrl, { max: 1 }).dialect });
    await sql.raw(`drop schema if exists ${schema} cascade`).execute(admin);
    await admin.destroy();
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('two server processes on one database', () => {
  it('run each due job exactly once', async () => {
    for (let i = 0; i < 20; i++) await enqueueJob(db, 'test.once', { i });
    await until('the jobs to run', async () => {
      const left = await db.selectFrom('jobs').select('id').where('name', '=', 'test.once').execute();
      return left.length === 0;
    });
    const runs = lines()
      .filter((l) => l.startsWith('once '))
      .map((l) => l.split(' ')[1]);
    expect(runs).toHaveLength(20);
    expect(new Set(runs).size).toBe(20);
  }, 120_000);

  it('keep a recurring job’s rhythm when one of them is killed', async () => {
    const ticks = () =>
      lines()
        .filter((l) => l.startsWith('tick '))
        .map((l) => {
          const [, dueAt = '', pid = ''] = l.split(' ');
          return { dueAt: Date.parse(dueAt), pid: Number(pid) };
        });
    await until('three runs', () => ticks().length >= 3);
    const [first] = children;
    first?.kill('SIGKILL');
    await until('the process to end', () => first?.exitCode !== null || first?.signalCode !== null);
    const before = ticks().length;
    await until('four more runs', () => ticks().length >= before + 4);
    const all = ticks();
    // Every run is on the 1-second grid, and no slot ran twice.
    for (const t of all) expect(t.dueAt % 1000).toBe(0);
    expect(new Set(all.map((t) => t.dueAt)).size).toBe(all.length);
    // After the kill the other process runs it, slot after slot: at most one gap, when the killed
    // process held the job's lease (2 s) as it died.
    const after = all.slice(before);
    expect(new Set(after.map((t) => t.pid))).toEqual(new Set([children[1]?.pid]));
    const gaps = after.slice(1).filter((t, i) => t.dueAt - (after[i]?.dueAt ?? 0) !== 1000);
    expect(gaps.length).toBeLessThanOrEqual(1);
  }, 180_000);
});
