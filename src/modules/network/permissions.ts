// Who may do what in the network: pure rules about a connection or a conversation and the member
// asking; the loaders (access.ts) and the actions ask here.
import type { User } from '../../db/schema.ts';

interface Pair {
  user_low: number;
  user_high: number;
}

/** The smaller id first: how a pair of members is stored, whoever asked. */
export function pairOf(a: number, b: number): Pair {
  return a < b ? { user_low: a, user_high: b } : { user_low: b, user_high: a };
}

/** One of the two members of a connection or a conversation. */
export function isParty(user: User | null, pair: Pair): boolean {
  return !!user && (pair.user_low === user.id || pair.user_high === user.id);
}

/** The other member of a pair `user` is one of. */
export function otherOf(userId: number, pair: Pair): number {
  return pair.user_low === userId ? pair.user_high : pair.user_low;
}

/** The member asked answers a pending request (accept or decline). */
export function canAnswer(user: User | null, c: Pair & { requester_id: number; status: string }): boolean {
  return !!user && c.status === 'pending' && isParty(user, c) && c.requester_id !== user.id;
}

/** The member who asked takes a pending request back. */
export function canWithdraw(user: User | null, c: { requester_id: number; status: string }): boolean {
  return !!user && c.status === 'pending' && c.requester_id === user.id;
}

/** Either member ends an accepted connection. */
export function canRemove(user: User | null, c: Pair & { status: string }): boolean {
  return c.status === 'accepted' && isParty(user, c);
}
