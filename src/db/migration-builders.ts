// The table-level shapes every migration repeats, named once (the column-level ones are in
// `columns(db)`, dialect.ts): a migration that creates tables, a record's translations table, an
// index. They only spell Kysely's schema builder: each gives exactly the SQL its written-out form
// gave, which matters because the migrations using them have run on real databases (what they
// create may never change).
import type { ColumnDataType, Kysely, Migration } from 'kysely';
import { type Columns, columns } from './dialect.ts';

/**
 * A migration that creates `tables`, listed in the order `up` creates them; going down drops them
 * newest first, so no foreign key is left pointing at a dropped table.
 */
export function tablesMigration(
  tables: string[],
  up: (db: Kysely<unknown>, c: Columns) => Promise<void>,
): Migration {
  return {
    up: (db: Kysely<unknown>) => up(db, columns(db)),
    down: (db: Kysely<unknown>) => dropTables(db, tables.toReversed()),
  };
}

/** Drops `tables` in the order given. */
export async function dropTables(db: Kysely<unknown>, tables: string[]): Promise<void> {
  for (const table of tables) await db.schema.dropTable(table).execute();
}

/**
 * A record's texts in other languages than its own: one row per record (`owner`, a row of
 * `ownerTable`) and language, deleted with the record. The caller adds the translated columns.
 */
export function translationsTable(
  db: Kysely<unknown>,
  table: string,
  owner: string,
  ownerTable: string,
  langType: ColumnDataType = 'varchar(20)',
) {
  const c = columns(db);
  return db.schema
    .createTable(table)
    .addColumn(owner, 'integer', c.belongsTo(ownerTable))
    .addColumn('lang', langType, c.notNull)
    .addPrimaryKeyConstraint(`${table}_pk`, [owner, 'lang']);
}

/** An index on `columns` (one or several, in that order). */
export function createIndex(
  db: Kysely<unknown>,
  name: string,
  table: string,
  columns: string | string[],
): Promise<void> {
  return db.schema
    .createIndex(name)
    .on(table)
    .columns(typeof columns === 'string' ? [columns] : columns)
    .execute();
}

/** One index per column, each named `<table>_<column>_idx`: what a list filters and sorts by alone. */
export async function indexEach(db: Kysely<unknown>, table: string, columns: string[]): Promise<void> {
  for (const column of columns) await createIndex(db, `${table}_${column}_idx`, table, column);
}
