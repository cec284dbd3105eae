// One-click unsubscribe links (RFC 8058) in notification mail. Each mail gets its own link; only
// the hash of its secret is kept. A link is single-purpose: it stops one thing (`daily` or `weekly`
// digests, or one kind's mail at once: `kind:<kind>`), never signs anyone in, and works once. What it
// stops becomes "in the inbox only", so nothing is lost: the notifications stay on /notifications.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { notificationKinds } from '../../platform/notifications/kinds.ts';
import { randomToken, sha256 } from '../../platform/security-tokens.ts';
import { nowIso } from '../../platform/time.ts';
import { effectiveDeliveries, setDelivery } from './preferences.ts';

type Db = Kysely<Database>;
type Modules = Parameters<typeof notificationKinds>[0];

/** A new link's path (/unsubscribe/<secret>), stored in the transaction of the mail that carries it. */
export async function newUnsubscribePath(
  db: Db,
  userId: number,
  what: string,
  now = nowIso(),
): Promise<string> {
  const token = randomToken(24);
  await db
    .insertInto('unsubscribe_links')
    .values({ token_hash: sha256(token), user_id: userId, what, created_at: now, used_at: null })
    .execute();
  return `/unsubscribe/${token}`;
}

export type UnsubscribeLink = { userId: number; what: string; usedAt: string | null };

export async function findUnsubscribeLink(db: Db, token: string): Promise<UnsubscribeLink | undefined> {
  const row = await db
    .selectFrom('unsubscribe_links')
    .select(['user_id', 'what', 'used_at'])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  return row && { userId: row.user_id, what: row.what, usedAt: row.used_at };
}

/**
 * Uses the link: what it names goes to the inbox only. False when it was used already (by a second
 * click, or a mail program's one-click POST before it); the claim is one UPDATE, so two at once do
 * not both count.
 */
export async function useUnsubscribeLink(db: Db, modules: Modules, token: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('unsubscribe_links')
      .set({ used_at: nowIso() })
      .where('token_hash', '=', sha256(token))
      .where('used_at', 'is', null)
      .returning(['user_id', 'what'])
      .executeTakeFirst();
    if (!claimed) return false;
    const kinds = notificationKinds(modules);
    if (claimed.what.startsWith('kind:')) {
      const kind = claimed.what.slice('kind:'.length);
      if (kinds.has(kind)) await setDelivery(trx, claimed.user_id, kind, 'inbox');
      return true;
    }
    // A digest: every kind that now goes into it.
    for (const [kind, delivery] of await effectiveDeliveries(trx, modules, claimed.user_id))
      if (delivery === claimed.what) await setDelivery(trx, claimed.user_id, kind, 'inbox');
    return true;
  });
}
