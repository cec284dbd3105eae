// Runs the platform's migrations and those of every module, once each, in name order. Names start
// with a date so that a module's tables are created after the platform tables they refer to.
import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import { dialectOf } from './dialect.ts';
import { platformMigrations } from './migrations/index.ts';

export async function migrateToLatest<T>(
  db: Kysely<T>,
  moduleMigrations: Record<string, Migration>[] = [],
): Promise<string[]> {
  const all: Record<string, Migration> = { ...platformMigrations };
  for (const set of moduleMigrations) {
    for (const [name, migration] of Object.entries(set)) {
      if (all[name]) throw new Error(`Two migrations are named ${name}`);
      all[name] = migration;
    }
  }
  // On PostgreSQL the migration tables live in the current schema, named explicitly: otherwise
  // Kysely finds another schema's kysely_migration table and believes this one is set up.
  const schema =
    dialectOf(db) === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
