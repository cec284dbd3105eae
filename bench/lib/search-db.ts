// The databases bench/search.ts runs against, each fresh and thrown away afterwards: a SQLite file
// in a temporary directory, or a PostgreSQL schema of its own. Both are opened and migrated with
// the platform's own code (sqliteSetup / postgresSetup, fromSetup, migrateToLatest).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CompiledQuery,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryId,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from 'kysely';
import { postgresSetup, sqliteSetup } from '../../src/db/dialect.ts';
import { type DB, fromSetup, type OpenDatabase } from '../../src/db/index.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export interface SizeReport {
  /** What the brief compares: SQLite file + WAL, or pg_total_relation_size('search_documents'). */
  totalBytes: number;
  /** Where the bytes are, largest first. */
  parts: { name: string; bytes: number }[];
  details: Record<string, number | string>;
}

export interface BenchDatabase {
  kind: DatabaseKind;
  /** e.g. "SQLite 3.53.2" */
  label: string;
  /** Where the data is (a file, or a schema on a server without its password). */
  location: string;
  db: DB;
  /** Make the freshly indexed database ready to query: checkpoint (SQLite), ANALYZE (PostgreSQL). */
  afterIndexing(): Promise<Record<string, number>>;
  size(): Promise<SizeReport>;
  /** The naive search the index replaces: every word as a substring of the title or the text. */
  likeQuery(words: string[], limit: number): RawBuilder<{ id: number; title: string }>;
  /** EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (ANALYZE, BUFFERS) (PostgreSQL) of a statement. */
  explain(query: CompiledQuery): Promise<string[]>;
  /** Closes the connection and removes the data; safe to call more than once. */
  close(): Promise<void>;
}

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function likeWhere(words: string[], op: 'LIKE' | 'ILIKE'): RawBuilder<unknown> {
  const operator = sql.raw(op);
  return sql.join(
    words.map((w) => {
      const p = likePattern(w);
      return sql`(title ${operator} ${p} ESCAPE '\\' OR body ${operator} ${p} ESCAPE '\\')`;
    }),
    sql` AND `,
  );
}

export async function openSqlite(): Promise<BenchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-search-'));
  const file = path.join(dir, 'search.sqlite');
  let open: OpenDatabase | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      try {
        await open?.close();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    })();
    return closing;
  };
  try {
    open = fromSetup(sqliteSetup(file));
    const { db } = open;
    await migrateToLatest(db);
    const version = (await sql<{ v: string }>`SELECT sqlite_version() AS v`.execute(db)).rows[0]?.v;
    const fileSize = (suffix: string) => {
      try {
        return fs.statSync(file + suffix).size;
      } catch {
        return 0;
      }
    };
    return {
      kind: 'sqlite',
      label: `SQLite ${version}`,
      location: file,
      db,
      async afterIndexing() {
        const started = performance.now();
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
        return { checkpointMs: performance.now() - started };
      },
      async size() {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db);
        const main = fileSize('');
        const wal = fileSize('-wal');
        const shm = fileSize('-shm');
        // dbstat: bytes per table and index (FTS5 keeps its index in search_fts_data).
        const objects = await sql<{ name: string; bytes: number }>`
          SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC`.execute(db);
        const pageSize = (await sql<{ page_size: number }>`PRAGMA page_size`.execute(db)).rows[0]?.page_size;
        const freelist = (await sql<{ freelist_count: number }>`PRAGMA freelist_count`.execute(db)).rows[0]
          ?.freelist_count;
        return {
          totalBytes: main + wal,
          parts: objects.rows
            .filter((r) => r.bytes > 0)
            .map((r) => ({ name: r.name, bytes: Number(r.bytes) })),
          details: {
            fileBytes: main,
            walBytes: wal,
            shmBytes: shm,
            pageSize: pageSize ?? 0,
            freelistPages: freelist ?? 0,
          },
        };
      },
      likeQuery(words, limit) {
        return sql<{ id: number; title: string }>`SELECT id, title FROM search_documents
          WHERE ${likeWhere(words, 'LIKE')} LIMIT ${limit}`;
      },
      async explain(query) {
        const plan = await db.executeQuery<{ id: number; parent: number; detail: string }>(
          CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
        );
        const depth = new Map<number, number>([[0, -1]]);
        return plan.rows.map((r) => {
          const d = (depth.get(r.parent) ?? -1) + 1;
          depth.set(r.id, d);
          return `${'  '.repeat(d)}${r.detail}`;
        });
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The URL the benchmark uses: BENCH_DATABASE_URL, TEST_DATABASE_URL or the local test database. */
export function postgresUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL;
}

export async function openPostgres(url: string): Promise<BenchDatabase> {
  const schema = `bench_search_${randomBytes(6).toString('hex')}`;
  // The benchmark's connections carry a name of their own, so that a cleanup after Ctrl-C can end
  // a statement still running on them before it drops the schema.
  const applicationName = `hub-${schema}`.replace(/_/g, '-');
  const benchUrl = new URL(url);
  benchUrl.searchParams.set('application_name', applicationName);
  const admin = fromSetup(postgresSetup(url, { max: 1 }));
  await sql`SELECT 1`.execute(admin.db);
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.db);

  let open: OpenDatabase | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const wait = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());
      try {
        if (open) {
          // Ending the pool waits for a statement in progress (after Ctrl-C); a long one is ended.
          const closed = open.close().catch(() => {});
          if ((await Promise.race([closed, wait(3000)])) === 'timeout') {
            await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE application_name = ${applicationName} AND pid <> pg_backend_pid()`.execute(admin.db);
            await Promise.race([closed, wait(5000)]);
          }
        }
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin.db);
      } finally {
        await admin.close();
      }
    })();
    return closing;
  };
  try {
    const setup = postgresSetup(benchUrl.href, { searchPath: schema, max: 2 });
    open = fromSetup(setup);
    const { db } = open;
    await migrateToLatest(db);
    const version = (await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(db))
      .rows[0]?.v;
    return {
      kind: 'postgres',
      label: `PostgreSQL ${version?.split(' ')[0] ?? ''}`,
      location: `${setup.location.replace(/\?.*$/, '')} (schema ${schema})`,
      db,
      async afterIndexing() {
        const started = performance.now();
        await sql`ANALYZE search_documents`.execute(db);
        return { analyzeMs: performance.now() - started };
      },
      async size() {
        const row = (
          await sql<{ total: number; heap: number; table: number; indexes: number }>`SELECT
            pg_total_relation_size('search_documents') AS total,
            pg_relation_size('search_documents') AS heap,
            pg_table_size('search_documents') AS table,
            pg_indexes_size('search_documents') AS indexes`.execute(db)
        ).rows[0]!;
        const indexes = await sql<{ name: string; bytes: number }>`
          SELECT c.relname AS name, pg_relation_size(c.oid) AS bytes FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'search_documents'::regclass
          ORDER BY bytes DESC`.execute(db);
        const stats = (
          await sql<{ live: number; dead: number; autovacuums: number; autoanalyzes: number }>`SELECT
            n_live_tup AS live, n_dead_tup AS dead, autovacuum_count AS autovacuums,
            autoanalyze_count AS autoanalyzes
            FROM pg_stat_user_tables WHERE relid = 'search_documents'::regclass`.execute(db)
        ).rows[0];
        const heap = Number(row.heap);
        const parts = [
          { name: 'search_documents (heap)', bytes: heap },
          { name: 'search_documents (TOAST and maps)', bytes: Number(row.table) - heap },
          ...indexes.rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) })),
        ].sort((a, b) => b.bytes - a.bytes);
        return {
          totalBytes: Number(row.total),
          parts,
          details: {
            heapBytes: heap,
            tableBytes: Number(row.table),
            indexBytes: Number(row.indexes),
            liveTuples: Number(stats?.live ?? 0),
            deadTuples: Number(stats?.dead ?? 0),
            autovacuums: Number(stats?.autovacuums ?? 0),
            autoanalyzes: Number(stats?.autoanalyzes ?? 0),
          },
        };
      },
      likeQuery(words, limit) {
        return sql<{ id: number; title: string }>`SELECT id, title FROM search_documents
          WHERE ${likeWhere(words, 'ILIKE')} LIMIT ${limit}`;
      },
      async explain(query) {
        const plan = await db.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]),
        );
        return plan.rows.map((r) => r['QUERY PLAN']);
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

export function openDatabaseOfKind(kind: DatabaseKind): Promise<BenchDatabase> {
  return kind === 'sqlite' ? openSqlite() : openPostgres(postgresUrl());
}

// ── Timing the statements of one search() call ──────────────────────────────────────────────────

export interface TimedStatement {
  ms: number;
  node: RootOperationNode;
  queryId: QueryId;
}

/**
 * A Kysely plugin that times each statement from the moment it is compiled until its result is
 * back, so that a search() call can be split into its statements (matching rows; facet counts).
 * It does not change queries or results.
 */
export class StatementTimer implements KyselyPlugin {
  #started = new WeakMap<QueryId, { node: RootOperationNode; at: number }>();
  #done: TimedStatement[] = [];

  transformQuery({ node, queryId }: PluginTransformQueryArgs): RootOperationNode {
    this.#started.set(queryId, { node, at: performance.now() });
    return node;
  }

  async transformResult({ result, queryId }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const started = this.#started.get(queryId);
    if (started) this.#done.push({ ms: performance.now() - started.at, node: started.node, queryId });
    return result;
  }

  /** The statements timed since the last call. */
  take(): TimedStatement[] {
    const done = this.#done;
    this.#done = [];
    return done;
  }
}

/** The SQL and parameters of a timed statement, to show or to EXPLAIN. */
export function compileStatement<T>(db: Kysely<T>, statement: TimedStatement): CompiledQuery {
  return db.getExecutor().compileQuery(statement.node, statement.queryId);
}
