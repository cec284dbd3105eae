// /api/v1/users: the account list and role/disable changes, for admins, as on the admin pages.
import { createRoute, z } from '@hono/zod-openapi';
import { ROLES } from '../../db/schema.ts';
import { apiRouter, problems, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin } from '../../platform/audit.ts';
import { requireRole } from '../../platform/auth.ts';
import type { AppDeps } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { AccountSchema, toAccount } from '../accounts/index.ts';
import { changeRole, listUsers, setDisabled, USER_STATUSES } from './store.ts';

const UserSchema = AccountSchema.extend({ disabled: z.boolean() }).openapi('User');

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Administration'],
  summary: 'List accounts (admins only)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: {
    query: z.object({
      q: z.string().max(100).optional().openapi({ description: 'Part of a name or email' }),
      role: z.enum(ROLES).optional(),
      status: z.enum(USER_STATUSES).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(25),
    }),
  },
  responses: {
    200: {
      description: 'A page of accounts',
      content: {
        'application/json': {
          schema: z.object({ total: z.number().int(), page: z.number().int(), items: z.array(UserSchema) }),
        },
      },
    },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['Administration'],
  summary: 'Change the role of an account or disable it (admins only)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: {
    params: z.object({ id: z.coerce.number().int().min(1) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
            .openapi('UserUpdate'),
        },
      },
    },
  },
  responses: {
    200: { description: 'The updated account', content: { 'application/json': { schema: UserSchema } } },
    401: problems[401],
    403: problems[403],
    404: problems[404],
    409: problems[409],
    422: problems[422],
  },
});

export function adminApi(deps: AppDeps) {
  return apiRouter()
    .openapi(listRoute, async (c) => {
      requireRole(c, 'admin');
      const query = c.req.valid('query');
      const { users, total } = await listUsers(deps.db, { ...query, pageSize: query.pageSize });
      return c.json(
        {
          total,
          page: query.page,
          items: users.map((u) => ({ ...toAccount(u), disabled: u.disabled_at !== null })),
        },
        200,
      );
    })
    .openapi(updateRoute, async (c) => {
      requireRole(c, 'admin');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      let result = null;
      if (body.role !== undefined) result = await changeRole(deps.db, id, body.role, auditOrigin(c));
      if ((!result || result.ok) && body.disabled !== undefined) {
        result = await setDisabled(deps.db, id, body.disabled, auditOrigin(c));
      }
      if (!result) throw new HttpError(422, 'error.422.message');
      if (!result.ok) {
        if (result.reason === 'notFound') throw new HttpError(404, 'error.404.message');
        throw new HttpError(409, result.reason === 'self' ? 'admin.cannotDisableSelf' : 'admin.lastAdmin');
      }
      return c.json({ ...toAccount(result.user), disabled: result.user.disabled_at !== null }, 200);
    });
}
