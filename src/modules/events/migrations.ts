// Tables of events and their agendas. Dated after the people's migrations (db/migrate.ts runs them in
// name order), since events point to organisations and agenda items to people.
import type { Kysely, Migration } from 'kysely';
import { columns } from '../../db/dialect.ts';

const events: Migration = {
  async up(db: Kysely<unknown>) {
    const c = columns(db);
    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', c.id)
      .addColumn('slug', 'varchar(120)', (col) => col.notNull().unique())
      .addColumn('type', 'varchar(30)', (col) => col.notNull())
      .addColumn('format', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(300)', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('venue_organisation_id', 'integer', (col) =>
        col.references('organisations.id').onDelete('set null'),
      )
      .addColumn('venue_name', 'varchar(300)')
      .addColumn('address', 'varchar(500)')
      .addColumn('city', 'varchar(120)')
      .addColumn('country', 'varchar(2)')
      .addColumn('time_zone', 'varchar(60)', (col) => col.notNull())
      .addColumn('starts_on', 'varchar(10)', (col) => col.notNull())
      .addColumn('ends_on', 'varchar(10)', (col) => col.notNull())
      .addColumn('start_time', 'varchar(5)')
      .addColumn('end_time', 'varchar(5)')
      .addColumn('status', 'varchar(20)', (col) => col.notNull())
      .addColumn('online_url', 'varchar(500)')
      .addColumn('created_by', 'integer', (col) => col.references('users.id').onDelete('set null'))
      .addColumn('created_at', c.timestamp, (col) => col.notNull())
      .addColumn('updated_at', c.timestamp, (col) => col.notNull())
      .execute();
    // Lists are "upcoming" (by start) and "past" (by end), narrowed by country, type and status.
    for (const column of ['starts_on', 'ends_on', 'country', 'type', 'status']) {
      await db.schema.createIndex(`events_${column}_idx`).on('events').column(column).execute();
    }

    await db.schema
      .createTable('event_translations')
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('lang', 'varchar(20)', (col) => col.notNull())
      .addColumn('title', 'varchar(300)', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
      .addPrimaryKeyConstraint('event_translations_pk', ['event_id', 'lang'])
      .execute();

    await db.schema
      .createTable('event_organisations')
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('organisation_id', 'integer', (col) =>
        col.notNull().references('organisations.id').onDelete('cascade'),
      )
      .addColumn('role', 'varchar(20)', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('event_organisations_pk', ['event_id', 'organisation_id', 'role'])
      .execute();
    // "May this member edit the event?" goes from the organisation to its events.
    await db.schema
      .createIndex('event_organisations_org_idx')
      .on('event_organisations')
      .columns(['organisation_id', 'role'])
      .execute();

    await db.schema
      .createTable('event_domains')
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('domain', 'varchar(40)', (col) => col.notNull())
      .addPrimaryKeyConstraint('event_domains_pk', ['event_id', 'domain'])
      .execute();
    await db.schema
      .createIndex('event_domains_domain_idx')
      .on('event_domains')
      .columns(['domain', 'event_id'])
      .execute();

    await db.schema
      .createTable('event_days')
      .addColumn('id', 'integer', c.id)
      .addColumn('event_id', 'integer', (col) => col.notNull().references('events.id').onDelete('cascade'))
      .addColumn('date', 'varchar(10)', (col) => col.notNull())
      .addColumn('title', 'varchar(300)')
      .addUniqueConstraint('event_days_date_uq', ['event_id', 'date'])
      .execute();

    await db.schema
      .createTable('event_sections')
      .addColumn('id', 'integer', c.id)
      .addColumn('day_id', 'integer', (col) => col.notNull().references('event_days.id').onDelete('cascade'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('title', 'varchar(300)', (col) => col.notNull())
      .execute();
    await db.schema.createIndex('event_sections_day_idx').on('event_sections').column('day_id').execute();

    await db.schema
      .createTable('event_items')
      .addColumn('id', 'integer', c.id)
      .addColumn('day_id', 'integer', (col) => col.notNull().references('event_days.id').onDelete('cascade'))
      .addColumn('section_id', 'integer', (col) => col.references('event_sections.id').onDelete('cascade'))
      .addColumn('start_time', 'varchar(5)', (col) => col.notNull())
      .addColumn('end_time', 'varchar(5)')
      .addColumn('title', 'varchar(500)', (col) => col.notNull())
      .addColumn('kind', 'varchar(10)', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('event_items_day_idx')
      .on('event_items')
      .columns(['day_id', 'start_time'])
      .execute();

    await db.schema
      .createTable('event_item_people')
      .addColumn('id', 'integer', c.id)
      .addColumn('item_id', 'integer', (col) =>
        col.notNull().references('event_items.id').onDelete('cascade'),
      )
      .addColumn('person_id', 'integer', (col) => col.references('people.id').onDelete('set null'))
      .addColumn('name', 'varchar(200)', (col) => col.notNull())
      .addColumn('affiliation', 'varchar(300)')
      .addColumn('role', 'varchar(12)', (col) => col.notNull())
      .addColumn('position', 'integer', (col) => col.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('event_item_people_item_idx')
      .on('event_item_people')
      .column('item_id')
      .execute();
    await db.schema
      .createIndex('event_item_people_person_idx')
      .on('event_item_people')
      .column('person_id')
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of [
      'event_item_people',
      'event_items',
      'event_sections',
      'event_days',
      'event_domains',
      'event_organisations',
      'event_translations',
      'events',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

export const eventsMigrations: Record<string, Migration> = {
  '2026_11_26_0020_events': events,
};
