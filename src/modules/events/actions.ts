// The writes of events (which also update the search index, in the caller's transaction).
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { removeRecord } from '../../search/index.ts';
import { byLang, type EventDetails, type EventRow, type EventTranslation } from './access.ts';
import type { EventInput } from './schemas.ts';
import { reindex } from './search.ts';
import { RESERVED_EVENT_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;

/** A URL name from the title (and year), unique among events. */
export async function uniqueSlug(db: Db, title: string, startsOn: string): Promise<string> {
  const base =
    `${title}`
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 70)
      .replace(/-+$/, '') || 'event';
  const withYear = `${base}-${startsOn.slice(0, 4)}`;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? withYear : `${withYear}-${n}`;
    if (RESERVED_EVENT_SLUGS.has(slug)) continue;
    const taken = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
  }
}

function rowValues(input: EventInput, ids: Map<string, number>) {
  return {
    title: input.title,
    lang: input.lang,
    type: input.type,
    format: input.format,
    status: input.status,
    description: input.description,
    starts_on: input.starts_on,
    ends_on: input.ends_on,
    start_time: input.start_time ?? null,
    end_time: input.end_time ?? null,
    time_zone: input.time_zone,
    venue_organisation_id: input.venue ? (ids.get(input.venue) ?? null) : null,
    venue_name: input.venue_name ?? null,
    address: input.address ?? null,
    city: input.city ?? null,
    country: input.country ?? null,
    online_url: input.online_url ?? null,
  };
}

async function writeRelations(db: Db, eventId: number, input: EventInput, ids: Map<string, number>) {
  await db.deleteFrom('event_organisations').where('event_id', '=', eventId).execute();
  const seen = new Set<string>();
  const links = input.organisations.flatMap((o, position) => {
    const id = ids.get(o.slug);
    const key = `${id}:${o.role}`;
    if (id === undefined || seen.has(key)) return [];
    seen.add(key);
    return [{ event_id: eventId, organisation_id: id, role: o.role, position }];
  });
  if (links.length) await db.insertInto('event_organisations').values(links).execute();
  await db.deleteFrom('event_domains').where('event_id', '=', eventId).execute();
  const domains = [...new Set(input.domains)];
  if (domains.length)
    await db
      .insertInto('event_domains')
      .values(domains.map((domain) => ({ event_id: eventId, domain })))
      .execute();
  await db.deleteFrom('event_translations').where('event_id', '=', eventId).execute();
  const translations = translationRows(input);
  if (translations.length)
    await db
      .insertInto('event_translations')
      .values(translations.map((tr) => ({ event_id: eventId, ...tr })))
      .execute();
}

function translationRows(input: EventInput): EventTranslation[] {
  const unique = new Map<string, EventTranslation>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang || unique.has(tr.lang)) continue;
    unique.set(tr.lang, { lang: tr.lang, title: tr.title, description: tr.description });
  }
  return [...unique.values()].sort(byLang);
}

export async function createEvent(
  db: Db,
  input: EventInput,
  options: { actor: User | null; organisationIds: Map<string, number>; slug?: string },
): Promise<EventRow> {
  const now = new Date().toISOString();
  const event = await db
    .insertInto('events')
    .values({
      ...rowValues(input, options.organisationIds),
      slug: options.slug ?? (await uniqueSlug(db, input.title, input.starts_on)),
      created_by: options.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeRelations(db, event.id, input, options.organisationIds);
  await reindex(db, event.id);
  return event;
}

/** Saves an edit; returns the names of the fields that changed (empty: nothing written). */
export async function updateEvent(
  db: Db,
  event: EventDetails,
  input: EventInput,
  organisationIds: Map<string, number>,
): Promise<string[]> {
  const values = rowValues(input, organisationIds);
  const changed = Object.entries(values)
    .filter(([key, to]) => event[key as keyof EventRow] !== to)
    .map(([key]) => key);
  const orgKey = (list: { slug: string; role: string }[]) => list.map((o) => `${o.slug}:${o.role}`).join('|');
  if (orgKey(event.organisations) !== orgKey(input.organisations.filter((o) => organisationIds.has(o.slug))))
    changed.push('organisations');
  if (event.domains.join() !== [...new Set(input.domains)].sort().join()) changed.push('domains');
  const trKey = (list: EventTranslation[]) =>
    JSON.stringify(list.map((t) => [t.lang, t.title, t.description]));
  if (trKey(event.translations) !== trKey(translationRows(input))) changed.push('translations');
  if (changed.length === 0) return changed;
  await db
    .updateTable('events')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', event.id)
    .execute();
  await writeRelations(db, event.id, input, organisationIds);
  await reindex(db, event.id);
  return changed;
}

export async function deleteEvent(db: Db, eventId: number): Promise<void> {
  await removeRecord(db, 'event', eventId);
  await db.deleteFrom('events').where('id', '=', eventId).execute();
}

/** Marks an event as changed (an agenda edit) and refreshes its search entry. */
export async function touchEvent(db: Db, eventId: number): Promise<void> {
  await db
    .updateTable('events')
    .set({ updated_at: new Date().toISOString() })
    .where('id', '=', eventId)
    .execute();
  await reindex(db, eventId);
}
