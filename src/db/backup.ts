// A whole database copied to one file and back, per dialect: SQLite's VACUUM INTO, pg_dump
// and pg_restore for PostgreSQL. Each copy comes with the number of rows of every table as they are
// in the copy (not as they were a moment later), so a restore can prove it brought back all of it.
// The archive around it (with the stored files) is platform/backup.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import type { DialectSetup } from './dialect.ts';

export type TableCounts = Record<string, number>;

// biome-ignore lint/suspicious/noExplicitAny: counted tables are named at run time.
type AnyDb = Kysely<any>;

/** Runs a PostgreSQL client tool; says how to install it when it is missing. */
function runTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let stderr = '';
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('error', (err) =>
      reject(
        new Error(
          `${tool} could not be started (${err.message}). Install the PostgreSQL client tools of the ` +
            "server's version, for example: apt-get install postgresql-client",
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${tool} exited with code ${code}: ${stderr.trim()}`)),
    );
  });
}

/** Rows per table of an SQLite database file (its own tables and the search index's). */
function sqliteCounts(db: SQLite.Database): TableCounts {
  const tables = db
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => [
      name,
      Number(
        db
          .prepare(`select count(*) from "${name.replaceAll('"', '""')}"`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

/** Rows per table of the current schema of a PostgreSQL connection (or transaction). */
async function postgresCounts(db: AnyDb): Promise<TableCounts> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(
    db,
  );
  const counts: TableCounts = {};
  for (const { name } of rows) {
    const row = await db
      .selectFrom(name)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    counts[name] = Number(row.n);
  }
  return counts;
}

/**
 * Copies the live database to `file` while it serves, and counts the rows of the copy. PostgreSQL:
 * a repeatable-read transaction exports its snapshot, pg_dump reads that very snapshot, and the
 * counts are taken in it; only the current schema is dumped when it is not `public` (the tests'
 * schemas share one database).
 */
export async function copyDatabase(
  db: AnyDb,
  setup: DialectSetup,
  file: string,
  databaseUrl: string | undefined,
): Promise<TableCounts> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (setup.sqlite) {
    // VACUUM INTO copies one read transaction's snapshot in one statement. The online backup API
    // restarts whenever the database changes under it, so under steady writes it never finished.
    // (In `hub backup`, its own connection reads a WAL snapshot: the server's writers go on.)
    fs.rmSync(file, { force: true });
    setup.sqlite.prepare('VACUUM INTO ?').run(file);
    const copy = new SQLite(file);
    try {
      // One self-contained file: no -wal or -shm beside it.
      copy.pragma('journal_mode = DELETE');
      return sqliteCounts(copy);
    } finally {
      copy.close();
    }
  }
  if (!databaseUrl) throw new Error('PostgreSQL backups need DATABASE_URL (pg_dump connects with it).');
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<{ id: string; schema: string }>`
        select pg_export_snapshot() as id, current_schema() as schema`.execute(trx);
      const { id, schema } = rows[0] ?? { id: '', schema: 'public' };
      const counts = await postgresCounts(trx);
      const only = schema === 'public' ? [] : [`--schema=${schema}`];
      await runTool('pg_dump', [
        '--format=custom',
        `--snapshot=${id}`,
        ...only,
        `--file=${file}`,
        databaseUrl,
      ]);
      return counts;
    });
}

/** Where a restore writes: SQLite's database file, or a PostgreSQL database (and the connection that counts). */
export type RestoreTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; db: AnyDb };

/** Whether the target already holds tables (a restore over them must be asked for). */
export async function targetHoldsData(target: RestoreTarget): Promise<boolean> {
  if (target.dialect === 'sqlite') {
    if (!fs.existsSync(target.file)) return false;
    const db = new SQLite(target.file, { readonly: true, fileMustExist: true });
    try {
      return Object.keys(sqliteCounts(db)).length > 0;
    } finally {
      db.close();
    }
  }
  return Object.keys(await postgresCounts(target.db)).length > 0;
}

/**
 * Puts the copy `file` in place of the target's database and counts the rows of the result.
 * SQLite: the server must be stopped; the old file is kept beside it (`.before-restore`), then
 * replaced. PostgreSQL: pg_restore drops what it restores first, in one transaction.
 */
export async function restoreDatabase(target: RestoreTarget, file: string): Promise<TableCounts> {
  if (target.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    if (fs.existsSync(target.file)) fs.renameSync(target.file, `${target.file}.before-restore`);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target.file}${suffix}`, { force: true });
    fs.copyFileSync(file, target.file);
    const db = new SQLite(target.file, { fileMustExist: true });
    try {
      return sqliteCounts(db);
    } finally {
      db.close();
    }
  }
  await runTool('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${target.url}`,
    file,
  ]);
  return postgresCounts(target.db);
}
