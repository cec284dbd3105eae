// /api/v1/me: the signed-in account, read and updated with the account page's rules (the same
// action and fields).
import { createRoute, z } from '@hono/zod-openapi';
import type { User } from '../../db/schema.ts';
import { actingUser, actionContext } from '../../platform/actions.ts';
import { apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import { forSignedIn } from '../../platform/api-routes.ts';
import { parseInput } from '../../platform/http/forms.ts';
import { updateProfile } from './actions/account.ts';
import { accountUpdateSchema, inputOf, profileFieldsOf, profileSchema } from './schemas.ts';

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
  ...forSignedIn,
  responses: { 200: jsonResponse(AccountSchema, 'The account'), ...problemsOf(401) },
});

const patchMe = createRoute({
  method: 'patch',
  path: '/me',
  tags: ['Account'],
  summary: 'Change the name, language or time zone of the signed-in account',
  ...forSignedIn,
  request: { body: jsonBody(accountUpdateSchema.openapi('AccountUpdate')) },
  responses: { 200: jsonResponse(AccountSchema, 'The updated account'), ...problemsOf(401, 403, 422) },
});

export function accountApi() {
  return apiRouter()
    .openapi(getMe, (c) => c.json(toAccount(actingUser(actionContext(c))), 200))
    .openapi(patchMe, async (c) => {
      const ctx = actionContext(c);
      const user = actingUser(ctx);
      // What is not sent stays as it is.
      const input = parseInput(profileSchema, { ...inputOf(user), ...profileFieldsOf(c.req.valid('json')) });
      return c.json(toAccount(await updateProfile(ctx, input)), 200);
    });
}
