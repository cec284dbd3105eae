// The databases of the integration tests. Running every migration for every test file was most of
// a file's set-up (1.5–4 s per file on PostgreSQL on this machine), so:
// - SQLite: the run migrates one template once (test/global-setup.ts) and each test file opens a
//   copy of it in memory (the serialized template: a few milliseconds);
// - PostgreSQL: each test file gets a schema of its own, and a worker process keeps the schemas
//   of its finished files: the next file takes one, emptied with TRUNCATE … RESTART IDENTITY
//   (no migration inserts rows, so empty is as new), instead of migrating a fresh one. The global
//   teardown drops every schema of the run. (A database per file copied from a template was
//   tried: CREATE DATABASE … TEMPLATE and DROP DATABASE cost more than the migrations they save.)
// Either way the harness then brings the copy up to date, a no-op unless a test adds modules.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { type DialectSetup, postgresSetup, sqliteSetup } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { modules } from '../src/modules/index.ts';

export const usingPostgres = process.env.HUB_TEST_DB === 'postgres';

function postgresUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url)
    throw new Error('npm run test:pg needs TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test');
  return url;
}

/** Runs statements on the test database outside any test schema. */
async function onServer<T>(run: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({ dialect: postgresSetup(postgresUrl(), { max: 1 }).dialect });
  try {
    return await run(db);
  } finally {
    await db.destroy();
  }
}

/** What every test file's database starts from: a serialized SQLite file, or the run's id on PostgreSQL. */
export interface Template {
  sqliteFile?: string;
  /** PostgreSQL: the schemas of this run are named hub_test_<runId>_…, so teardown finds them all. */
  runId?: string;
}

/** Prepares the run (test/global-setup.ts); the returned function cleans up after it. */
export async function makeTemplate(): Promise<{ template: Template; remove: () => Promise<void> }> {
  if (usingPostgres) {
    const runId = randomBytes(4).toString('hex');
    return {
      template: { runId },
      remove: () =>
        onServer(async (db) => {
          const { rows } = await sql<{ name: string }>`
            select nspname as name from pg_namespace where nspname like ${`hub_test_${runId}_%`}`.execute(db);
          for (const { name } of rows) await db.schema.dropSchema(name).ifExists().cascade().execute();
        }),
    };
  }
  const setup = sqliteSetup(':memory:');
  const db = new Kysely<unknown>({ dialect: setup.dialect });
  await migrateToLatest(
    db,
    modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-template-'));
  const file = path.join(dir, 'template.sqlite');
  fs.writeFileSync(file, setup.sqlite?.serialize() ?? Buffer.alloc(0));
  await db.destroy();
  return {
    template: { sqliteFile: file },
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

let sqliteTemplate: Buffer | undefined;
/** This worker's emptied PostgreSQL schemas, migrated for every module, waiting for a test file. */
const freeSchemas: string[] = [];

export interface TestDatabase {
  setup: DialectSetup;
  /** After the file: keep the database for the next file of this worker (emptied), or drop it. */
  release: (options: { reuse: boolean }) => Promise<void>;
}

/** A database of its own for a test file. */
export async function openTestDatabase(template: Template | undefined): Promise<TestDatabase> {
  if (usingPostgres) {
    const url = postgresUrl();
    const schema =
      freeSchemas.pop() ?? `hub_test_${template?.runId ?? 'solo'}_${randomBytes(6).toString('hex')}`;
    await onServer((db) => db.schema.createSchema(schema).ifNotExists().execute());
    return {
      // A test's commit need not survive a crash of the server: not waiting for the WAL to reach
      // the disk at each commit makes the suite's thousands of small transactions cheaper.
      setup: postgresSetup(url, { searchPath: schema, max: 4, settings: { synchronous_commit: 'off' } }),
      release: ({ reuse }) =>
        onServer(async (db) => {
          if (reuse && template?.runId) {
            await emptySchema(db, schema);
            freeSchemas.push(schema);
          } else {
            await db.schema.dropSchema(schema).cascade().execute();
          }
        }),
    };
  }
  if (template?.sqliteFile) sqliteTemplate ??= fs.readFileSync(template.sqliteFile);
  return { setup: sqliteSetup(':memory:', { from: sqliteTemplate }), release: async () => {} };
}

/** Every table of the schema emptied and its identities restarted, the migrations' record kept. */
async function emptySchema(db: Kysely<unknown>, schema: string): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = ${schema} and tablename not like 'kysely_migration%'`.execute(db);
  if (rows.length === 0) return;
  const tables = sql.join(rows.map((r) => sql.table(`${schema}.${r.name}`)));
  await sql`truncate ${tables} restart identity cascade`.execute(db);
}
