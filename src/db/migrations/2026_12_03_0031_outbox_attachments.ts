// Mail may carry files (an event's .ics with a decision): their names, types and base64 content as
// JSON in the outbox row itself, so a message is queued and sent whole or not at all, and a worker on
// another host needs nothing but the database to send it. Dated after the event tables so that
// databases migrated before it take it in order.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('attachments').execute();
}
