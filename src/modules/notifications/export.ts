// "Download my data": what one follows, one's choices per kind, and one's notifications.
import type { DB } from '../../db/index.ts';

export async function notificationsAccountExport(db: DB, userId: number) {
  const [follows, preferences, notifications] = await Promise.all([
    db
      .selectFrom('follows')
      .select(['target_type', 'target_key', 'created_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('notification_preferences')
      .select(['kind', 'delivery'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('notifications')
      .select(['kind', 'url', 'params', 'created_at', 'read_at', 'mailed_at'])
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .execute(),
  ]);
  return {
    follows: follows.map((f) => ({ type: f.target_type, key: f.target_key, since: f.created_at })),
    preferences,
    notifications: notifications.map((n) => ({ ...n, params: JSON.parse(n.params) as unknown })),
  };
}
