// The installation's own UUID, drawn once: the namespace of the ids of feed entries and calendar
// events (platform/stable-ids.ts), which must not change when BASE_URL does.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

const KEY = 'site.uuid';

export async function up(db: Kysely<unknown>): Promise<void> {
  await (db as Kysely<Database>)
    .insertInto('settings')
    .values({ key: KEY, value: randomUUID(), updated_at: new Date().toISOString() })
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await (db as Kysely<Database>).deleteFrom('settings').where('key', '=', KEY).execute();
}
