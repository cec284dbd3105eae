// Connections and blocks: send a request (with an optional note), accept, decline, withdraw, remove;
// block and unblock. Pages, the API and the seed call these. Each write passes ensureMayWrite
// (limits.ts). Nothing here goes to the audit log: who connects with whom is the members' own
// business, and an audit entry would outlive the account it names.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import { blockedEitherWay, type Connection, connectionBetween, getMember } from '../access.ts';
import { ensureMayWrite } from '../limits.ts';
import { tellMember } from '../notifications.ts';
import { canAnswer, canRemove, canWithdraw, pairOf } from '../permissions.ts';
import { WRITE_LIMITS } from '../vocab.ts';

type Db = Kysely<Database>;

/** The member a write is about: an active account other than oneself, or a 404. */
async function otherMember(db: Db, me: number, other: number) {
  const member = other === me ? undefined : await getMember(db, other);
  if (!member) throw new HttpError(404, 'error.404.message');
  return member;
}

/**
 * Asks `to` to connect. Refused: oneself or an unknown account (404), a block either way (403, the
 * same words whichever side blocked, so nobody learns they were blocked), an existing request or
 * connection (409). A pending request from `to` is accepted instead: both want it.
 */
export async function requestConnection(
  ctx: ActionContext,
  input: { to: number; message: string },
): Promise<Connection> {
  const me = await ensureMayWrite(ctx, [WRITE_LIMITS.requestsPerMember], {
    text: input.message,
    field: 'message',
  });
  const db = ctx.trx ?? ctx.deps.db;
  await otherMember(db, me.id, input.to);
  if (await blockedEitherWay(db, me.id, input.to)) throw new HttpError(403, 'network.cannotConnect');
  const existing = await connectionBetween(db, me.id, input.to);
  if (existing?.status === 'pending' && existing.requester_id === input.to)
    return acceptWithin(ctx, existing);
  if (existing) throw new HttpError(409, 'network.alreadyAsked');
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('network_connections')
      .values({
        ...pairOf(me.id, input.to),
        requester_id: me.id,
        status: 'pending',
        message: input.message,
        created_at: now,
        updated_at: now,
        accepted_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await tellMember(trx, ctx, {
      kind: 'network.connection-requested',
      to: input.to,
      subject: { type: 'network-connection', key: row.id },
      url: '/network',
      name: me.name,
    });
    return row;
  });
}

/** A request by id, as one of its two members sees it; 404 for anyone else. */
async function loadRequest(db: Db, me: number, id: number): Promise<Connection> {
  const row = await db.selectFrom('network_connections').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (row.user_low !== me && row.user_high !== me)) throw new HttpError(404, 'error.404.message');
  return row;
}

async function acceptWithin(ctx: ActionContext, request: Connection): Promise<Connection> {
  const me = ctx.user;
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const row = await trx
      .updateTable('network_connections')
      .set({ status: 'accepted', accepted_at: now, updated_at: now })
      .where('id', '=', request.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tellMember(trx, ctx, {
      kind: 'network.connection-accepted',
      to: request.requester_id,
      subject: { type: 'network-connection', key: row.id },
      url: '/network',
      name: me?.name ?? '',
    });
    return row;
  });
}

/** The member asked accepts a pending request: both now see each other and may write. */
export async function acceptRequest(ctx: ActionContext, id: number): Promise<Connection> {
  const me = await ensureMayWrite(ctx);
  const request = await loadRequest(ctx.trx ?? ctx.deps.db, me.id, id);
  if (!canAnswer(me, request)) throw new HttpError(409, 'network.notPending');
  return acceptWithin(ctx, request);
}

/** Declining and withdrawing forget the request: the requester may ask again later. */
async function forget(
  ctx: ActionContext,
  id: number,
  allowed: (user: User, c: Connection) => boolean,
): Promise<void> {
  const me = await ensureMayWrite(ctx);
  const request = await loadRequest(ctx.trx ?? ctx.deps.db, me.id, id);
  if (!allowed(me, request)) throw new HttpError(409, 'network.notPending');
  await transact(ctx, (trx) => trx.deleteFrom('network_connections').where('id', '=', id).execute());
}

export const declineRequest = (ctx: ActionContext, id: number) => forget(ctx, id, canAnswer);
export const withdrawRequest = (ctx: ActionContext, id: number) => forget(ctx, id, canWithdraw);

/** Either member ends a connection; their conversation stays (both may read it), but neither may write. */
export async function removeConnection(ctx: ActionContext, other: number): Promise<void> {
  const me = await ensureMayWrite(ctx);
  const connection = await connectionBetween(ctx.trx ?? ctx.deps.db, me.id, other);
  if (!connection || !canRemove(me, connection)) throw new HttpError(404, 'error.404.message');
  await transact(ctx, (trx) =>
    trx.deleteFrom('network_connections').where('id', '=', connection.id).execute(),
  );
}

/**
 * `other` can no longer ask or write to the member, who no longer sees them in their lists; a
 * connection or request between them ends. Blocking twice is the same as once.
 */
export async function blockMember(ctx: ActionContext, other: number): Promise<void> {
  const me = await ensureMayWrite(ctx);
  await otherMember(ctx.trx ?? ctx.deps.db, me.id, other);
  await transact(ctx, async (trx) => {
    const pair = pairOf(me.id, other);
    await trx
      .deleteFrom('network_connections')
      .where('user_low', '=', pair.user_low)
      .where('user_high', '=', pair.user_high)
      .execute();
    await trx
      .insertInto('network_blocks')
      .values({ blocker_id: me.id, blocked_id: other, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
      .execute();
  });
}

export async function unblockMember(ctx: ActionContext, other: number): Promise<void> {
  const me = await ensureMayWrite(ctx);
  await transact(ctx, (trx) =>
    trx
      .deleteFrom('network_blocks')
      .where('blocker_id', '=', me.id)
      .where('blocked_id', '=', other)
      .execute(),
  );
}
