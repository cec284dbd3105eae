// The event of the URL for each kind of reader, and the refusals every page and API route of the
// events module shares: an event the reader may not see is 404, not signed in is 401 (the login
// page on a GET), signed in but not allowed is 403. The registration and participants pages load
// their event through here too.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { FieldErrors } from '../../platform/http/forms.ts';
import { canEdit, canView } from './permissions.ts';
import type { EventInput } from './schemas.ts';
import { daysOutside, getEvent, isOrganiser, resolveOrganisations } from './store.ts';

type C = Context<AppEnv>;
type Db = Kysely<Database>;

/** The event of the URL as `user` may see it, with whether they organise it; 404 otherwise. */
export async function loadVisibleEvent(db: Db, user: User | null, slug: string) {
  const event = await getEvent(db, slug);
  const organiser = event ? await isOrganiser(db, user, event.id) : false;
  if (!event || !canView(user, event, organiser)) throw new HttpError(404, 'error.404.message');
  return { event, organiser };
}

/** The event of the URL for someone who means to change it: 401, 404 or 403 otherwise. */
export async function loadEditableEvent(db: Db, c: C, slug: string) {
  const user = requireUser(c);
  const { event, organiser } = await loadVisibleEvent(db, user, slug);
  if (!canEdit(user, organiser)) throw new HttpError(403, 'error.403.message');
  return { user, event };
}

/** Organisations named in the input must exist, and the event's dates must keep its agenda. */
export async function checkReferences(db: Db, input: EventInput, eventId?: number) {
  const { ids, unknown } = await resolveOrganisations(db, [
    input.venue,
    ...input.organisations.map((o) => o.slug),
  ]);
  const errors: FieldErrors = {};
  if (input.venue && unknown.has(input.venue)) errors.venue = 'events.unknownOrganisation';
  if (input.organisations.some((o) => unknown.has(o.slug)))
    errors.organisations = 'events.unknownOrganisation';
  if (eventId !== undefined) {
    const stranded = await daysOutside(db, eventId, input.starts_on, input.ends_on);
    if (stranded.length) errors.starts_on = 'events.agendaOutside';
  }
  return { ids, errors };
}
