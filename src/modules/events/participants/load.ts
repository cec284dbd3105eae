// The event of the URL for the participants' pages, and the refusals every page shares: not signed
// in → the login page (401 in the API), signed in but not allowed → 403, an event the reader may
// not see → 404 (loadVisibleEvent).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { loadVisibleEvent } from '../access.ts';
import { canManageRoster } from './permissions.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;

/** The event as the reader may see it, with whether they organise it and may manage its roster. */
export async function loadEvent(db: Db, c: C, slug: string) {
  const user = c.var.auth?.user ?? null;
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  return { user, event, organiser, manage: canManageRoster(user, organiser) };
}

/** The event for its organisers only. */
export async function loadManagedEvent(db: Db, c: C, slug: string) {
  const user = requireUser(c);
  const loaded = await loadEvent(db, c, slug);
  if (!loaded.manage) throw new HttpError(403, 'error.403.message');
  return { ...loaded, user };
}

/** A refusal for someone the rule did not let in: sign in first if they are not. */
export function refuse(c: C): never {
  requireUser(c);
  throw new HttpError(403, 'error.403.message');
}

/** A numeric id from the URL, or 404. */
export function idParam(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, 'error.404.message');
  return id;
}
