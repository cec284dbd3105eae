// Tables of the press module. Dated after every migration that existed when they were added
// (Kysely refuses a new migration that sorts before ones a database has already run).
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';
import { createIndex, tablesMigration, translationsTable } from '../../db/migration-builders.ts';
import { createSingleImageTable } from '../../platform/attached-images.ts';

const clippings = tablesMigration(
  ['press_clippings', 'press_clipping_translations', 'press_screenshots'],
  async (db, c) => {
    await db.schema
      .createTable('press_clippings')
      .addColumn('id', 'integer', c.id)
      .addColumn('outlet', 'varchar(200)', c.notNull)
      .addColumn('outlet_url', 'varchar(500)')
      .addColumn('published_on', 'varchar(10)', c.notNull)
      .addColumn('title', 'varchar(500)', c.notNull)
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('url', 'varchar(1000)', c.notNull)
      .addColumn('summary', 'text', c.notNullDefault(''))
      .addColumn('covers', 'varchar(300)')
      .addColumn('covers_url', 'varchar(1000)')
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    // The list is read newest first, and filtered by outlet or language (then newest first).
    await createIndex(db, 'press_clippings_published_idx', 'press_clippings', ['published_on', 'id']);
    await createIndex(db, 'press_clippings_outlet_idx', 'press_clippings', ['outlet', 'published_on']);
    await createIndex(db, 'press_clippings_lang_idx', 'press_clippings', ['lang', 'published_on']);

    await translationsTable(db, 'press_clipping_translations', 'clipping_id', 'press_clippings')
      .addColumn('title', 'varchar(500)', c.notNull)
      .addColumn('summary', 'text', c.notNullDefault(''))
      .execute();

    // Bytes in the database like organisation logos: several processes on several hosts serve
    // the same screenshot without shared files.
    await createSingleImageTable(db, 'press_screenshots', 'clipping_id', 'press_clippings');
  },
);

/**
 * The seam for events (docs/press.md): a clipping may be about an event of the hub. Dated after the
 * events' tables; `covers` stays for projects and for events the hub does not hold.
 */
const clippingEvent: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('press_clippings')
      .addColumn('event_id', 'integer', columns(db).refersTo('events'))
      .execute();
    // The event page lists its clippings.
    await createIndex(db, 'press_clippings_event_idx', 'press_clippings', ['event_id', 'published_on']);
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
