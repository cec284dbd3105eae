// The lists of events: upcoming and past with their filters and pages, the month calendar and the
// iCal feed of a filtered list. A reader sees published events, and drafts they may edit.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import { datesBetween } from '../../platform/time.ts';
import { listMatches } from '../../search/index.ts';
import { type EventOrganisation, type EventRow, organisationsOf, organisedBy } from './access.ts';
import type { EventFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 20;

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
export function selection(
  db: Db,
  filter: Omit<EventFilter, 'page'>,
  viewer: User | null,
  today: string,
  matches?: number[],
) {
  let q = visibleTo(db, viewer);
  if (matches) q = q.where('events.id', 'in', matches);
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
  if (filter.organisation) {
    const slug = filter.organisation;
    out = out.where('events.id', 'in', (eb) =>
      eb
        .selectFrom('event_organisations')
        .innerJoin('organisations', 'organisations.id', 'event_organisations.organisation_id')
        .select('event_organisations.event_id')
        .where('organisations.slug', '=', slug),
    ) as Q;
  }
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
  const matches = await listMatches(db, filter.q, 'event', options.viewer);
  const base = selection(db, filter, options.viewer, options.today, matches);
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

/** The countries of published events, for the country filter. */
export async function eventCountries(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('events')
    .select('country')
    .distinct()
    .where('status', '!=', 'draft')
    .where('country', 'is not', null)
    .execute();
  return rows.flatMap((r) => (r.country ? [r.country] : []));
}
