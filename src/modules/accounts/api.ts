// /api/v1/me: the signed-in account, read and updated with the same rules as the account page.
import { createRoute, z } from '@hono/zod-openapi';
import type { User } from '../../db/schema.ts';
import { apiRouter, problems, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps } from '../../platform/context.ts';
import { localeField, nameField, timeZoneField } from './schemas.ts';
import { findUserById, updateProfile } from './store.ts';

export const AccountSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'editor', 'moderator', 'member']),
    locale: z.string().nullable(),
    timeZone: z.string().nullable(),
    emailVerified: z.boolean(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Account');

export function toAccount(user: User): z.infer<typeof AccountSchema> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    timeZone: user.time_zone,
    emailVerified: user.email_verified_at !== null,
    createdAt: user.created_at,
  };
}

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Account'],
  summary: 'The signed-in account',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  responses: {
    200: { description: 'The account', content: { 'application/json': { schema: AccountSchema } } },
    401: problems[401],
  },
});

const AccountUpdateSchema = z
  .object({
    name: nameField.optional(),
    locale: localeField.nullable().optional(),
    timeZone: timeZoneField.nullable().optional(),
  })
  .openapi('AccountUpdate');

const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['Account'],
  summary: 'Change the name, language or time zone of the signed-in account',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { body: { required: true, content: { 'application/json': { schema: AccountUpdateSchema } } } },
  responses: {
    200: { description: 'The updated account', content: { 'application/json': { schema: AccountSchema } } },
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});

export function accountApi(deps: AppDeps) {
  return apiRouter()
    .openapi(getMe, (c) => c.json(toAccount(requireUser(c)), 200))
    .openapi(patchMe, async (c) => {
      const user = requireUser(c);
      const body = c.req.valid('json');
      await deps.db.transaction().execute(async (trx) => {
        await updateProfile(trx, user.id, {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.locale !== undefined ? { locale: body.locale } : {}),
          ...(body.timeZone !== undefined ? { time_zone: body.timeZone } : {}),
        });
        if (body.name !== undefined && body.name !== user.name) {
          await recordAudit(trx, {
            ...auditOrigin(c),
            action: 'user.renamed',
            subjectType: 'user',
            subjectId: user.id,
            details: { from: user.name, to: body.name },
          });
        }
      });
      const updated = await findUserById(deps.db, user.id);
      return c.json(toAccount(updated ?? user), 200);
    });
}
