// Shared by the network's tests: two members connected through the actions (as the pages and the
// seed connect them), and a member's write allowance used up (as a flood of writes would).
import type { TestPlatform } from '../../../test/harness.ts';
import { systemContext } from '../../platform/actions.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { acceptRequest, requestConnection } from './actions/connections.ts';
import { WRITE_LIMITS } from './vocab.ts';

async function userRow(hub: TestPlatform, id: number) {
  return hub.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** `a` asks `b`, and `b` accepts: the two are connected. */
export async function connect(hub: TestPlatform, a: { id: number }, b: { id: number }): Promise<void> {
  const request = await requestConnection(systemContext(hub.deps, 'seed', await userRow(hub, a.id)), {
    to: b.id,
    message: '',
  });
  await acceptRequest(systemContext(hub.deps, 'seed', await userRow(hub, b.id)), request.id);
}

/** Counts a member's writes up to the limit, so their next write is refused. */
export async function useUpWrites(hub: TestPlatform, userId: number): Promise<void> {
  for (let i = 0; i < WRITE_LIMITS.perMember.limit; i++)
    await hitRateLimit(hub.deps.db, WRITE_LIMITS.perMember, String(userId));
}

/** The messages stored between two members, oldest first. */
export async function messagesBetween(hub: TestPlatform, a: number, b: number) {
  return hub.deps.db
    .selectFrom('network_messages as m')
    .innerJoin('network_conversations as c', 'c.id', 'm.conversation_id')
    .select(['m.body', 'm.sender_id'])
    .where('c.user_low', '=', Math.min(a, b))
    .where('c.user_high', '=', Math.max(a, b))
    .orderBy('m.id')
    .execute();
}
