// /api/v1/notifications and /api/v1/follows: the inbox, marking read, and following, with the
// pages' loaders and actions. A member's own only: every route needs a signed-in caller.
import { createRoute, z } from '@hono/zod-openapi';
import { actingUser, actionContext } from '../../platform/actions.ts';
import { apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import { forSignedIn, forSignedInWithJson } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { translator } from '../../platform/i18n.ts';
import { FOLLOW_TYPES, followsOf } from '../../platform/notifications/follows.ts';
import { unreadCount } from '../../platform/notifications/inbox.ts';
import { notificationKinds } from '../../platform/notifications/kinds.ts';
import { readableScopes } from '../../platform/scopes.ts';
import { markNotificationsRead, setFollowing } from './actions.ts';
import { listInbox, messageOf } from './listing.ts';
import { followTargetSchema, inboxQuerySchema, readSchema } from './schemas.ts';

const ABOUT = { tags: ['Notifications'] };

const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    text: z.string().openapi({ description: 'The notification in the caller’s language' }),
    url: z.string().openapi({ description: 'Where it points (absolute)' }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const listRoute = createRoute({
  method: 'get',
  path: '/notifications',
  ...ABOUT,
  ...forSignedIn,
  summary: 'The caller’s notifications, newest first (30 at a time; `before` continues)',
  request: { query: inboxQuerySchema },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(NotificationSchema),
        unread: z.number().int().openapi({ description: 'Unread ones, counted up to 100' }),
        older: z.number().int().nullable().openapi({ description: 'The `before` of the next page' }),
      }),
      'The notifications',
    ),
    ...problemsOf(401),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/notifications/read',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Mark notifications read: `{"id": [1, 2]}` or `{"all": true}`',
  request: { body: jsonBody(readSchema) },
  responses: {
    200: jsonResponse(z.object({ marked: z.number().int() }), 'How many were marked read'),
    ...problemsOf(400, 401, 422),
  },
});

const FollowSchema = z
  .object({ type: z.enum(FOLLOW_TYPES), key: z.string(), since: z.string() })
  .openapi('Follow');

const followsRoute = createRoute({
  method: 'get',
  path: '/follows',
  ...ABOUT,
  ...forSignedIn,
  summary: 'What the caller follows',
  responses: {
    200: jsonResponse(z.object({ items: z.array(FollowSchema) }), 'The follows'),
    ...problemsOf(401),
  },
});

const followRoute = createRoute({
  method: 'post',
  path: '/follows',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Follow an organisation, person, event or group (by id), a country, a domain or a tag',
  request: { body: jsonBody(followTargetSchema.openapi('FollowInput')) },
  responses: {
    201: jsonResponse(z.object({ title: z.string(), url: z.string() }), 'Followed'),
    ...problemsOf(400, 401, 404, 422),
  },
});

const unfollowRoute = createRoute({
  method: 'delete',
  path: '/follows/{type}/{key}',
  ...ABOUT,
  ...forSignedIn,
  summary: 'Stop following',
  request: { params: z.object({ type: z.enum(FOLLOW_TYPES), key: z.string().max(120) }) },
  responses: { 204: { description: 'No longer followed' }, ...problemsOf(401, 404) },
});

export function notificationsApi(deps: AppDeps) {
  const { config } = deps;
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const user = actingUser(actionContext(c));
      const { before, unread } = c.req.valid('query');
      const page = await listInbox(deps, user, { before, unreadOnly: !!unread });
      const kinds = notificationKinds(deps.modules);
      const t = translator(c.var.locale);
      return c.json(
        {
          items: page.items.map((item) => ({
            id: item.id,
            kind: item.kind,
            text: messageOf(kinds, t, item),
            url: config.baseUrl + item.url,
            createdAt: item.createdAt,
            readAt: item.readAt,
          })),
          unread: await unreadCount(deps.db, user.id, await readableScopes(deps, user)),
          older: page.older,
        },
        200,
      );
    })
    .openapi(readRoute, async (c) => {
      const { id, all } = c.req.valid('json');
      const marked = await markNotificationsRead(actionContext(c), all ? 'all' : id);
      return c.json({ marked }, 200);
    })
    .openapi(followsRoute, async (c) => {
      const user = actingUser(actionContext(c));
      const rows = await followsOf(deps.db, user.id);
      return c.json(
        {
          items: rows.map((r) => ({
            type: r.target_type as (typeof FOLLOW_TYPES)[number],
            key: r.target_key,
            since: r.created_at,
          })),
        },
        200,
      );
    })
    .openapi(followRoute, async (c) => {
      const thing = await setFollowing(actionContext(c), c.req.valid('json'), true);
      return c.json({ title: thing.title, url: config.baseUrl + thing.url }, 201);
    })
    .openapi(unfollowRoute, async (c) => {
      await setFollowing(actionContext(c), c.req.valid('param'), false);
      return c.body(null, 204);
    });
}
