// /api/v1/users: the account list and role/disable changes, for admins, through the pages' listing
// and actions (so the same rules and audit entries).
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../db/schema.ts';
import { actionContext, ensure } from '../../platform/actions.ts';
import { apiRouter, jsonBody, jsonResponse, listPage, problemsOf } from '../../platform/api.ts';
import { forSignedIn } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { found, HttpError } from '../../platform/http/errors.ts';
import { AccountSchema, toAccount } from '../accounts/index.ts';
import { changeRole, setDisabled } from './actions/accounts.ts';
import { listUsers } from './listing.ts';
import { canAdminister } from './permissions.ts';
import { userUpdateSchema } from './schemas.ts';
import { USER_STATUSES } from './vocab.ts';

const UserSchema = AccountSchema.extend({ disabled: z.boolean() }).openapi('User');

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Administration'],
  summary: 'List accounts (admins only)',
  ...forSignedIn,
  request: {
    query: z.object({
      q: z.string().max(100).optional().openapi({ description: 'Part of a name or email' }),
      role: z.enum(ROLES).optional(),
      status: z.enum(USER_STATUSES).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(25),
    }),
  },
  responses: { 200: jsonResponse(listPage(UserSchema), 'A page of accounts'), ...problemsOf(401, 403, 422) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['Administration'],
  summary: 'Change the role of an account or disable it (admins only)',
  ...forSignedIn,
  request: {
    params: z.object({ id: z.coerce.number().int().min(1) }),
    body: jsonBody(userUpdateSchema.openapi('UserUpdate')),
  },
  responses: {
    200: jsonResponse(UserSchema, 'The updated account'),
    ...problemsOf(401, 403, 404, 409, 422),
  },
});

const toUser = (user: Parameters<typeof toAccount>[0]) => ({
  ...toAccount(user),
  disabled: user.disabled_at !== null,
});

export function adminApi(deps: AppDeps) {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      ensure(actionContext(c), canAdminister);
      const query = c.req.valid('query');
      const { users, total } = await listUsers(deps.db, query, query.pageSize);
      return c.json({ total, page: query.page, items: users.map(toUser) }, 200);
    })
    .openapi(updateRoute, async (c) => {
      const ctx = actionContext(c);
      ensure(ctx, canAdminister);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      if (body.role === undefined && body.disabled === undefined)
        throw new HttpError(422, 'error.422.message');
      // The role first: a refused role change leaves the account as it was.
      let user = body.role === undefined ? undefined : await changeRole(ctx, id, body.role);
      if (body.disabled !== undefined) user = await setDisabled(ctx, id, body.disabled);
      return c.json(toUser(found(user)), 200);
    });
}
