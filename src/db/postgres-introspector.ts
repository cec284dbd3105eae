// What Kysely's Migrator asks of PostgreSQL ("does the migration table exist?"), answered for the
// schemas on the connection's search path only. Kysely's own introspector reads every column of
// every table in every schema of the database, calling col_description() and
// pg_get_serial_sequence() per column: slow on a database that holds many schemas (the test suite
// gives each test file one), and it fails with "schema … does not exist" when another connection
// drops a schema while it reads (a test file releasing its schema while another file migrates; in
// production, anything else sharing the database). The Migrator only needs table names, so that is
// all this reads.
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  PostgresDialect,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';

const KYSELY_TABLES = ['kysely_migration', 'kysely_migration_lock'];

class SearchPathIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(
      this.db,
    );
    return rows;
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const { rows } = await sql<{ schema: string; name: string; kind: string }>`
      select n.nspname as schema, c.relname as name, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any (current_schemas(false)) and c.relkind in ('r', 'v', 'p')
      order by n.nspname, c.relname`.execute(this.db);
    return rows
      .filter((r) => options.withInternalKyselyTables || !KYSELY_TABLES.includes(r.name))
      .map((r) => ({ schema: r.schema, name: r.name, isView: r.kind === 'v', columns: [] }));
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** Kysely's PostgreSQL dialect with the search-path introspector above. */
export class SearchPathPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SearchPathIntrospector(db);
  }
}
