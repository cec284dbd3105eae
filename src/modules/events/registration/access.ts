// The event of the URL for each kind of visitor of the registration pages and API: organisers,
// reviewers and applicants. Each refuses the way the platform does — not signed in 401 (the login
// page on a GET), an event they may not see 404, not allowed 403 — before anything is read.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { auditOrigin, recordAudit } from '../../../platform/audit.ts';
import { requireUser } from '../../../platform/auth.ts';
import type { AppEnv } from '../../../platform/context.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import type { EventDetails } from '../access.ts';
import { loadEditableEvent, loadVisibleEvent } from '../access.ts';
import type { ChangeContext } from './decisions.ts';
import { canReview } from './permissions.ts';
import { isReviewer } from './review-store.ts';
import { getSettings, type RegistrationSettings } from './settings-store.ts';

type C = Context<AppEnv>;
type Db = Kysely<Database>;

const notFound = () => new HttpError(404, 'error.404.message');

/** For the organisers' set-up pages: the settings may not exist yet. */
export async function loadForManaging(db: Db, c: C, slug: string) {
  const { user, event } = await loadEditableEvent(db, c, slug);
  return { user, event, settings: await getSettings(db, event.id) };
}

/** For the reviewers: an event that takes registrations, and someone who reviews it. */
export async function loadForReviewing(db: Db, c: C, slug: string) {
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  const settings = await getSettings(db, event.id);
  if (!settings) throw notFound();
  if (!canReview(user, organiser, await isReviewer(db, user, event.id)))
    throw new HttpError(403, 'registration.notReviewer');
  return { user, event, organiser, settings };
}

/** For applicants: a signed-in account and an event that takes registrations. */
export async function loadForApplicant(db: Db, c: C, slug: string) {
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  const settings = await getSettings(db, event.id);
  if (!settings) throw notFound();
  return { user, event, organiser, settings };
}

/** What changing an application's status needs to know (decisions.ts). */
export function changeContext(
  c: C,
  event: EventDetails,
  settings: RegistrationSettings,
  via?: 'api',
): ChangeContext {
  return {
    event: { ...event, venueName: event.venue?.name ?? null },
    settings,
    origin: { ...auditOrigin(c), ...(via ? { via } : {}) },
    config: c.var.deps.config,
  };
}

/** An audit entry about the event's registration set-up, from the request, in the caller's transaction. */
export function auditEvent(
  c: C,
  trx: Db,
  event: { id: number },
  action: string,
  details: Record<string, unknown>,
) {
  return recordAudit(trx, { ...auditOrigin(c), action, subjectType: 'event', subjectId: event.id, details });
}
