// How each member receives each kind: their choice (notification_preferences), or the kind's
// default. A change also moves what waits for mail of that kind, so a digest one has just left
// does not still arrive.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Delivery, isDelivery, notificationKinds } from '../../platform/notifications/kinds.ts';

type Db = Kysely<Database>;
type Modules = Parameters<typeof notificationKinds>[0];

/** Every kind, with how `userId` receives it. */
export async function effectiveDeliveries(
  db: Db,
  modules: Modules,
  userId: number,
): Promise<Map<string, Delivery>> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'delivery'])
    .where('user_id', '=', userId)
    .execute();
  const chosen = new Map(rows.map((r) => [r.kind, r.delivery]));
  const out = new Map<string, Delivery>();
  for (const kind of notificationKinds(modules).values()) {
    const delivery = chosen.get(kind.kind);
    out.set(kind.kind, isDelivery(delivery) ? delivery : kind.defaultDelivery);
  }
  return out;
}

export async function setDelivery(db: Db, userId: number, kind: string, delivery: Delivery): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, delivery })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ delivery }))
    .execute();
  // What waits to be mailed follows the new choice; "off" keeps it in the inbox (it happened).
  await db
    .updateTable('notifications')
    .set({ delivery: delivery === 'off' ? 'inbox' : delivery })
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .where('mailed_at', 'is', null)
    .where('delivery', '!=', 'inbox')
    .execute();
}
