// /api/v1/groups: the groups and their members through the API, with the pages' schemas, loaders
// and actions (so the same scoped permissions, validation and audit). A secret group is 404 to
// whoever may not know of it, as on its page.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actingUser, actionContext } from '../../platform/actions.ts';
import { anyoneOrSignedIn, apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import {
  forSignedIn,
  forSignedInWithJson,
  listFilters,
  pagedQuery,
  patchedInput,
  recordRoutes,
  slugParam,
} from '../../platform/api-routes.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type GroupAccess, loadGroupFor } from './access.ts';
import { createGroup, deleteGroup, updateGroup } from './actions/groups.ts';
import {
  changeGroupRole,
  decideJoinRequest,
  inviteToGroup,
  leaveGroup,
  removeGroupMember,
  requestToJoin,
} from './actions/members.ts';
import { type GroupCard, listGroups, listViewerOf } from './listing.ts';
import { listMembers } from './members.ts';
import { canSeeEmails, canSeeInside } from './permissions.ts';
import {
  decisionSchema,
  groupFilterSchema,
  groupInput,
  groupObject,
  inputOf,
  inviteSchema,
  joinRequestSchema,
} from './schemas.ts';
import { GROUP_KINDS, GROUP_ROLES, GROUP_VISIBILITIES } from './vocab.ts';

type C = Context<AppEnv>;

const GroupSchema = z
  .object({
    slug: z.string(),
    page: z.string(),
    name: z.string(),
    lang: z.string(),
    description: z.string().openapi({ description: 'Markdown' }),
    kind: z.enum(GROUP_KINDS),
    visibility: z.enum(GROUP_VISIBILITIES),
    country: z.string().nullable(),
    organisation: z
      .string()
      .nullable()
      .openapi({ description: 'Slug of the organisation (/api/v1/organisations/{slug})' }),
    translations: z.array(z.object({ lang: z.string(), name: z.string(), description: z.string() })),
    yourRole: z.enum(GROUP_ROLES).nullable().openapi({ description: 'The caller’s role in the group' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Group');

const MemberSchema = z
  .object({
    userId: z.number().int(),
    name: z.string(),
    email: z.string().nullable().openapi({ description: 'Only to those who manage the group' }),
    role: z.enum(GROUP_ROLES),
    since: z.string(),
  })
  .openapi('GroupMember');

const groups = recordRoutes({
  path: '/groups',
  tags: ['Groups'],
  params: slugParam('mekong-digital-skills-network'),
  record: GroupSchema,
});
const routes = {
  list: groups.list('List the groups the caller knows exist, with the filters of the groups page', {
    query: pagedQuery(listFilters(groupFilterSchema, { kind: null, country: 'ISO 3166-1 alpha-2' }), 30),
    items: GroupSchema.omit({ translations: true, yourRole: true, description: true }).extend({
      members: z.number().int(),
    }),
    response: 'A page of groups',
  }),
  read: groups.read('One group (404 for a secret group the caller is not in)', { response: 'The group' }),
  create: groups.create(
    'Start a group (editors; focal points in their country; owners for their organisation)',
    {
      body: groupInput.openapi('GroupInput'),
      response: 'The new group',
      also: [400],
    },
  ),
  update: groups.update('Change a group (its coordinators, its country’s focal points, admins)', {
    body: groupObject.partial(),
    response: 'The changed group',
    also: [400],
  }),
  delete: groups.delete('Delete a group (its coordinators, admins)'),
};

const memberParams = slugParam().extend({ userId: z.coerce.number().int().positive() });
const ABOUT = { tags: ['Groups'] };
const membersRoute = createRoute({
  method: 'get',
  path: '/groups/{slug}/members',
  ...ABOUT,
  summary: 'The members of a group (everyone for a public group, its people otherwise)',
  security: anyoneOrSignedIn,
  request: { params: slugParam() },
  responses: {
    200: jsonResponse(z.object({ items: z.array(MemberSchema) }), 'The members'),
    ...problemsOf(401, 403, 404),
  },
});
const inviteRoute = createRoute({
  method: 'post',
  path: '/groups/{slug}/invitations',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Invite an address by mail (those who manage the group)',
  request: { params: slugParam(), body: jsonBody(inviteSchema.openapi('GroupInvitationInput')) },
  responses: {
    201: jsonResponse(z.object({ id: z.number().int() }), 'The invitation'),
    ...problemsOf(400, 401, 403, 404, 422, 429),
  },
});
const joinRoute = createRoute({
  method: 'post',
  path: '/groups/{slug}/join-requests',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Ask to join a public or private group',
  request: { params: slugParam(), body: jsonBody(joinRequestSchema.openapi('GroupJoinRequestInput')) },
  responses: {
    201: jsonResponse(z.object({ id: z.number().int() }), 'The request'),
    ...problemsOf(400, 401, 403, 404, 409, 422),
  },
});
const decideRoute = createRoute({
  method: 'post',
  path: '/groups/{slug}/join-requests/{id}/decision',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Approve or decline a request to join (those who manage the group)',
  request: {
    params: slugParam().extend({ id: z.coerce.number().int().positive() }),
    body: jsonBody(decisionSchema.pick({ decision: true }).openapi('GroupJoinDecision')),
  },
  responses: { 204: { description: 'Decided' }, ...problemsOf(400, 401, 403, 404, 422) },
});
const roleRoute = createRoute({
  method: 'patch',
  path: '/groups/{slug}/members/{userId}',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Change a member’s role (the last coordinator stays one: 409)',
  request: {
    params: memberParams,
    body: jsonBody(z.object({ role: z.enum(GROUP_ROLES) }).openapi('GroupRoleChange')),
  },
  responses: { 204: { description: 'Changed' }, ...problemsOf(400, 401, 403, 404, 409, 422) },
});
const removeRoute = createRoute({
  method: 'delete',
  path: '/groups/{slug}/members/{userId}',
  ...ABOUT,
  ...forSignedIn,
  summary: 'Remove a member, or leave (your own id); the last coordinator cannot (409)',
  request: { params: memberParams },
  responses: { 204: { description: 'Removed' }, ...problemsOf(401, 403, 404, 409) },
});

function cardJson(card: GroupCard, baseUrl: string) {
  return {
    slug: card.slug,
    page: `${baseUrl}/groups/${card.slug}`,
    name: card.name,
    lang: card.lang,
    kind: card.kind,
    visibility: card.visibility,
    country: card.country,
    organisation: null as string | null,
    members: card.members,
    createdAt: card.created_at,
    updatedAt: card.updated_at,
  };
}

export function groupsApi(deps: AppDeps) {
  const { db, config } = deps;
  const load = (c: C, slug: string) => loadGroupFor(deps, slug, c.var.auth?.user ?? null);
  const toJson = ({ group, role }: GroupAccess): z.infer<typeof GroupSchema> => ({
    slug: group.slug,
    page: `${config.baseUrl}/groups/${group.slug}`,
    name: group.name,
    lang: group.lang,
    description: group.description,
    kind: group.kind,
    visibility: group.visibility,
    country: group.country,
    organisation: group.organisation?.slug ?? null,
    translations: group.translations,
    yourRole: role,
    createdAt: group.created_at,
    updatedAt: group.updated_at,
  });
  const reload = (c: C, slug: string) => load(c, slug).then(toJson);
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = groupFilterSchema.parse(query);
      const viewer = await listViewerOf(db, c.var.auth?.user ?? null);
      const { cards, total } = await listGroups(db, filter, viewer, { locale: c.var.locale, pageSize });
      return c.json(
        { total, page: filter.page, items: cards.map((card) => cardJson(card, config.baseUrl)) },
        200,
      );
    })
    .openapi(routes.read, async (c) => c.json(await reload(c, c.req.valid('param').slug), 200))
    .openapi(routes.create, async (c) => {
      const group = await createGroup(actionContext(c), c.req.valid('json'));
      return c.json(await reload(c, group.slug), 201);
    })
    .openapi(routes.update, async (c) => {
      const ctx = actionContext(c);
      const access = await load(c, c.req.valid('param').slug);
      const input = await patchedInput(c, groupInput, inputOf(access.group));
      await updateGroup(ctx, access.group, input);
      return c.json(await reload(c, access.group.slug), 200);
    })
    .openapi(routes.delete, async (c) => {
      const ctx = actionContext(c);
      actingUser(ctx);
      await deleteGroup(ctx, (await load(c, c.req.valid('param').slug)).group);
      return c.body(null, 204);
    })
    .openapi(membersRoute, async (c) => {
      const access = await load(c, c.req.valid('param').slug);
      if (!canSeeInside(access.user, access.group, access.held))
        throw access.user ? new HttpError(403, 'error.403.message') : new HttpError(401, 'error.401.message');
      const emails = canSeeEmails(access.user, access.held);
      const members = await listMembers(db, access.group.id);
      return c.json(
        {
          items: members.map((m) => ({
            userId: m.user_id,
            name: m.name,
            email: emails ? m.email : null,
            role: m.role,
            since: m.created_at,
          })),
        },
        200,
      );
    })
    .openapi(inviteRoute, async (c) => {
      const access = await load(c, c.req.valid('param').slug);
      return c.json({ id: await inviteToGroup(actionContext(c), access.group, c.req.valid('json')) }, 201);
    })
    .openapi(joinRoute, async (c) => {
      const access = await load(c, c.req.valid('param').slug);
      return c.json(
        { id: await requestToJoin(actionContext(c), access.group, c.req.valid('json').message) },
        201,
      );
    })
    .openapi(decideRoute, async (c) => {
      const { slug, id } = c.req.valid('param');
      const access = await load(c, slug);
      await decideJoinRequest(actionContext(c), access.group, id, c.req.valid('json').decision);
      return c.body(null, 204);
    })
    .openapi(roleRoute, async (c) => {
      const { slug, userId } = c.req.valid('param');
      const access = await load(c, slug);
      await changeGroupRole(actionContext(c), access.group, userId, c.req.valid('json').role);
      return c.body(null, 204);
    })
    .openapi(removeRoute, async (c) => {
      const { slug, userId } = c.req.valid('param');
      const ctx = actionContext(c);
      const user = actingUser(ctx);
      const access = await load(c, slug);
      if (userId === user.id) await leaveGroup(ctx, access.group);
      else await removeGroupMember(ctx, access.group, userId);
      return c.body(null, 204);
    });
}
