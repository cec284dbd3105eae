// Queries of events: the filtered lists and the month, one event with its organisations, the writes
// (which also update the search index, in the caller's transaction), and who organises what.
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import { datesBetween } from '../../platform/time.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import type { EventFilter, EventInput } from './schemas.ts';
import type { EventsTable } from './tables.ts';
import { type EventStatus, type OrganisationRole, RESERVED_EVENT_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
export type EventRow = Selectable<EventsTable>;

export interface EventOrganisation {
  slug: string;
  name: string;
  role: OrganisationRole;
  /** Unpublished organisations stay linked but are shown to no one. */
  published: boolean;
}

export interface EventTranslation {
  lang: string;
  title: string;
  description: string;
}

export interface EventDetails extends EventRow {
  organisations: EventOrganisation[];
  domains: string[];
  translations: EventTranslation[];
  venue: { slug: string; name: string; address: string | null; published: boolean } | null;
}

export const PAGE_SIZE = 20;

/** The ids of the events `viewer` organises (member of an organiser organisation). */
export function organisedBy(db: Db, userId: number) {
  return db
    .selectFrom('event_organisations')
    .innerJoin(
      'organisation_members',
      'organisation_members.organisation_id',
      'event_organisations.organisation_id',
    )
    .select('event_organisations.event_id')
    .where('event_organisations.role', '=', 'organiser')
    .where('organisation_members.user_id', '=', userId);
}

export async function isOrganiser(db: Db, user: User | null, eventId: number): Promise<boolean> {
  if (!user) return false;
  const row = await organisedBy(db, user.id)
    .where('event_organisations.event_id', '=', eventId)
    .executeTakeFirst();
  return !!row;
}

/** Events `viewer` may see: published ones, and drafts for the editors and each draft's organisers. */
function visibleTo(db: Db, viewer: User | null) {
  let q = db.selectFrom('events');
  if (hasRole(viewer, 'editor')) return q;
  q = viewer
    ? q.where((eb) =>
        eb.or([eb('events.status', '!=', 'draft'), eb('events.id', 'in', organisedBy(db, viewer.id))]),
      )
    : q.where('events.status', '!=', 'draft');
  return q;
}

/** The events a filter selects, before paging (`today` is the date that splits upcoming from past). */
export function selection(db: Db, filter: Omit<EventFilter, 'page'>, viewer: User | null, today: string) {
  let q = visibleTo(db, viewer);
  q = filter.when === 'past' ? q.where('events.ends_on', '<', today) : q.where('events.ends_on', '>=', today);
  return narrowed(q, filter);
}

function narrowed<Q extends ReturnType<typeof visibleTo>>(q: Q, filter: Partial<EventFilter>): Q {
  let out = q;
  if (filter.country) out = out.where('events.country', '=', filter.country) as Q;
  if (filter.type) out = out.where('events.type', '=', filter.type) as Q;
  // "Online" finds what one can follow from afar: online and hybrid events.
  if (filter.format === 'online') out = out.where('events.format', 'in', ['online', 'hybrid']) as Q;
  else if (filter.format) out = out.where('events.format', '=', filter.format) as Q;
  if (filter.domain) {
    const domain = filter.domain;
    out = out.where('events.id', 'in', (eb) =>
      eb.selectFrom('event_domains').select('event_id').where('domain', '=', domain),
    ) as Q;
  }
  return out;
}

export interface EventCard extends EventRow {
  organisations: EventOrganisation[];
  /** The title in the reader's language, when there is a translation. */
  translatedTitle: string | null;
}

async function cardsOf(db: Db, rows: EventRow[], locale: string): Promise<EventCard[]> {
  const ids = rows.map((r) => r.id);
  const [orgs, titles] = await Promise.all([
    organisationsOf(db, ids),
    ids.length
      ? db
          .selectFrom('event_translations')
          .select(['event_id', 'title'])
          .where('event_id', 'in', ids)
          .where('lang', '=', locale)
          .execute()
      : Promise.resolve([]),
  ]);
  const titleOf = new Map(titles.map((t) => [t.event_id, t.title]));
  return rows.map((r) => ({
    ...r,
    organisations: orgs.get(r.id) ?? [],
    translatedTitle: r.lang === locale ? null : (titleOf.get(r.id) ?? null),
  }));
}

export async function listEvents(
  db: Db,
  filter: EventFilter,
  options: { viewer: User | null; locale: string; today: string; pageSize?: number },
): Promise<{ cards: EventCard[]; total: number }> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const base = selection(db, filter, options.viewer, options.today);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    (filter.when === 'past'
      ? base.selectAll('events').orderBy('events.starts_on', 'desc')
      : base.selectAll('events').orderBy('events.starts_on', 'asc')
    )
      .orderBy('events.id')
      .limit(pageSize)
      .offset((filter.page - 1) * pageSize)
      .execute(),
  ]);
  return { cards: await cardsOf(db, rows, options.locale), total: Number(count?.n ?? 0) };
}

/** Every event of a list's filters, past and upcoming, for the iCal feed (newest first, capped). */
export async function feedEvents(db: Db, filter: Partial<EventFilter>, viewer: User | null, limit = 200) {
  return narrowed(visibleTo(db, viewer), filter)
    .selectAll('events')
    .orderBy('events.starts_on', 'desc')
    .limit(limit)
    .execute();
}

/** The events that touch the month `YYYY-MM`, each with the days it covers in that month. */
export async function eventsInMonth(
  db: Db,
  month: string,
  filter: Partial<EventFilter>,
  options: { viewer: User | null; locale: string },
): Promise<{ cards: EventCard[]; byDate: Map<string, EventCard[]> }> {
  const first = `${month}-01`;
  const last = `${month}-31`;
  const rows = await narrowed(visibleTo(db, options.viewer), filter)
    .selectAll('events')
    .where('events.starts_on', '<=', last)
    .where('events.ends_on', '>=', first)
    .orderBy('events.starts_on')
    .orderBy('events.id')
    .limit(500)
    .execute();
  const cards = await cardsOf(db, rows, options.locale);
  const byDate = new Map<string, EventCard[]>();
  for (const card of cards) {
    for (const day of datesBetween(card.starts_on, card.ends_on)) {
      if (!day.startsWith(month)) continue;
      const list = byDate.get(day) ?? [];
      list.push(card);
      byDate.set(day, list);
    }
  }
  return { cards, byDate };
}

export async function organisationsOf(db: Db, ids: number[]): Promise<Map<number, EventOrganisation[]>> {
  const out = new Map<number, EventOrganisation[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('event_organisations')
    .innerJoin('organisations', 'organisations.id', 'event_organisations.organisation_id')
    .select([
      'event_organisations.event_id',
      'event_organisations.role',
      'organisations.slug',
      'organisations.name',
      'organisations.status',
    ])
    .where('event_organisations.event_id', 'in', ids)
    .orderBy('event_organisations.event_id')
    .orderBy('event_organisations.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.event_id) ?? [];
    list.push({ slug: r.slug, name: r.name, role: r.role, published: r.status === 'published' });
    out.set(r.event_id, list);
  }
  return out;
}

const byLang = (a: { lang: string }, b: { lang: string }) => (a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0);

async function details(db: Db, row: EventRow | undefined): Promise<EventDetails | undefined> {
  if (!row) return undefined;
  const [orgs, domains, translations, venue] = await Promise.all([
    organisationsOf(db, [row.id]),
    db.selectFrom('event_domains').select('domain').where('event_id', '=', row.id).execute(),
    db
      .selectFrom('event_translations')
      .select(['lang', 'title', 'description'])
      .where('event_id', '=', row.id)
      .execute(),
    row.venue_organisation_id === null
      ? Promise.resolve(undefined)
      : db
          .selectFrom('organisations')
          .select(['slug', 'name', 'address', 'status'])
          .where('id', '=', row.venue_organisation_id)
          .executeTakeFirst(),
  ]);
  return {
    ...row,
    organisations: orgs.get(row.id) ?? [],
    domains: domains.map((d) => d.domain).sort(),
    translations: translations.sort(byLang),
    venue: venue
      ? {
          slug: venue.slug,
          name: venue.name,
          address: venue.address,
          published: venue.status === 'published',
        }
      : null,
  };
}

export async function getEvent(db: Db, slug: string): Promise<EventDetails | undefined> {
  return details(db, await db.selectFrom('events').selectAll().where('slug', '=', slug).executeTakeFirst());
}

export async function getEventById(db: Db, id: number): Promise<EventDetails | undefined> {
  return details(db, await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst());
}

/** The translation a reader of `locale` sees, when the event is written in another language. */
export function translationFor(event: Pick<EventDetails, 'lang' | 'translations'>, locale: string) {
  return event.lang === locale ? undefined : event.translations.find((tr) => tr.lang === locale);
}

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

/** The organisations named by slug (venue and rows), and the slugs that name none. */
export async function resolveOrganisations(db: Db, slugs: (string | null | undefined)[]) {
  const wanted = [...new Set(slugs.filter((s): s is string => !!s))];
  const rows = wanted.length
    ? await db.selectFrom('organisations').select(['id', 'slug']).where('slug', 'in', wanted).execute()
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids, unknown: new Set(wanted.filter((s) => !ids.has(s))) };
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

/** Agenda days that would fall outside new dates: an edit may not strand them. */
export async function daysOutside(db: Db, eventId: number, startsOn: string, endsOn: string) {
  const rows = await db
    .selectFrom('event_days')
    .select('date')
    .where('event_id', '=', eventId)
    .where((eb) => eb.or([eb('date', '<', startsOn), eb('date', '>', endsOn)]))
    .where((eb) =>
      eb.or([
        eb.exists(
          eb.selectFrom('event_items').select('id').whereRef('event_items.day_id', '=', 'event_days.id'),
        ),
        eb.exists(
          eb
            .selectFrom('event_sections')
            .select('id')
            .whereRef('event_sections.day_id', '=', 'event_days.id'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.date);
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

export function isPublished(event: { status: EventStatus }): boolean {
  return event.status !== 'draft';
}

/** What the search index holds for an event: its texts, organisers, place and agenda titles. */
export async function searchRecordOf(db: Db, eventId: number): Promise<SearchableRecord | undefined> {
  const event = await getEventById(db, eventId);
  if (!event) return undefined;
  const agenda = await db
    .selectFrom('event_items')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .select('event_items.title')
    .where('event_days.event_id', '=', eventId)
    .orderBy('event_items.start_time')
    .limit(200)
    .execute();
  const speakers = await db
    .selectFrom('event_item_people')
    .innerJoin('event_items', 'event_items.id', 'event_item_people.item_id')
    .innerJoin('event_days', 'event_days.id', 'event_items.day_id')
    .select('event_item_people.name')
    .distinct()
    .where('event_days.event_id', '=', eventId)
    .limit(200)
    .execute();
  return {
    type: 'event',
    recordId: event.id,
    lang: event.lang,
    title: event.title,
    body: [
      ...event.translations.map((tr) => tr.title),
      [event.venue?.name ?? event.venue_name, event.city].filter(Boolean).join(', '),
      event.organisations
        .filter((o) => o.published)
        .map((o) => o.name)
        .join(', '),
      event.description,
      ...event.translations.map((tr) => tr.description),
      agenda.map((a) => a.title).join('\n'),
      speakers.map((s) => s.name).join(', '),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/events/${event.slug}`,
    country: event.country,
    visibility: isPublished(event) ? 'public' : 'private',
    ownerId: event.created_by,
    updatedAt: event.updated_at,
  };
}

export async function reindex(db: Db, eventId: number): Promise<void> {
  const record = await searchRecordOf(db, eventId);
  if (record) await indexRecord(db, record);
}

/** Every event as a search record, for `hub search reindex`. */
export async function* allSearchRecords(db: Db): AsyncIterable<SearchableRecord> {
  let after = 0;
  for (;;) {
    const ids = await db
      .selectFrom('events')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (ids.length === 0) return;
    for (const { id } of ids) {
      const record = await searchRecordOf(db, id);
      if (record) yield record;
    }
    after = ids.at(-1)!.id;
  }
}

/** Published events for /sitemap.xml. */
export async function* sitemapEntries(db: Db): AsyncIterable<{ path: string; lastmod: string }> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'slug', 'updated_at'])
      .where('status', '!=', 'draft')
      .where('id', '>', after)
      .orderBy('id')
      .limit(1000)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield { path: `/events/${r.slug}`, lastmod: r.updated_at };
    after = rows.at(-1)!.id;
  }
}
