// Tables of the site module, dated after every migration that existed when they were added.
import type { Migration } from 'kysely';
import { tablesMigration } from '../../db/migration-builders.ts';
import { withImageColumns } from '../../platform/attached-images.ts';

const pagesAndLogo = tablesMigration(['site_pages', 'site_logo'], async (db, c) => {
  // One row per page and language; the page is the set of its rows (a page with none is not there).
  await db.schema
    .createTable('site_pages')
    .addColumn('slug', 'varchar(30)', c.notNull)
    .addColumn('lang', 'varchar(20)', c.notNull)
    .addColumn('title', 'varchar(200)', c.notNull)
    .addColumn('body', 'text', c.notNullDefault(''))
    .addColumn('updated_by', 'integer', c.refersTo('users'))
    .addColumn('updated_at', c.timestamp, c.notNull)
    .addPrimaryKeyConstraint('site_pages_pk', ['slug', 'lang'])
    .execute();
  // The hub has one logo: keyed by a constant rather than by a row of another table.
  await db.schema
    .createTable('site_logo')
    .addColumn('site', 'integer', (col) => col.primaryKey())
    .$call(withImageColumns(c))
    .execute();
});

export const siteMigrations: Record<string, Migration> = {
  '2026_12_24_0001_site_pages_and_logo': pagesAndLogo,
};
