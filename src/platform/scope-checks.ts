// The scoped counterpart of ensure() (actions.ts): an action's first line when who may act depends
// on where (a group, a country, an organisation) rather than on the site role alone.
import type { User } from '../db/schema.ts';
import { type ActionContext, ensure } from './actions.ts';
import { HttpError } from './http/errors.ts';
import type { MessageKey } from './i18n.ts';
import { may, type Scope, type ScopedAction } from './scopes.ts';

/**
 * The acting user once they may do `action` at one of `where` (401 for a visitor, 403 otherwise);
 * the platform acting on its own (cli, seed, job) passes, as with ensure().
 */
export async function ensureMay(
  ctx: ActionContext,
  action: ScopedAction,
  where: Scope | readonly Scope[],
  refusal: MessageKey = 'error.403.message',
): Promise<User | null> {
  const user = ensure(ctx, () => true);
  if (!user) return user;
  // Inside the caller's transaction when there is one (SQLite has one connection: no second).
  const deps = { db: ctx.trx ?? ctx.deps.db, modules: ctx.deps.modules };
  for (const scope of Array.isArray(where) ? where : [where as Scope])
    if (await may(deps, user, action, scope)) return user;
  throw new HttpError(403, refusal);
}
