// Queries of the press module: the filtered list, one clipping with its translations, and the
// writes (which also update the search index, in the caller's transaction).
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppDeps, SitemapEntry } from '../../platform/context.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import type { ClippingInput, PressFilter } from './schemas.ts';
import type { PressClippingsTable } from './tables.ts';

type Db = Kysely<Database>;
export type Clipping = Selectable<PressClippingsTable>;

export interface ClippingTranslation {
  lang: string;
  title: string;
  summary: string;
}

/** The event of the hub a clipping is about. */
export interface ClippingEvent {
  slug: string;
  title: string;
  lang: string;
  /** A draft is linked but shown to no one: its page is not public. */
  published: boolean;
}

export interface ClippingDetails extends Clipping {
  translations: ClippingTranslation[];
  event: ClippingEvent | null;
}

export const PAGE_SIZE = 30;

/** The translation for a reader of `locale`, when the article is in another language. */
export function translationFor(
  clipping: Pick<ClippingDetails, 'lang' | 'translations'>,
  locale: string,
): ClippingTranslation | undefined {
  if (clipping.lang === locale) return undefined;
  // zh-Hans readers also read a translation tagged plain zh.
  const base = locale.split('-')[0];
  return (
    clipping.translations.find((tr) => tr.lang === locale) ??
    clipping.translations.find((tr) => tr.lang === base)
  );
}

/** The clippings a filter selects. */
export function selection(db: Db, filter: PressFilter) {
  let q = db.selectFrom('press_clippings');
  if (filter.outlet) q = q.where('outlet', '=', filter.outlet);
  if (filter.language) q = q.where('lang', '=', filter.language);
  // ISO dates compare as text: a year is the range of its days.
  if (filter.year)
    q = q
      .where('published_on', '>=', `${filter.year}-01-01`)
      .where('published_on', '<=', `${filter.year}-12-31`);
  if (filter.from) q = q.where('published_on', '>=', filter.from);
  if (filter.to) q = q.where('published_on', '<=', filter.to);
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
  let q = selection(db, filter)
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
    selection(db, filter)
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
  const langs = [...new Set([locale, locale.split('-')[0] ?? locale])];
  const rows = await db
    .selectFrom('press_clipping_translations')
    .select(['clipping_id', 'lang', 'title'])
    .where('clipping_id', 'in', ids)
    .where('lang', 'in', langs)
    .execute();
  const out = new Map<number, string>();
  // The exact locale wins over its base language.
  for (const r of rows)
    if (r.title && (r.lang === locale || !out.has(r.clipping_id))) out.set(r.clipping_id, r.title);
  return out;
}

/** The outlets and languages there are clippings of, with counts, for the filters. */
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

export async function getClipping(db: Db, id: number): Promise<ClippingDetails | undefined> {
  const clipping = await db.selectFrom('press_clippings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!clipping) return undefined;
  const [translations, event] = await Promise.all([
    db
      .selectFrom('press_clipping_translations')
      .select(['lang', 'title', 'summary'])
      .where('clipping_id', '=', id)
      .execute(),
    clipping.event_id === null
      ? undefined
      : db
          .selectFrom('events')
          .select(['slug', 'title', 'lang', 'status'])
          .where('id', '=', clipping.event_id)
          .executeTakeFirst(),
  ]);
  return {
    ...clipping,
    translations: translations.sort(byLang),
    event: event
      ? { slug: event.slug, title: event.title, lang: event.lang, published: event.status !== 'draft' }
      : null,
  };
}

/** The id of the event a clipping form names by slug; undefined when there is no such event. */
export async function eventIdOf(db: Db, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
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

/** Code point order, the same in JS whatever the database's collation. */
const byLang = (a: ClippingTranslation, b: ClippingTranslation) =>
  a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;

async function rowValues(db: Db, input: ClippingInput) {
  return {
    event_id: input.event ? ((await eventIdOf(db, input.event)) ?? null) : null,
    outlet: input.outlet,
    outlet_url: input.outlet_url ?? null,
    published_on: input.published_on,
    title: input.title,
    lang: input.lang,
    url: input.url,
    summary: input.summary,
    covers: input.covers ?? null,
    covers_url: input.covers_url ?? null,
  };
}

/** One translation per language, never in the article's own language (the API is trusted less than the form). */
function translationRows(input: ClippingInput): ClippingTranslation[] {
  const unique = new Map<string, ClippingTranslation>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang || unique.has(tr.lang)) continue;
    unique.set(tr.lang, { lang: tr.lang, title: tr.title ?? '', summary: tr.summary });
  }
  return [...unique.values()].sort(byLang);
}

async function writeTranslations(db: Db, clippingId: number, input: ClippingInput): Promise<void> {
  await db.deleteFrom('press_clipping_translations').where('clipping_id', '=', clippingId).execute();
  const rows = translationRows(input);
  if (rows.length)
    await db
      .insertInto('press_clipping_translations')
      .values(rows.map((tr) => ({ clipping_id: clippingId, ...tr })))
      .execute();
}

/** What the search index holds for a clipping: titles (original and translated), summary, outlet. */
export async function searchRecordOf(db: Db, id: number): Promise<SearchableRecord | undefined> {
  const clipping = await getClipping(db, id);
  if (!clipping) return undefined;
  return {
    type: 'press',
    recordId: clipping.id,
    lang: clipping.lang,
    title: [clipping.title, ...clipping.translations.map((tr) => tr.title)].filter(Boolean).join(' · '),
    body: [
      clipping.outlet,
      clipping.summary,
      ...clipping.translations.map((tr) => tr.summary),
      clipping.covers,
      clipping.event?.published ? clipping.event.title : null,
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/press/${clipping.id}`,
    visibility: 'public',
    ownerId: clipping.created_by,
    updatedAt: clipping.updated_at,
  };
}

async function reindex(db: Db, id: number): Promise<void> {
  const record = await searchRecordOf(db, id);
  if (record) await indexRecord(db, record);
}

export async function createClipping(db: Db, input: ClippingInput, actor: User | null): Promise<Clipping> {
  const now = new Date().toISOString();
  const clipping = await db
    .insertInto('press_clippings')
    .values({
      ...(await rowValues(db, input)),
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeTranslations(db, clipping.id, input);
  await reindex(db, clipping.id);
  return clipping;
}

/** Saves the changes and returns the names of the fields that changed. */
export async function updateClipping(
  db: Db,
  clipping: ClippingDetails,
  input: ClippingInput,
  options: { touched?: boolean } = {},
): Promise<string[]> {
  const values = await rowValues(db, input);
  const changed = Object.entries(values)
    .filter(([key, to]) => clipping[key as keyof Clipping] !== to)
    .map(([key]) => key);
  const asKey = (list: ClippingTranslation[]) =>
    JSON.stringify(list.map((tr) => [tr.lang, tr.title, tr.summary]));
  if (asKey(clipping.translations) !== asKey(translationRows(input))) changed.push('translations');
  // A new screenshot is a change too (its caller says so): the feed and sitemap dates move.
  if (changed.length === 0 && !options.touched) return changed;
  await db
    .updateTable('press_clippings')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', clipping.id)
    .execute();
  await writeTranslations(db, clipping.id, input);
  await reindex(db, clipping.id);
  return changed;
}

/** Points the clippings about `covers` that name no event yet to an event (the demo seed's links). */
export async function linkCoveredClippings(db: Db, covers: string, eventId: number): Promise<number> {
  const rows = await db
    .selectFrom('press_clippings')
    .select('id')
    .where('covers', '=', covers)
    .where('event_id', 'is', null)
    .execute();
  for (const { id } of rows) {
    await db.updateTable('press_clippings').set({ event_id: eventId }).where('id', '=', id).execute();
    await reindex(db, id);
  }
  return rows.length;
}

export async function deleteClipping(db: Db, id: number): Promise<void> {
  await removeRecord(db, 'press', id);
  await db.deleteFrom('press_clippings').where('id', '=', id).execute();
}

const BATCH = 1000;

/** Every clipping's id in batches of 1 000 by id: the index rebuild and the sitemap stream. */
async function* idBatches(db: Db) {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('press_clippings')
      .select(['id', 'updated_at'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every clipping as a search record, for `hub search reindex`. */
export async function* allSearchRecords(db: Db): AsyncIterable<SearchableRecord> {
  for await (const rows of idBatches(db)) {
    for (const { id } of rows) {
      const record = await searchRecordOf(db, id);
      if (record) yield record;
    }
  }
}

/** The clipping pages for /sitemap.xml: every clipping is public. */
export async function* pressSitemap({ db }: AppDeps): AsyncIterable<SitemapEntry> {
  yield { path: '/press' };
  for await (const rows of idBatches(db)) {
    for (const r of rows) yield { path: `/press/${r.id}`, lastmod: r.updated_at };
  }
}
