// notify(): how every module tells members that something happened. It is called inside the
// action's transaction, as mail goes into the outbox: a rolled-back change tells nobody, a committed
// one is never forgotten. It only writes rows; the notifications module's jobs mail them (at once,
// or in the daily and weekly digests), and the inbox shows them. See docs/notifications.md.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ScopeResolver } from '../scopes.ts';
import { nowIso } from '../time.ts';
import type { FollowTarget } from './follows.ts';
import { isDelivery, type NotificationKind, notificationKinds } from './kinds.ts';
import './tables.ts';

type Db = Kysely<Database>;

export interface Notice {
  /** A kind of a module's manifest (`notificationKinds`). */
  kind: string;
  /** The record it is about. */
  subject: { type: string; key: string | number };
  /** Where the reader goes: a path on this site. */
  url: string;
  /** The values of the kind's message, as they are now (titles, names). */
  params?: Record<string, string>;
  /** Who is told: the followers of these things, and these members. */
  to: { followersOf?: readonly FollowTarget[]; users?: readonly number[] };
  /**
   * For content only some may read (`group:12`): only the scope's readers are told, and the inbox
   * and digests check again when they show it (someone may have left the group since).
   */
  scope?: string;
  /** Who did it: they are not told of their own doing. */
  actorId?: number | null;
  /** Not again: nobody is told twice of this kind for this subject (a post published, unpublished, published). */
  once?: boolean;
}

/** What notify() needs of the app: the modules' kinds and scope resolvers. */
export interface NotifyDeps {
  modules: readonly { notificationKinds?: readonly NotificationKind[]; scopes?: readonly ScopeResolver[] }[];
}

const CHUNK = 500;

function chunks<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** The members who follow any of `targets`. */
async function followersOf(db: Db, targets: readonly FollowTarget[]): Promise<number[]> {
  if (targets.length === 0) return [];
  const rows = await db
    .selectFrom('follows')
    .select('user_id')
    .distinct()
    .where((eb) =>
      eb.or(targets.map((t) => eb.and([eb('target_type', '=', t.type), eb('target_key', '=', t.key)]))),
    )
    .execute();
  return rows.map((r) => r.user_id);
}

/** Of `userIds`, those whose account is active. */
async function activeOf(db: Db, userIds: readonly number[]): Promise<number[]> {
  const active: number[] = [];
  for (const part of chunks(userIds)) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', part)
      .where('disabled_at', 'is', null)
      .execute();
    active.push(...rows.map((r) => r.id));
  }
  return active;
}

/** Of `userIds`, those who read the scope `scope` (its module's resolver says who). */
async function readersAmong(db: Db, deps: NotifyDeps, scope: string, userIds: number[]): Promise<number[]> {
  const [kind, key] = [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)];
  const resolver = deps.modules.flatMap((m) => m.scopes ?? []).find((r) => r.kind === kind);
  // A scope nobody answers for is read by nobody: better silent than a leak.
  if (!resolver?.readersOf) return [];
  const readers = new Set(await resolver.readersOf(db, key));
  return userIds.filter((id) => readers.has(id));
}

/** Each recipient's delivery for the kind: their choice, or the kind's default. */
async function deliveriesOf(db: Db, kind: NotificationKind, userIds: readonly number[]) {
  const chosen = new Map<number, string>();
  for (const part of chunks(userIds)) {
    const rows = await db
      .selectFrom('notification_preferences')
      .select(['user_id', 'delivery'])
      .where('kind', '=', kind.kind)
      .where('user_id', 'in', part)
      .execute();
    for (const row of rows) chosen.set(row.user_id, row.delivery);
  }
  return (userId: number) => {
    const delivery = chosen.get(userId);
    return isDelivery(delivery) ? delivery : kind.defaultDelivery;
  };
}

/** Tells the notice's recipients; how many were told. */
export async function notify(
  db: Db,
  deps: NotifyDeps,
  notice: Notice,
  now: string = nowIso(),
): Promise<number> {
  const kind = notificationKinds(deps.modules).get(notice.kind);
  if (!kind) throw new Error(`Unknown notification kind ${notice.kind}`);
  const subjectKey = String(notice.subject.key);
  if (notice.once) {
    const told = await db
      .selectFrom('notifications')
      .select('id')
      .where('subject_type', '=', notice.subject.type)
      .where('subject_key', '=', subjectKey)
      .where('kind', '=', notice.kind)
      .executeTakeFirst();
    if (told) return 0;
  }
  const candidates = new Set([
    ...(await followersOf(db, notice.to.followersOf ?? [])),
    ...(notice.to.users ?? []),
  ]);
  if (notice.actorId != null) candidates.delete(notice.actorId);
  let recipients = await activeOf(db, [...candidates]);
  const scope = notice.scope ?? 'public';
  if (scope !== 'public') recipients = await readersAmong(db, deps, scope, recipients);
  if (recipients.length === 0) return 0;

  const deliveryOf = await deliveriesOf(db, kind, recipients);
  const rows = recipients
    .map((userId) => ({ userId, delivery: deliveryOf(userId) }))
    .filter((r) => r.delivery !== 'off')
    .map(({ userId, delivery }) => ({
      user_id: userId,
      kind: notice.kind,
      subject_type: notice.subject.type,
      subject_key: subjectKey,
      url: notice.url,
      params: JSON.stringify(notice.params ?? {}),
      scope,
      actor_id: notice.actorId ?? null,
      delivery,
      created_at: now,
      read_at: null,
      mailed_at: null,
    }));
  for (const part of chunks(rows)) await db.insertInto('notifications').values(part).execute();
  return rows.length;
}
