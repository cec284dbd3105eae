// "Require two-factor sign-in for admins, editors and coordinators": an admin's switch on
// /moderation (the platform's on/off settings). While it is on, such a member signed in without
// two-factor sign-in is sent to its set-up page from every other page, until it is on.
import { createMiddleware } from 'hono/factory';
import type { User } from '../../../db/schema.ts';
import type { AppDeps, AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { isApiPath } from '../../../platform/http/request.ts';
import { hasTwoFactor } from './actions.ts';

export const REQUIRE_SETTING = 'accounts.require_two_factor';
export const SETUP_PATH = '/account/two-factor';

/** Pages a member who must set it up may still open: the set-up itself, and signing out. */
const OPEN_PATHS = [SETUP_PATH, '/logout'];

async function requirementIsOn(deps: AppDeps): Promise<boolean> {
  const row = await deps.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', REQUIRE_SETTING)
    .executeTakeFirst();
  return row?.value === '1';
}

/**
 * Whether `user` coordinates a group. Accounts cannot import the groups module (groups imports
 * accounts), so it asks the scope resolvers of platform/scopes.ts: the groups the member reads,
 * then their role in each.
 */
async function coordinatesAGroup(deps: AppDeps, user: User): Promise<boolean> {
  const resolvers = deps.modules.flatMap((m) => m.scopes ?? []).filter((r) => r.kind === 'group');
  for (const resolver of resolvers) {
    // readableBy answers scope keys (`group:12`), rolesOf takes the key within the kind (`12`).
    const keys = (await resolver.readableBy?.(deps.db, user.id)) ?? [];
    const inKind = keys.map((key) => key.slice(key.indexOf(':') + 1));
    const roles = await Promise.all(inKind.map((key) => resolver.rolesOf(deps.db, key, user.id)));
    if (roles.some((held) => held.includes('coordinator'))) return true;
  }
  return false;
}

/** Whether the switch is on and `user` is one it covers and has not set two-factor sign-in up. */
export async function mustSetUpTwoFactor(deps: AppDeps, user: User): Promise<boolean> {
  if (!(await requirementIsOn(deps))) return false;
  if (await hasTwoFactor(deps.db, user.id)) return false;
  if (user.role === 'admin' || user.role === 'editor') return true;
  return coordinatesAGroup(deps, user);
}

/**
 * The guard, on every request of a session. Personal API tokens are left alone: a token is made
 * by a member already signed in, and it is the token's owner who revokes it. Routes matched
 * before the accounts module's (the home page, assets, /language) are not guarded: they hold
 * nothing a member's role opens.
 */
export const twoFactorRequirement = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.var.auth;
  const open = OPEN_PATHS.some((p) => c.req.path === p || c.req.path.startsWith(`${p}/`));
  if (auth?.via !== 'session' || open || !(await mustSetUpTwoFactor(c.var.deps, auth.user))) return next();
  if (isApiPath(c.req.path)) throw new HttpError(403, 'twoFactor.requiredNotice');
  return c.redirect(SETUP_PATH, 303);
});
