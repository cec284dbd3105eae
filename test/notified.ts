// What notify() wrote, for the tests of the modules that emit notifications: whom a kind told about
// a record, and one member's rows with their params read back.
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.ts';
import type { AppDeps } from '../src/platform/context.ts';
import { formatters, translator } from '../src/platform/i18n.ts';
import { type FollowType, followablesOf } from '../src/platform/notifications/follows.ts';
import '../src/platform/notifications/tables.ts';

type Db = Kysely<Database>;

/** The members told of `kind` about the subject `key`, in id order. */
export async function notifiedUsers(db: Db, kind: string, key: string | number): Promise<number[]> {
  const rows = await db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', kind)
    .where('subject_key', '=', String(key))
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** A member's notifications of `kind` (all kinds when left out), oldest first, params parsed. */
export async function notificationsOf(db: Db, userId: number, kind?: string) {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (kind) q = q.where('kind', '=', kind);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ ...r, params: JSON.parse(r.params) as Record<string, string> }));
}

/** The followed thing `type`/`key` as the account `viewerId` (a visitor: null) finds it, in English. */
export async function findFollowed(deps: AppDeps, type: FollowType, key: string, viewerId: number | null) {
  const followable = followablesOf(deps.modules).get(type);
  if (!followable) throw new Error(`No followable ${type}`);
  const viewer =
    viewerId === null
      ? null
      : await deps.db.selectFrom('users').selectAll().where('id', '=', viewerId).executeTakeFirstOrThrow();
  return followable.find(deps.db, key, viewer, { t: translator('en'), fmt: formatters('en', 'UTC') });
}

/**
 * The follow button on a page: 'signIn' (a visitor's link), the target and whether it follows or
 * stops following (a member's form), or null when the page has none.
 */
export function followButtonOf(
  html: string,
): null | 'signIn' | { type: string; key: string; action: 'follow' | 'unfollow' } {
  if (html.includes('<p class="follow">')) return 'signIn';
  const form = html.match(/<form method="post" action="\/follow" class="follow">([\s\S]*?)<\/form>/)?.[1];
  if (!form) return null;
  const value = (name: string) => form.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1] ?? '';
  return { type: value('type'), key: value('key'), action: value('follow') === '0' ? 'unfollow' : 'follow' };
}
