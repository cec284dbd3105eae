// A member's notifications as the inbox and the header show them. Content of a scope (a private
// group's) shows only while the member still reads that scope: notify() checked when it was made,
// this checks again, since people leave groups.
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../time.ts';
import './tables.ts';

type Db = Kysely<Database>;

/** Counts stop here: the header says "99+" rather than the database counting thousands on every page. */
export const UNREAD_CAP = 100;

/** Rows of `userId` they may read now, given the scopes they read (platform/scopes.ts, readableScopes). */
export const visibleTo =
  (userId: number, readable: readonly string[]) => (eb: ExpressionBuilder<Database, 'notifications'>) =>
    eb.and([
      eb('notifications.user_id', '=', userId),
      readable.length > 0
        ? eb.or([eb('notifications.scope', '=', 'public'), eb('notifications.scope', 'in', readable)])
        : eb('notifications.scope', '=', 'public'),
    ]);

/** How many unread notifications `userId` has, up to UNREAD_CAP. */
export async function unreadCount(db: Db, userId: number, readable: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom((qb) =>
      qb
        .selectFrom('notifications')
        .select('id')
        .where(visibleTo(userId, readable))
        .where('read_at', 'is', null)
        .limit(UNREAD_CAP)
        .as('unread'),
    )
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Marks some of `userId`'s notifications read (theirs only); how many changed. */
export async function markRead(db: Db, userId: number, ids: readonly number[] | 'all'): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
