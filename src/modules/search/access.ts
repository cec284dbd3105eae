// Who is searching: the search index shows each reader what they may see (public, members-only,
// their own private records, the content of the scopes they belong to — their groups; everything
// but other scopes' content to editors; everything to admins).
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { readableScopes } from '../../platform/scopes.ts';
import type { Viewer } from '../../search/index.ts';

export async function viewerOf(c: Context<AppEnv>): Promise<Viewer> {
  const user = c.var.auth?.user;
  if (!user) return null;
  return { id: user.id, role: user.role, scopes: await readableScopes(c.var.deps, user) };
}
