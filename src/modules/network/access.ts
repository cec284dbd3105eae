// Reading the state between two members (connection, blocks) and the loaders that answer 404: a
// conversation, a request, a member, seen only by those it concerns.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { isParty, pairOf } from './permissions.ts';

type Db = Kysely<Database>;

export const ID_PATTERN = /^[1-9][0-9]{0,14}$/;

/** A number from a path, or a 404 (as if there were no such record). */
export function idOf(value: string | undefined): number {
  if (!value || !ID_PATTERN.test(value)) throw new HttpError(404, 'error.404.message');
  return Number(value);
}

export function connectionBetween(db: Db, a: number, b: number) {
  const pair = pairOf(a, b);
  return db
    .selectFrom('network_connections')
    .selectAll()
    .where('user_low', '=', pair.user_low)
    .where('user_high', '=', pair.user_high)
    .executeTakeFirst();
}
export type Connection = NonNullable<Awaited<ReturnType<typeof connectionBetween>>>;

/** Whether either member blocked the other. */
export async function blockedEitherWay(db: Db, a: number, b: number): Promise<boolean> {
  const row = await db
    .selectFrom('network_blocks')
    .select('blocker_id')
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
        eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
      ]),
    )
    .executeTakeFirst();
  return !!row;
}

export async function hasBlocked(db: Db, blocker: number, blocked: number): Promise<boolean> {
  const row = await db
    .selectFrom('network_blocks')
    .select('blocker_id')
    .where('blocker_id', '=', blocker)
    .where('blocked_id', '=', blocked)
    .executeTakeFirst();
  return !!row;
}

/** An active account as others see it in the network: its name and public profile, if any. */
export async function getMember(db: Db, id: number) {
  return db
    .selectFrom('users')
    .leftJoin('people', (join) =>
      join.onRef('people.user_id', '=', 'users.id').on('people.status', '=', 'published'),
    )
    .select(['users.id', 'users.name', 'people.slug as personSlug'])
    .where('users.id', '=', id)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}
export type Member = NonNullable<Awaited<ReturnType<typeof getMember>>>;

/** Another member, by the id in a path; 404 for oneself, an unknown or a disabled account. */
export async function loadOtherMember(db: Db, viewer: User, value: string | undefined): Promise<Member> {
  const id = idOf(value);
  const member = id === viewer.id ? undefined : await getMember(db, id);
  if (!member) throw new HttpError(404, 'error.404.message');
  return member;
}

/** A conversation `viewer` is one of the two of; anyone else gets a 404, as if it did not exist. */
export async function loadConversation(db: Db, viewer: User, id: number) {
  const conversation = await db
    .selectFrom('network_conversations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!conversation || !isParty(viewer, conversation)) throw new HttpError(404, 'error.404.message');
  return conversation;
}
export type Conversation = Awaited<ReturnType<typeof loadConversation>>;

export function conversationBetween(db: Db, a: number, b: number) {
  const pair = pairOf(a, b);
  return db
    .selectFrom('network_conversations')
    .selectAll()
    .where('user_low', '=', pair.user_low)
    .where('user_high', '=', pair.user_high)
    .executeTakeFirst();
}
