// The job table (src/platform/jobs): one row per one-off job waiting, running or failed, and one
// row per recurring job (its `unique_key` is its name, so each process's runner can insert it on
// start without making a second one). A row is claimed with a lease (locked_by, locked_until), as
// the outbox's rows are. Dated after every table that existed before it, so that databases
// migrated earlier take it in order.
import type { Kysely } from 'kysely';
import { columns } from '../dialect.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  const c = columns(db);
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', c.id)
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull().defaultTo('{}'))
    // Null for most one-off jobs; a recurring job's name; what enqueueJob({ uniqueKey }) was given.
    .addColumn('unique_key', 'varchar(200)', (col) => col.unique())
    // Null for one-off jobs; 'every 5' (minutes) or 'daily 03:00 Asia/Vientiane'.
    .addColumn('schedule', 'varchar(100)')
    .addColumn('status', 'varchar(10)', (col) => col.notNull().defaultTo('queued'))
    .addColumn('run_at', c.timestamp, (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (col) => col.notNull())
    .addColumn('locked_by', 'varchar(64)')
    .addColumn('locked_until', c.timestamp)
    .addColumn('last_error', 'text')
    .addColumn('last_started_at', c.timestamp)
    .addColumn('last_finished_at', c.timestamp)
    .addColumn('created_at', c.timestamp, (col) => col.notNull())
    .execute();
  // What the runners ask every few seconds: the queued jobs that are due.
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();

  // Stored files no record refers to any more, and since when (src/platform/files/unreferenced.ts):
  // their bytes are removed once they have stayed unreferenced for UNREFERENCED_FILE_DAYS.
  await db.schema
    .createTable('unreferenced_files')
    .addColumn('hash', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('since', c.timestamp, (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('unreferenced_files').execute();
  await db.schema.dropTable('jobs').execute();
}
