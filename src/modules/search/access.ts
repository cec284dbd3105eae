// Who is searching: the search index shows each reader what they may see (public, members-only,
// their own private records; everything to editors and admins).
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import type { Viewer } from '../../search/index.ts';

export function viewerOf(c: Context<AppEnv>): Viewer {
  const user = c.var.auth?.user;
  return user ? { id: user.id, role: user.role } : null;
}
