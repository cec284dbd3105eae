// Mail may carry extra headers: notification mail carries List-Unsubscribe and
// List-Unsubscribe-Post (RFC 8058), so a mail program offers a one-click unsubscribe. As JSON in the
// outbox row, like its attachments.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').addColumn('headers', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('headers').execute();
}
