// Tables of the press module. Dated after every migration that existed when they were added
// (Kysely refuses a new migration that sorts before ones a database has already run).
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { withImageColumns } from '../../platform/attached-images.ts';

const clippings: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('press_clippings')
      .addColumn('id', 'integer', c.id)
      .addColumn('outlet', 'varchar(200)', (col) => col.notNull())
      .addColumn('outlet_url', 'varchar(500)')
      .addColumn('published_on', 'varchar(10)', (col) => col.notNull())
      .addColumn('title', 'varchar(500)', (col) => col.notNull())
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('url', 'varchar(1000)', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('covers', 'varchar(300)')
      .addColumn('covers_url', 'varchar(1000)')
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    // The list is read newest first, and filtered by outlet or language (then newest first).
    await db.schema
      .createIndex('press_clippings_published_idx')
      .on('press_clippings')
      .columns(['published_on', 'id'])
      .execute();
    await db.schema
      .createIndex('press_clippings_outlet_idx')
      .on('press_clippings')
      .columns(['outlet', 'published_on'])
      .execute();
    await db.schema
      .createIndex('press_clippings_lang_idx')
      .on('press_clippings')
      .columns(['lang', 'published_on'])
      .execute();

    await db.schema
      .createTable('press_clipping_translations')
      .addColumn('clipping_id', 'integer', (col) =>
        col.notNull().references('press_clippings.id').onDelete('cascade'),
      )
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(500)', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('press_clipping_translations_pk', ['clipping_id', 'lang'])
      .execute();

    // Bytes in the database like organisation logos: several processes on several hosts serve
    // the same screenshot without shared files.
    await db.schema
      .createTable('press_screenshots')
      .addColumn('clipping_id', 'integer', (col) =>
        col.primaryKey().references('press_clippings.id').onDelete('cascade'),
      )
      .$call(withImageColumns(c))
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('press_screenshots').execute();
    await db.schema.dropTable('press_clipping_translations').execute();
    await db.schema.dropTable('press_clippings').execute();
  },
};

/**
 * The seam for events (docs/press.md): a clipping may be about an event of the hub. Dated after the
 * events' tables; `covers` stays for projects and for events the hub does not hold.
 */
const clippingEvent: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('press_clippings')
      .addColumn('event_id', 'integer', (col) => col.references('events.id').onDelete('set null'))
      .execute();
    // The event page lists its clippings.
    await db.schema
      .createIndex('press_clippings_event_idx')
      .on('press_clippings')
      .columns(['event_id', 'published_on'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('press_clippings_event_idx').execute();
    await db.schema.alterTable('press_clippings').dropColumn('event_id').execute();
  },
};

export const pressMigrations: Record<string, Migration> = {
  '2026_11_26_0001_press_clippings': clippings,
  '2026_12_03_0033_press_clipping_event': clippingEvent,
};
