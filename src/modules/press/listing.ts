// The lists of clippings: the filtered, sorted, paged list (page, feed, API, export), the values the
// filters offer, the clippings about one event (its page) and the recent events the form suggests.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readerLanguages, translatedTexts } from '../../platform/translations.ts';
import { listMatches } from '../../search/index.ts';
import type { Clipping } from './access.ts';
import type { PressFilter } from './schemas.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 30;

/** The clippings a filter selects. */
function selection(db: Db, filter: PressFilter, matches?: number[]) {
  let q = db.selectFrom('press_clippings');
  if (matches) q = q.where('id', 'in', matches);
  if (filter.outlet) q = q.where('outlet', '=', filter.outlet);
  if (filter.language) q = q.where('lang', '=', filter.language);
  // ISO dates compare as text: a year is the range of its days.
  if (filter.year)
    q = q
      .where('published_on', '>=', `${filter.year}-01-01`)
      .where('published_on', '<=', `${filter.year}-12-31`);
  if (filter.from) q = q.where('published_on', '>=', filter.from);
  if (filter.to) q = q.where('published_on', '<=', filter.to);
  if (filter.organisation) {
    // The press "mentions" an organisation through the events it organises or hosts.
    const slug = filter.organisation;
    q = q.where('event_id', 'in', (eb) =>
      eb
        .selectFrom('event_organisations')
        .innerJoin('organisations', 'organisations.id', 'event_organisations.organisation_id')
        .select('event_organisations.event_id')
        .where('organisations.slug', '=', slug),
    );
  }
  if (filter.country) {
    // The press is about a country through the events of the hub held there (published ones: a
    // draft's country is not public).
    const code = filter.country;
    q = q.where('event_id', 'in', (eb) =>
      eb
        .selectFrom('events')
        .select('events.id')
        .where('events.country', '=', code)
        .where('events.status', '!=', 'draft'),
    );
  }
  return q;
}

export interface ClippingCard extends Clipping {
  /** The title in the reader's language, when there is a translation. */
  translatedTitle: string | null;
  /** The slug of the published event the article is about. */
  event_slug: string | null;
}

/** A page of the list, in the filter's order, with the reader's translated titles. */
export async function listClippings(
  db: Db,
  filter: PressFilter,
  options: { locale: string; pageSize?: number; offset?: number },
): Promise<{ cards: ClippingCard[]; total: number }> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const matches = await listMatches(db, filter.q, 'press', null);
  let q = selection(db, filter, matches)
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('events')
        .select('events.slug')
        .whereRef('events.id', '=', 'press_clippings.event_id')
        .where('events.status', '!=', 'draft')
        .as('event_slug'),
    );
  const sort = filter.sort ?? 'newest';
  if (sort === 'outlet') q = q.orderBy('outlet').orderBy('published_on', 'desc');
  else q = q.orderBy('published_on', sort === 'oldest' ? 'asc' : 'desc');
  q = q.orderBy('id', sort === 'oldest' ? 'asc' : 'desc');
  const [rows, count] = await Promise.all([
    q
      .limit(pageSize)
      .offset(options.offset ?? (filter.page - 1) * pageSize)
      .execute(),
    selection(db, filter, matches)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const titles = await translatedTitles(
    db,
    rows.filter((r) => r.lang !== options.locale).map((r) => r.id),
    options.locale,
  );
  return {
    cards: rows.map((r) => ({ ...r, translatedTitle: titles.get(r.id) ?? null })),
    total: Number(count.n),
  };
}

async function translatedTitles(db: Db, ids: number[], locale: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('press_clipping_translations')
    .select(['clipping_id as key', 'lang', 'title as text'])
    .where('clipping_id', 'in', ids)
    .where('lang', 'in', readerLanguages(locale))
    .execute();
  return translatedTexts(rows, locale);
}

/** The outlets and languages there are clippings of, with counts, and the years, for the filters. */
export async function facets(db: Db) {
  const [outlets, languages, years] = await Promise.all([
    db
      .selectFrom('press_clippings')
      .select(['outlet', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('outlet')
      .execute(),
    db
      .selectFrom('press_clippings')
      .select(['lang', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('lang')
      .execute(),
    db
      .selectFrom('press_clippings')
      .select((eb) => [
        eb.fn.min<string>('published_on').as('first'),
        eb.fn.max<string>('published_on').as('last'),
      ])
      .executeTakeFirst(),
  ]);
  const first = years?.first ? Number(years.first.slice(0, 4)) : null;
  const last = years?.last ? Number(years.last.slice(0, 4)) : null;
  return {
    outlets: outlets.map((o) => ({ value: o.outlet, count: Number(o.n) })),
    languages: languages.map((l) => ({ value: l.lang, count: Number(l.n) })),
    years: first && last ? Array.from({ length: last - first + 1 }, (_, i) => last - i) : [],
  };
}

/** Recent events for the form's suggestions (the field takes any event's slug or address). */
export function recentEvents(db: Db, limit = 50) {
  return db
    .selectFrom('events')
    .select(['slug', 'title'])
    .where('status', '!=', 'draft')
    .orderBy('starts_on', 'desc')
    .limit(limit)
    .execute();
}

export interface EventClipping {
  id: number;
  title: string;
  lang: string;
  outlet: string;
  published_on: string;
  /** The title in the reader's language, when there is a translation. */
  translatedTitle: string | null;
}

/** The clippings about an event, newest first, for the event's page. */
export async function clippingsOfEvent(db: Db, eventId: number, locale: string): Promise<EventClipping[]> {
  const rows = await db
    .selectFrom('press_clippings')
    .select(['id', 'title', 'lang', 'outlet', 'published_on'])
    .where('event_id', '=', eventId)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const titles = await translatedTitles(
    db,
    rows.filter((r) => r.lang !== locale).map((r) => r.id),
    locale,
  );
  return rows.map((r) => ({ ...r, translatedTitle: titles.get(r.id) ?? null }));
}
