// The writes of an event, for the pages, the API and the seed alike: who may (permissions.ts), the
// references the input names (organisations of the directory; agenda days an edit would strand),
// the transaction (event, organisations, domains, translations, search entry and audit entry
// together) and the audit log; an edit of the date, time or place, a cancellation and a deletion
// tell the followers and participants (notifications.ts).
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../../db/child-rows.ts';
import type { Database } from '../../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import type { FieldErrors } from '../../../platform/http/forms.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../../platform/record-deletion.ts';
import { slugFrom, uniqueSlug } from '../../../platform/slugs.ts';
import { nowIso } from '../../../platform/time.ts';
import { translationRows } from '../../../platform/translations.ts';
import {
  daysOutside,
  type EventDetails,
  type EventRow,
  type EventTranslation,
  ensureEditable,
  resolveOrganisations,
} from '../access.ts';
import { announceDeletion, announceEdit } from '../notifications.ts';
import { canCreate, canDelete } from '../permissions.ts';
import type { EventInput } from '../schemas.ts';
import { reindex } from '../search.ts';
import { RESERVED_EVENT_SLUGS } from '../vocab.ts';

type Db = Kysely<Database>;
const auditEvent = auditOf('event');

/** A URL name from the title and the year (`policy-dialogue-on-creative-hubs-2016`), unique among events. */
export async function eventSlug(db: Db, title: string, startsOn: string): Promise<string> {
  const base = slugFrom(title, 'event').slice(0, 70).replace(/-+$/, '');
  const taken = async (slug: string) =>
    !!(await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst());
  return uniqueSlug(`${base}-${startsOn.slice(0, 4)}`, taken, RESERVED_EVENT_SLUGS);
}

/**
 * The ids of the organisations the input names; refused (422, next to the field) when one names no
 * organisation of the directory, or when new dates would leave agenda days outside the event.
 */
async function references(db: Db, input: EventInput, eventId?: number): Promise<Map<string, number>> {
  const { ids, unknown } = await resolveOrganisations(db, [
    input.venue,
    ...input.organisations.map((o) => o.slug),
  ]);
  const errors: FieldErrors = {};
  if (input.venue && unknown.has(input.venue)) errors.venue = 'events.unknownOrganisation';
  if (input.organisations.some((o) => unknown.has(o.slug)))
    errors.organisations = 'events.unknownOrganisation';
  if (eventId !== undefined && (await daysOutside(db, eventId, input.starts_on, input.ends_on)).length)
    errors.starts_on = 'events.agendaOutside';
  if (Object.keys(errors).length) throw HttpError.invalid(errors);
  return ids;
}

/** The event's own columns: the input but its lists, with the venue as an organisation's id. */
function rowValues(input: EventInput, ids: Map<string, number>) {
  const { venue, organisations: _o, domains: _d, translations: _t, ...row } = input;
  return { ...row, venue_organisation_id: venue ? (ids.get(venue) ?? null) : null };
}

/** One translation per language, never in the event's own language (the API is trusted less than the form). */
const translationsOf = (input: EventInput): EventTranslation[] =>
  translationRows(input, (tr) => ({ lang: tr.lang, title: tr.title, description: tr.description }));

async function writeRelations(db: Db, eventId: number, input: EventInput, ids: Map<string, number>) {
  const seen = new Set<string>();
  const links = input.organisations.flatMap((o, position) => {
    const id = ids.get(o.slug);
    const key = `${id}:${o.role}`;
    if (id === undefined || seen.has(key)) return [];
    seen.add(key);
    return [{ organisation_id: id, role: o.role, position }];
  });
  await replaceChildRows(db, 'event_organisations', 'event_id', eventId, links);
  const domains = [...new Set(input.domains)].map((domain) => ({ domain }));
  await replaceChildRows(db, 'event_domains', 'event_id', eventId, domains);
  await replaceChildRows(db, 'event_translations', 'event_id', eventId, translationsOf(input));
}

/** After the event's row: its organisations, domains and translations, search entry and audit entry. */
async function saved(
  trx: Db,
  ctx: ActionContext,
  eventId: number,
  input: EventInput,
  ids: Map<string, number>,
  entry: { what: 'created' | 'updated'; details: Record<string, unknown> },
) {
  await writeRelations(trx, eventId, input, ids);
  await reindex(trx, eventId);
  await auditEvent(trx, ctx, eventId, entry.what, entry.details);
}

/** Creates an event (the editors; the seed names its slug). */
export async function createEvent(
  ctx: ActionContext,
  input: EventInput,
  options: { slug?: string } = {},
): Promise<EventRow> {
  const user = ensure(ctx, canCreate);
  return transact(ctx, async (trx) => {
    const ids = await references(trx, input);
    const now = nowIso();
    const event = await trx
      .insertInto('events')
      .values({
        ...rowValues(input, ids),
        slug: options.slug ?? (await eventSlug(trx, input.title, input.starts_on)),
        created_by: user?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await saved(trx, ctx, event.id, input, ids, {
      what: 'created',
      details: { title: event.title, status: event.status },
    });
    return event;
  });
}

/** Saves an edit; the names of the fields that changed (none: nothing is written). */
export async function updateEvent(
  ctx: ActionContext,
  event: EventDetails,
  input: EventInput,
): Promise<string[]> {
  await ensureEditable(ctx, event);
  return transact(ctx, async (trx) => {
    const ids = await references(trx, input, event.id);
    const values = rowValues(input, ids);
    const changed = Object.entries(values)
      .filter(([key, to]) => event[key as keyof EventRow] !== to)
      .map(([key]) => key);
    const orgKey = (list: { slug: string; role: string }[]) =>
      list.map((o) => `${o.slug}:${o.role}`).join('|');
    if (orgKey(event.organisations) !== orgKey(input.organisations.filter((o) => ids.has(o.slug))))
      changed.push('organisations');
    if (event.domains.join() !== [...new Set(input.domains)].sort().join()) changed.push('domains');
    const trKey = (list: EventTranslation[]) =>
      JSON.stringify(list.map((t) => [t.lang, t.title, t.description]));
    if (trKey(event.translations) !== trKey(translationsOf(input))) changed.push('translations');
    if (changed.length === 0) return changed;
    await trx
      .updateTable('events')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', event.id)
      .execute();
    await saved(trx, ctx, event.id, input, ids, { what: 'updated', details: { fields: changed } });
    await announceEdit(trx, ctx, event, { ...event, ...values }, changed);
    return changed;
  });
}

/** Deletes an event with its agenda, registration and roster (the editors' decision). */
export async function deleteEvent(ctx: ActionContext, event: EventDetails): Promise<void> {
  ensure(ctx, canDelete);
  await transact(ctx, async (trx) => {
    await auditEvent(trx, ctx, event.id, 'deleted', { title: event.title, slug: event.slug });
    await announceDeletion(trx, ctx, event);
    await deleteIndexedRecord(trx, 'events', 'event', event.id);
  });
}

/** After an agenda edit: the event has changed (its search entry too), and the log says what. */
export async function agendaChanged(trx: Db, ctx: ActionContext, eventId: number, what: string) {
  await trx.updateTable('events').set({ updated_at: nowIso() }).where('id', '=', eventId).execute();
  await reindex(trx, eventId);
  await auditEvent(trx, ctx, eventId, 'agenda_changed', { what });
}
