// The only file that knows which database is behind Kysely. Everything that is written differently
// for SQLite and PostgreSQL (connection set-up, column types in migrations, case-insensitive
// matching) lives here, and the copies of a whole database in backup.ts; modules and stores call these helpers and stay dialect-free.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type ColumnDefinitionBuilder,
  CompiledQuery,
  type CreateTableBuilder,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Expression,
  type Kysely,
  PostgresAdapter,
  type SqlBool,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import { SearchPathPostgresDialect } from './postgres-introspector.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface DialectSetup {
  name: DialectName;
  dialect: Dialect;
  /** Where the data lives, for messages: a file path or the URL without its password. */
  location: string;
  /** The raw SQLite handle, for the online backup API; absent on PostgreSQL. */
  sqlite?: SQLite.Database;
}

// PostgreSQL returns timestamptz as Date and bigint as string; the platform works with ISO strings
// (see db/schema.ts) and with counts small enough for a JS number.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * SQLite in `file` (or ':memory:'). `from` opens a copy of a serialized database in memory instead
 * (the tests start each file from one migrated once, see test/global-setup.ts).
 */
export function sqliteSetup(file: string, options: { from?: Buffer } = {}): DialectSetup {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new SQLite(options.from ?? file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
  db.pragma('synchronous = NORMAL');
  // Reads dominate: a larger page cache and memory-mapped reads keep the search index and the
  // documents it points to out of read() calls (32 MB cache, up to 1 GB mapped, per process).
  db.pragma('cache_size = -32000');
  db.pragma('mmap_size = 1073741824');
  // Without table statistics the planner picks the first usable index: a directory filtered by
  // country and kind then walks every published row through the status index (110 ms at 100 000
  // organisations, 12 ms with statistics). `optimize` analyses only the tables whose statistics
  // are missing or far out of date, so on most starts it does nothing. (A row limit would make
  // it cheaper, but its sampled statistics misjudge low-cardinality columns like status.)
  db.pragma('optimize = 0x10002');
  // SQLite's LIKE and lower() fold ASCII only; PostgreSQL's ILIKE folds all of Unicode. This gives
  // SQLite the same: "HƯƠNG" finds "Hương".
  db.function('casefold', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? value.normalize('NFKC').toLowerCase() : value,
  );
  return {
    name: 'sqlite',
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(db) }),
    location: file,
    sqlite: db,
  };
}

/**
 * Kysely prepares every query anew; preparing costs about as much as running a small query, and a
 * page runs a few dozen. The same SQL text gets the same prepared statement back (SQLite
 * re-prepares it by itself after a schema change), unless that one is still being iterated (a
 * streamed query), which gets a fresh one. Bounded: emptied when full, since a list of `in (?, ?)`
 * placeholders makes one text per length.
 */
function withStatementCache(db: SQLite.Database): SqliteDialectConfig['database'] {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      statements.clear();
      db.close();
    },
    prepare: (sql: string) => {
      const kept = statements.get(sql);
      if (kept && !kept.busy) return kept;
      const statement = db.prepare(sql);
      if (!kept) {
        if (statements.size >= 1000) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** How long a transaction waits for another process's write to finish before it gives up (500). */
const WRITE_LOCK_PATIENCE_MS = 30_000;

/**
 * SQLite with several server processes (`hub start --workers 2`): a transaction that began by
 * reading (BEGIN, deferred) and then writes must upgrade its lock, and in WAL mode that fails at
 * once with SQLITE_BUSY_SNAPSHOT when another process committed in between: no busy timeout
 * applies. 1 870 of 5 535 concurrent API writes answered 500 that way. Every transaction here
 * takes the write lock when it begins (BEGIN IMMEDIATE), so it never upgrades; waiting for the lock
 * is the busy timeout's job (5 s, in SQLite, which blocks this process's event loop meanwhile),
 * and past it the begin is tried again after a pause that does not block, for up to 30 s. Reads
 * outside transactions are not affected: in WAL mode they never wait for a writer.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const giveUpAt = Date.now() + WRITE_LOCK_PATIENCE_MS;
    for (let pause = 5; ; pause = Math.min(pause * 2, 500)) {
      try {
        await connection.executeQuery(CompiledQuery.raw('begin immediate'));
        return;
      } catch (err) {
        const busy = (err as { code?: string }).code?.startsWith('SQLITE_BUSY');
        if (!busy || Date.now() + pause > giveUpAt) throw err;
        await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
      }
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

export function postgresSetup(
  url: string,
  options: {
    searchPath?: string;
    max?: number;
    /** Session settings for every connection (the tests turn synchronous_commit off). */
    settings?: Record<string, string>;
  } = {},
): DialectSetup {
  const settings = {
    ...(options.searchPath ? { search_path: options.searchPath } : {}),
    ...options.settings,
  };
  const startup = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(startup.length ? { options: startup.join(' ') } : {}),
  });
  return {
    name: 'postgres',
    dialect: new SearchPathPostgresDialect({ pool }),
    location: url.replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@'),
  };
}

export function dialectOf<T>(db: Kysely<T>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * Column helpers for migrations, so one migration set serves both databases: the types written
 * differently for each, and the column shapes every migration repeats (db/migration-builders.ts
 * has the table-level ones). Each gives exactly the SQL its written-out form gave: the migrations
 * using them have run on real databases, so what they create may never change.
 */
export function columns<T>(db: Kysely<T>) {
  const postgres = dialectOf(db) === 'postgres';
  /** A moment in time: timestamptz on PostgreSQL, ISO 8601 text on SQLite. */
  const timestamp = postgres ? ('timestamptz' as const) : ('text' as const);
  const notNull = (col: ColumnDefinitionBuilder) => col.notNull();
  return {
    /** Auto-numbered integer primary key. */
    id: (col: ColumnDefinitionBuilder) =>
      postgres ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement(),
    timestamp,
    /** Raw bytes (Buffer in and out on both drivers): bytea on PostgreSQL, blob on SQLite. */
    blob: postgres ? ('bytea' as const) : ('blob' as const),
    notNull,
    /** NOT NULL with the value a row gets when nothing is said ('' for a text, 0 for a flag, '[]' for a list). */
    notNullDefault: (value: string | number) => (col: ColumnDefinitionBuilder) =>
      col.notNull().defaultTo(value),
    /** The row belongs to a row of `table`: NOT NULL, and deleted with that row. */
    belongsTo: (table: string) => (col: ColumnDefinitionBuilder) =>
      col.notNull().references(`${table}.id`).onDelete('cascade'),
    /** The row may name a row of `table` (its author, an organisation): NULL once that row is deleted. */
    refersTo: (table: string) => (col: ColumnDefinitionBuilder) =>
      col.references(`${table}.id`).onDelete('set null'),
    /** The primary key of a table with at most one row per row of `table` (a logo, settings): deleted with it. */
    keyedBy: (table: string) => (col: ColumnDefinitionBuilder) =>
      col.primaryKey().references(`${table}.id`).onDelete('cascade'),
    /** When the row was made and last changed (both required; the actions write them). */
    timestamps: <N extends string, C extends string>(table: CreateTableBuilder<N, C>) =>
      table.addColumn('created_at', timestamp, notNull).addColumn('updated_at', timestamp, notNull),
  };
}

export type Columns = ReturnType<typeof columns>;

/**
 * Keeps the planner's statistics current as the data grows (the daily job
 * `platform.planner-statistics`): SQLite's `PRAGMA optimize` re-analyses the tables that changed a
 * lot; PostgreSQL's `ANALYZE` samples every table of the current schema (autovacuum does it too, but
 * only past its thresholds; after an import of a large share of a table it can lag for hours).
 */
export async function refreshPlannerStatistics<T>(db: Kysely<T>): Promise<void> {
  if (dialectOf(db) === 'sqlite') {
    await sql`PRAGMA optimize`.execute(db);
    return;
  }
  // This schema's tables only: a bare ANALYZE would walk every schema of the database.
  const { rows } = await sql<{ name: string }>`
    select quote_ident(tablename) as name from pg_tables where schemaname = current_schema()`.execute(db);
  if (rows.length) await sql.raw(`ANALYZE ${rows.map((r) => r.name).join(', ')}`).execute(db);
}

/**
 * Case-insensitive "contains" match. `needle` is user text: LIKE wildcards in it are escaped.
 * PostgreSQL's ILIKE folds Unicode case; SQLite uses the casefold() function registered above.
 */
export function containsInsensitive<T>(
  db: Kysely<T>,
  column: Expression<unknown>,
  needle: string,
): Expression<SqlBool> {
  const pattern = `%${needle.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return dialectOf(db) === 'postgres'
    ? sql<SqlBool>`${column} ILIKE ${pattern} ESCAPE '\\'`
    : sql<SqlBool>`casefold(${column}) LIKE casefold(${pattern}) ESCAPE '\\'`;
}

/**
 * A trigger running `statement` after each row deleted from `table` (OLD.<column> names the row):
 * what a foreign key cannot do, such as deleting the rows that name a record by a type and an id.
 * Name, table and statement are the migration's own code, never input.
 */
export async function createDeleteTrigger<T>(
  db: Kysely<T>,
  name: string,
  table: string,
  statement: string,
): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql
      .raw(
        `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${statement}; RETURN OLD; END $$`,
      )
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${name} AFTER DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}()`)
      .execute(db);
  } else {
    await sql.raw(`CREATE TRIGGER ${name} AFTER DELETE ON ${table} BEGIN ${statement}; END`).execute(db);
  }
}

/**
 * After rows were inserted with ids of their own (moved from another table), the next id given is
 * past them: PostgreSQL's identity sequence is set; SQLite's AUTOINCREMENT follows by itself.
 */
export async function resetIdentity<T>(db: Kysely<T>, table: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql
    .raw(
      `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
    )
    .execute(db);
}

/** A database's refusal of a second row with the same unique value, on SQLite and PostgreSQL. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint/i.test(e?.message ?? '')
  );
}
