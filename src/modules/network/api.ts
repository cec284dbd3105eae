// /api/v1/network: connections (list, request, accept, decline, withdraw, remove), blocks, the
// conversations and sending a message, through the same actions as the pages (so the same rules,
// limits and refusals). A member's own only: every route needs a signed-in caller.
import { createRoute, z } from '@hono/zod-openapi';
import { actingUser, actionContext } from '../../platform/actions.ts';
import { apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import { forSignedIn, forSignedInWithJson, idParam } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { loadConversation } from './access.ts';
import {
  acceptRequest,
  blockMember,
  declineRequest,
  removeConnection,
  requestConnection,
  unblockMember,
  withdrawRequest,
} from './actions/connections.ts';
import { sendMessage } from './actions/messages.ts';
import { conversationsOf, messagesOf, myNetwork, type NetworkMember, type NetworkRow } from './listing.ts';
import { isParty, otherOf } from './permissions.ts';
import { messageSchema, requestSchema } from './schemas.ts';

const ABOUT = { tags: ['Network'] };

const MemberSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    profile: z.string().nullable().openapi({ description: 'Their public profile’s page, if any' }),
  })
  .openapi('NetworkMember');

const ConnectionSchema = z
  .object({
    id: z.number().int(),
    member: MemberSchema,
    message: z.string().openapi({ description: 'The note sent with the request' }),
    since: z.string(),
    conversation: z.number().int().nullable().openapi({ description: 'Their conversation’s id, if any' }),
  })
  .openapi('NetworkConnection');

const problems = (...s: Parameters<typeof problemsOf>) => problemsOf(...s);

const route = <R extends Parameters<typeof createRoute>[0]>(r: R) => createRoute({ ...ABOUT, ...r });

const listConnections = route({
  method: 'get',
  path: '/network/connections',
  ...forSignedIn,
  summary: 'The caller’s connections, the requests they received and those they sent',
  responses: {
    200: jsonResponse(
      z.object({
        connections: z.array(ConnectionSchema),
        incoming: z.array(ConnectionSchema),
        outgoing: z.array(ConnectionSchema),
      }),
      'The caller’s network',
    ),
    ...problems(401),
  },
});

const requestRoute = route({
  method: 'post',
  path: '/network/connections',
  ...forSignedInWithJson,
  summary: 'Ask a member to connect (`to`: their account id), with an optional note',
  request: { body: jsonBody(requestSchema.openapi('NetworkRequestInput')) },
  responses: {
    201: jsonResponse(
      z.object({ id: z.number().int(), status: z.enum(['pending', 'accepted']) }),
      'Asked (or accepted, when they had asked first)',
    ),
    ...problems(400, 401, 403, 404, 409, 415, 422, 429),
  },
});

const answerRoute = (what: 'accept' | 'decline' | 'withdraw', summary: string) =>
  route({
    method: 'post',
    path: `/network/connections/{id}/${what}`,
    ...forSignedIn,
    summary,
    request: { params: idParam },
    responses: { 204: { description: 'Done' }, ...problems(401, 404, 409, 429) },
  });

const removeRoute = route({
  method: 'delete',
  path: '/network/connections/{id}',
  ...forSignedIn,
  summary: 'End a connection (either member)',
  request: { params: idParam },
  responses: { 204: { description: 'No longer connected' }, ...problems(401, 404, 429) },
});

const blockRoute = route({
  method: 'put',
  path: '/network/blocks/{id}',
  ...forSignedIn,
  summary: 'Block a member (by account id): they can no longer ask or write to the caller',
  request: { params: idParam },
  responses: { 204: { description: 'Blocked' }, ...problems(401, 404, 429) },
});

const unblockRoute = route({
  method: 'delete',
  path: '/network/blocks/{id}',
  ...forSignedIn,
  summary: 'Unblock a member',
  request: { params: idParam },
  responses: { 204: { description: 'Unblocked' }, ...problems(401, 429) },
});

const ConversationSchema = z
  .object({
    id: z.number().int(),
    member: MemberSchema,
    lastMessageAt: z.string().nullable(),
    unread: z.boolean(),
  })
  .openapi('NetworkConversation');

const MessageSchema = z
  .object({
    id: z.number().int(),
    fromMe: z.boolean(),
    body: z.string().openapi({ description: 'Plain text' }),
    sentAt: z.string(),
    unread: z.boolean(),
  })
  .openapi('NetworkMessage');

const conversationsRoute = route({
  method: 'get',
  path: '/network/conversations',
  ...forSignedIn,
  summary: 'The caller’s conversations, the latest first',
  responses: {
    200: jsonResponse(z.object({ items: z.array(ConversationSchema) }), 'The conversations'),
    ...problems(401),
  },
});

const conversationRoute = route({
  method: 'get',
  path: '/network/conversations/{id}',
  ...forSignedIn,
  summary:
    'A page of one of the caller’s conversations, oldest first; `older` is the `before` of the page before',
  request: {
    params: idParam,
    query: z.object({ before: z.coerce.number().int().min(1).optional() }),
  },
  responses: {
    200: jsonResponse(
      z.object({ member: MemberSchema, items: z.array(MessageSchema), older: z.number().int().nullable() }),
      'The messages',
    ),
    ...problems(401, 404, 422),
  },
});

const sendRoute = route({
  method: 'post',
  path: '/network/messages',
  ...forSignedInWithJson,
  summary: 'Send a message to a connection (`to`: their account id)',
  request: { body: jsonBody(messageSchema.openapi('NetworkMessageInput')) },
  responses: {
    201: jsonResponse(z.object({ conversation: z.number().int(), id: z.number().int() }), 'Sent'),
    ...problems(400, 401, 403, 404, 415, 422, 429),
  },
});

function memberJson(member: NetworkMember, baseUrl: string) {
  return {
    id: member.id,
    name: member.name,
    profile: member.personSlug ? `${baseUrl}/directory/people/${member.personSlug}` : null,
  };
}

export function networkApi(deps: AppDeps) {
  const { db, config } = deps;
  const rowJson = (row: NetworkRow) => ({
    id: row.id,
    member: memberJson(row.member, config.baseUrl),
    message: row.message,
    since: row.since,
    conversation: row.conversationId,
  });
  return apiRouter()
    .openapi(listConnections, async (c) => {
      const user = actingUser(actionContext(c));
      const network = await myNetwork(db, user.id);
      return c.json(
        {
          connections: network.connections.map(rowJson),
          incoming: network.incoming.map(rowJson),
          outgoing: network.outgoing.map(rowJson),
        },
        200,
      );
    })
    .openapi(requestRoute, async (c) => {
      const row = await requestConnection(actionContext(c), c.req.valid('json'));
      return c.json({ id: row.id, status: row.status }, 201);
    })
    .openapi(answerRoute('accept', 'Accept a request the caller received'), async (c) => {
      await acceptRequest(actionContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(answerRoute('decline', 'Decline a request the caller received'), async (c) => {
      await declineRequest(actionContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(answerRoute('withdraw', 'Take back a request the caller sent'), async (c) => {
      await withdrawRequest(actionContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(removeRoute, async (c) => {
      const ctx = actionContext(c);
      const user = actingUser(ctx);
      const row = await db
        .selectFrom('network_connections')
        .selectAll()
        .where('id', '=', c.req.valid('param').id)
        .executeTakeFirst();
      if (!row || !isParty(user, row)) throw new HttpError(404, 'error.404.message');
      await removeConnection(ctx, otherOf(user.id, row));
      return c.body(null, 204);
    })
    .openapi(blockRoute, async (c) => {
      await blockMember(actionContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(unblockRoute, async (c) => {
      await unblockMember(actionContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(conversationsRoute, async (c) => {
      const user = actingUser(actionContext(c));
      const items = await conversationsOf(db, user.id);
      return c.json(
        {
          items: items.map((i) => ({
            id: i.id,
            member: memberJson(i.member, config.baseUrl),
            lastMessageAt: i.lastMessageAt,
            unread: i.unread,
          })),
        },
        200,
      );
    })
    .openapi(conversationRoute, async (c) => {
      const user = actingUser(actionContext(c));
      const conversation = await loadConversation(db, user, c.req.valid('param').id);
      const other = await myMember(db, otherOf(user.id, conversation));
      const page = await messagesOf(db, conversation, user.id, c.req.valid('query').before);
      return c.json(
        {
          member: memberJson(other, config.baseUrl),
          items: page.messages.map((m) => ({
            id: m.id,
            fromMe: m.senderId === user.id,
            body: m.body,
            sentAt: m.createdAt,
            unread: m.unread,
          })),
          older: page.older,
        },
        200,
      );
    })
    .openapi(sendRoute, async (c) => {
      const sent = await sendMessage(actionContext(c), c.req.valid('json'));
      return c.json({ conversation: sent.conversationId, id: sent.messageId }, 201);
    });
}

/** The other member of a conversation, even when their account was disabled since (a name stays). */
async function myMember(db: AppDeps['db'], id: number): Promise<NetworkMember> {
  const row = await db.selectFrom('users').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpError(404, 'error.404.message');
  return { id: row.id, name: row.name, personSlug: null };
}
