// The crash test: the real server (`hub serve --workers 2`, bench/lib/server.ts) takes writes from
// several API clients at once (POST /api/v1/posts: a post, its tags, its search entry and its
// audit entry in one transaction), is killed with SIGKILL (primary and workers, the whole process
// group) in the middle of them, and started again on the same database. Every write it answered
// 201 must be there, whole, and the database must be sound: SQLite's integrity and foreign key
// checks, the search index's own check; on PostgreSQL the rows readable and consistent. A request
// cut by the kill got no answer: it may or may not be there. SQLite file in WAL mode, or a
// PostgreSQL schema of its own (test/databases.ts), so the same on both runs of the suite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type RunningServer, signalGroup, startServer } from '../bench/lib/server.ts';
import { postgresSetup, sqliteSetup } from '../src/db/dialect.ts';
import type { Database } from '../src/db/schema.ts';
import { createApiToken } from '../src/platform/auth.ts';
import type { TestDatabase } from './databases.ts';

// Not from ./databases.ts, which loads every module (2 s when this file runs alone): on SQLite
// the template is migrated already, only PostgreSQL needs them (below).
const usingPostgres = process.env.HUB_TEST_DB === 'postgres';

const WORKERS = 2;
const CLIENTS = 8;
/** How long the clients write before the kill. */
const LOAD_MS = 2000;
const MIN_ACKNOWLEDGED = 50;
const TAGS = ['crash', 'test'];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-crash-'));
const sqliteFile = path.join(dataDir, 'hub.sqlite');
let testDatabase: TestDatabase | undefined;
/** PostgreSQL: the server's DATABASE_URL, with the test's schema as its search path. */
let databaseUrl: string | undefined;
let schema = '';
let token = '';
const servers: RunningServer[] = [];

/** A connection of the test's own to the database the server uses. */
function openDb(): Kysely<Database> {
  const setup = usingPostgres
    ? postgresSetup(process.env.TEST_DATABASE_URL ?? '', { searchPath: schema, max: 2 })
    : sqliteSetup(sqliteFile);
  return new Kysely<Database>({ dialect: setup.dialect });
}

beforeAll(async () => {
  const template = inject('databaseTemplate');
  let db: Kysely<Database>;
  if (usingPostgres) {
    const { openTestDatabase } = await import('./databases.ts');
    const { migrateToLatest } = await import('../src/db/migrate.ts');
    const { modules } = await import('../src/modules/index.ts');
    testDatabase = await openTestDatabase(template);
    db = new Kysely<Database>({ dialect: testDatabase.setup.dialect });
    // An emptied schema of an earlier file is migrated already; a new one is not.
    await migrateToLatest(
      db,
      modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
    );
    const { rows } = await sql<{ name: string }>`select current_schema() as name`.execute(db);
    schema = rows[0]?.name ?? '';
    const url = new URL(process.env.TEST_DATABASE_URL ?? '');
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
  } else {
    // A copy of the run's migrated template, as a file the server processes share.
    if (template.sqliteFile) fs.copyFileSync(template.sqliteFile, sqliteFile);
    db = openDb();
  }
  try {
    const now = new Date().toISOString();
    const editor = await db
      .insertInto('users')
      .values({
        email: 'editor@example.org',
        name: 'Editor',
        password_hash: null,
        role: 'editor',
        locale: null,
        time_zone: null,
        email_verified_at: now,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    token = (await createApiToken(db, editor.id, 'crash test')).token;
  } finally {
    // Nothing of the test holds the database while the server runs and dies: the restart finds
    // what the killed processes left, as it would after a real crash.
    await db.destroy();
  }
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await testDatabase?.release({ reuse: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(workers: number): Promise<RunningServer> {
  const server = await startServer({
    dataDir,
    workers,
    env: databaseUrl ? { DATABASE_URL: databaseUrl } : {},
  });
  servers.push(server);
  await server.ready;
  // /healthz answers once one worker listens; the primary says so when all of them do.
  await until('every worker to listen', () => server.output().includes('Listening on port'));
  return server;
}

async function until(what: string, check: () => boolean, seconds = 60): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Waited ${seconds} s for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const post = (url: string, n: number) =>
  fetch(`${url}/api/v1/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `Crash test post ${n}`,
      lang: 'en',
      body: `Written by the crash test, number ${n}.`,
      category: 'news',
      tags: TAGS,
      organisation: null,
      status: 'publish',
    }),
  });

it('keeps every acknowledged write and a sound database when the server is killed under load', async () => {
  const started = performance.now();
  const first = await start(WORKERS);
  const startedIn = performance.now() - started;

  // The load: each client writes post after post; what answered 201 is acknowledged.
  const acknowledged: string[] = [];
  const statuses: Record<number, number> = {};
  let cut = 0;
  let failure: string | undefined;
  let killed = false;
  let next = 0;
  const client = async () => {
    while (!killed) {
      const n = next++;
      try {
        const res = await post(first.url, n);
        const body = (await res.json()) as { slug?: string };
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (res.status === 201 && body.slug) acknowledged.push(body.slug);
      } catch (err) {
        // Only the kill may cut a request: before it, a failed request is a failure of the test.
        if (killed) cut++;
        else failure ??= `request ${n} failed before the kill: ${err}`;
        return;
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, client);
  // LOAD_MS of writes, and enough of them acknowledged to be worth checking (a busy machine is slower).
  const loadStarted = Date.now();
  await until(
    'writes to be acknowledged',
    () => !!failure || (Date.now() - loadStarted >= LOAD_MS && acknowledged.length >= MIN_ACKNOWLEDGED),
  );
  // In the middle of the writes: every client has a request in flight.
  killed = true;
  signalGroup(first.pid, 'SIGKILL');
  await Promise.all(clients);
  await first.stop();

  // Every request answered before the kill was a success: no 5xx, no refusal, no cut connection.
  expect(failure).toBeUndefined();
  expect(statuses).toEqual({ 201: acknowledged.length });
  const killedAt = performance.now();
  // One process is enough to find what the killed ones left (and starts in half the time).
  const second = await start(1);
  const restartedIn = performance.now() - killedAt;
  expect((await fetch(`${second.url}/readyz`)).status).toBe(200);

  const db = openDb();
  try {
    if (!usingPostgres) {
      const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      expect(integrity.rows.map((r) => r.integrity_check)).toEqual(['ok']);
      const foreignKeys = await sql`pragma foreign_key_check`.execute(db);
      expect(foreignKeys.rows).toEqual([]);
      // The full-text index's own check (throws when it is corrupt).
      await sql`insert into search_fts (search_fts) values ('integrity-check')`.execute(db);
    }

    // Every acknowledged post is there, whole: its tags, its search entry, its audit entry.
    const posts = await db.selectFrom('posts').select(['id', 'slug']).execute();
    const slugs = new Set(posts.map((p) => p.slug));
    expect(acknowledged.filter((slug) => !slugs.has(slug))).toEqual([]);
    // At most the requests cut by the kill were written besides (committed, the answer lost).
    expect(posts.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(posts.length).toBeLessThanOrEqual(acknowledged.length + CLIENTS);
    const perPost = async (
      table: 'post_tags' | 'search_documents' | 'audit_log',
      query: (db: Kysely<Database>) => Promise<{ n: number | string }>,
    ) => ({ table, n: Number((await query(db)).n) });
    const counts = await Promise.all([
      perPost('post_tags', (d) =>
        d
          .selectFrom('post_tags')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
      perPost('search_documents', (d) =>
        d
          .selectFrom('search_documents')
          .where('type', '=', 'post')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
      perPost('audit_log', (d) =>
        d
          .selectFrom('audit_log')
          .where('action', '=', 'post.created')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    ]);
    expect(counts).toEqual([
      { table: 'post_tags', n: posts.length * TAGS.length },
      { table: 'search_documents', n: posts.length },
      { table: 'audit_log', n: posts.length },
    ]);
  } finally {
    await db.destroy();
  }

  // The restarted server reads and writes.
  const last = acknowledged.at(-1);
  expect((await fetch(`${second.url}/api/v1/posts/${last}`)).status).toBe(200);
  expect((await post(second.url, next)).status).toBe(201);
  console.log(
    `crash test (${usingPostgres ? 'PostgreSQL' : 'SQLite'}): ${acknowledged.length} writes acknowledged, ${cut} cut by the kill; started in ${Math.round(startedIn)} ms, restarted in ${Math.round(restartedIn)} ms`,
  );
}, 180_000);
