// Several server processes on one SQLite file (`hub start --workers 2`): every write transaction
// succeeds and none is lost. Before transactions took the write lock when they began, a
// read-then-write transaction failed with SQLITE_BUSY_SNAPSHOT whenever the other process had
// committed since its read (a third of 5 535 concurrent API writes answered 500). SQLite only, so
// the same on both runs of the suite.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kysely, sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { sqliteSetup } from '../src/db/dialect.ts';

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-sqlite-workers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('runs read-then-write transactions from two processes at once without a failure or a lost update', async () => {
  const file = path.join(dir, 'hub.sqlite');
  const db = new Kysely<unknown>({ dialect: sqliteSetup(file).dialect });
  await sql`create table counter (id integer primary key, n integer not null)`.execute(db);
  await sql`insert into counter (id, n) values (1, 0)`.execute(db);
  await sql`create table writes (writer text not null)`.execute(db);
  await db.destroy();

  const perProcess = 200;
  const writer = (name: string) =>
    run(process.execPath, [
      '--import',
      'tsx',
      'test/fixtures/sqlite-writer.ts',
      file,
      name,
      String(perProcess),
    ]);
  const results = (await Promise.all([writer('a'), writer('b')])).map(
    (r) => JSON.parse(r.stdout) as { failed: number; codes: Record<string, number> },
  );
  expect(results).toEqual([
    { failed: 0, codes: {} },
    { failed: 0, codes: {} },
  ]);

  const check = new Kysely<unknown>({ dialect: sqliteSetup(file).dialect });
  const counter = await sql<{ n: number }>`select n from counter where id = 1`.execute(check);
  const writes = await sql<{ n: number }>`select count(*) as n from writes`.execute(check);
  const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(check);
  await check.destroy();
  expect(counter.rows[0]?.n).toBe(2 * perProcess);
  expect(writes.rows[0]?.n).toBe(2 * perProcess);
  expect(integrity.rows[0]?.integrity_check).toBe('ok');
});
