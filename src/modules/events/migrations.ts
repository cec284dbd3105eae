// Tables of events and their agendas. Dated after the people's migrations (db/migrate.ts runs them in
// name order), since events point to organisations and agenda items to people.
import type { Migration } from 'kysely';
import { createIndex, indexEach, tablesMigration, translationsTable } from '../../db/migration-builders.ts';

const events = tablesMigration(
  [
    'events',
    'event_translations',
    'event_organisations',
    'event_domains',
    'event_days',
    'event_sections',
    'event_items',
    'event_item_people',
  ],
  async (db, c) => {
    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('type', 'varchar(30)', c.notNull)
      .addColumn('format', 'varchar(20)', c.notNull)
      .addColumn('title', 'varchar(300)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .addColumn('lang', 'varchar(20)', c.notNull)
      .addColumn('venue_organisation_id', 'integer', c.refersTo('organisations'))
      .addColumn('venue_name', 'varchar(300)')
      .addColumn('address', 'varchar(500)')
      .addColumn('city', 'varchar(120)')
      .addColumn('country', 'varchar(2)')
      .addColumn('time_zone', 'varchar(60)', c.notNull)
      .addColumn('starts_on', 'varchar(10)', c.notNull)
      .addColumn('ends_on', 'varchar(10)', c.notNull)
      .addColumn('start_time', 'varchar(5)')
      .addColumn('end_time', 'varchar(5)')
      .addColumn('status', 'varchar(20)', c.notNull)
      .addColumn('online_url', 'varchar(500)')
      .addColumn('created_by', 'integer', c.refersTo('users'))
      .$call(c.timestamps)
      .execute();
    // Lists are "upcoming" (by start) and "past" (by end), narrowed by country, type and status.
    await indexEach(db, 'events', ['starts_on', 'ends_on', 'country', 'type', 'status']);

    await translationsTable(db, 'event_translations', 'event_id', 'events')
      .addColumn('title', 'varchar(300)', c.notNull)
      .addColumn('description', 'text', c.notNullDefault(''))
      .execute();

    await db.schema
      .createTable('event_organisations')
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('organisation_id', 'integer', c.belongsTo('organisations'))
      .addColumn('role', 'varchar(20)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .addPrimaryKeyConstraint('event_organisations_pk', ['event_id', 'organisation_id', 'role'])
      .execute();
    // "May this member edit the event?" goes from the organisation to its events.
    await createIndex(db, 'event_organisations_org_idx', 'event_organisations', ['organisation_id', 'role']);

    await db.schema
      .createTable('event_domains')
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('domain', 'varchar(40)', c.notNull)
      .addPrimaryKeyConstraint('event_domains_pk', ['event_id', 'domain'])
      .execute();
    await createIndex(db, 'event_domains_domain_idx', 'event_domains', ['domain', 'event_id']);

    await db.schema
      .createTable('event_days')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', c.belongsTo('events'))
      .addColumn('date', 'varchar(10)', c.notNull)
      .addColumn('title', 'varchar(300)')
      .addUniqueConstraint('event_days_date_uq', ['event_id', 'date'])
      .execute();

    await db.schema
      .createTable('event_sections')
      .addColumn('id', 'integer', c.id)
      .addColumn('day_id', 'integer', c.belongsTo('event_days'))
      .addColumn('position', 'integer', c.notNull)
      .addColumn('title', 'varchar(300)', c.notNull)
      .execute();
    await createIndex(db, 'event_sections_day_idx', 'event_sections', 'day_id');

    await db.schema
      .createTable('event_items')
      .addColumn('id', 'integer', c.id)
      .addColumn('day_id', 'integer', c.belongsTo('event_days'))
      .addColumn('section_id', 'integer', (col) => col.references('event_sections.id').onDelete('cascade'))
      .addColumn('start_time', 'varchar(5)', c.notNull)
      .addColumn('end_time', 'varchar(5)')
      .addColumn('title', 'varchar(500)', c.notNull)
      .addColumn('kind', 'varchar(10)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .execute();
    await createIndex(db, 'event_items_day_idx', 'event_items', ['day_id', 'start_time']);

    await db.schema
      .createTable('event_item_people')
      .addColumn('id', 'integer', c.id)
      .addColumn('item_id', 'integer', c.belongsTo('event_items'))
      .addColumn('person_id', 'integer', c.refersTo('people'))
      .addColumn('name', 'varchar(200)', c.notNull)
      .addColumn('affiliation', 'varchar(300)')
      .addColumn('role', 'varchar(12)', c.notNull)
      .addColumn('position', 'integer', c.notNullDefault(0))
      .execute();
    await createIndex(db, 'event_item_people_item_idx', 'event_item_people', 'item_id');
    await createIndex(db, 'event_item_people_person_idx', 'event_item_people', 'person_id');
  },
);

// The day the retention rule removed the event's personal data (retention.ts); null: not yet.
const personalDataRemoved: Migration = {
  async up(db) {
    await db.schema.alterTable('events').addColumn('personal_data_removed_on', 'varchar(10)').execute();
  },
  async down(db) {
    await db.schema.alterTable('events').dropColumn('personal_data_removed_on').execute();
  },
};

export const eventsMigrations: Record<string, Migration> = {
  '2026_11_26_0020_events': events,
  '2026_12_29_0001_events_personal_data_removed': personalDataRemoved,
};
