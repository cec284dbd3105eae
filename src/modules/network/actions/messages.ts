// Direct messages between two connected members, and how far each has read. Sending passes
// ensureMayWrite (limits.ts); reading one's own conversation marks it read. Messages are not in
// the audit log (see connections.ts); a reported message reaches the moderators through the report.
import { type ActionContext, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { nowIso } from '../../../platform/time.ts';
import {
  blockedEitherWay,
  type Conversation,
  connectionBetween,
  conversationBetween,
  getMember,
} from '../access.ts';
import { ensureMayWrite } from '../limits.ts';
import { tellMember } from '../notifications.ts';
import { pairOf } from '../permissions.ts';

/**
 * Sends `body` to `to`, in their conversation (made with the first message). Refused: an unknown
 * account or oneself (404), a block either way (403), members who are not connected (403).
 */
export async function sendMessage(
  ctx: ActionContext,
  input: { to: number; body: string },
): Promise<{ conversationId: number; messageId: number }> {
  const me = await ensureMayWrite(ctx, [], { text: input.body, field: 'body' });
  const db = ctx.trx ?? ctx.deps.db;
  const other = input.to === me.id ? undefined : await getMember(db, input.to);
  if (!other) throw new HttpError(404, 'error.404.message');
  if (await blockedEitherWay(db, me.id, input.to)) throw new HttpError(403, 'network.cannotWrite');
  const connection = await connectionBetween(db, me.id, input.to);
  if (connection?.status !== 'accepted') throw new HttpError(403, 'network.notConnected');
  return transact(ctx, async (trx) => {
    const now = nowIso();
    const pair = pairOf(me.id, input.to);
    const mine = pair.user_low === me.id ? 'low_read_at' : 'high_read_at';
    await trx
      .insertInto('network_conversations')
      .values({ ...pair, created_at: now, last_message_at: null, low_read_at: null, high_read_at: null })
      .onConflict((oc) => oc.columns(['user_low', 'user_high']).doNothing())
      .execute();
    const conversation = await conversationBetween(trx, me.id, input.to);
    if (!conversation) throw new Error('The conversation was not made');
    const message = await trx
      .insertInto('network_messages')
      .values({ conversation_id: conversation.id, sender_id: me.id, body: input.body, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The sender has read what they wrote.
    await trx
      .updateTable('network_conversations')
      .set({ last_message_at: now, [mine]: now })
      .where('id', '=', conversation.id)
      .execute();
    await tellMember(trx, ctx, {
      kind: 'network.message',
      to: input.to,
      subject: { type: 'network-conversation', key: conversation.id },
      url: `/network/messages/${conversation.id}`,
      name: me.name,
    });
    return { conversationId: conversation.id, messageId: message.id };
  });
}

/** The reader has seen the conversation up to now (not a write of theirs: no limit applies). */
export async function markConversationRead(ctx: ActionContext, conversation: Conversation): Promise<void> {
  const me = ctx.user;
  if (!me || !conversation.last_message_at) return;
  const mine = conversation.user_low === me.id ? 'low_read_at' : 'high_read_at';
  if ((conversation[mine] ?? '') >= conversation.last_message_at) return;
  await (ctx.trx ?? ctx.deps.db)
    .updateTable('network_conversations')
    .set({ [mine]: nowIso() })
    .where('id', '=', conversation.id)
    .execute();
}
