// The lists of measures: the filtered, sorted, paged list (page, feed, export, API), the counts per
// code of a set of countries (the comparison and a country's page), the measures per country
// (/countries), and the measures presented at an event.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readerLanguages, translatedTexts } from '../../platform/translations.ts';
import { listMatches } from '../../search/index.ts';
import type { Measure } from './access.ts';
import type { MeasureFilter } from './schemas.ts';
import type { TagKind } from './vocab.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 30;

/** The measures a filter selects. */
function selection(db: Db, filter: MeasureFilter, matches?: number[]) {
  let q = db.selectFrom('policy_measures');
  if (matches) q = q.where('id', 'in', matches);
  if (filter.country) q = q.where('country', '=', filter.country);
  if (filter.year) q = q.where('report_year', '=', filter.year);
  if (filter.source) q = q.where('source', '=', filter.source);
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.youth) q = q.where('youth', '=', 1);
  if (filter.event) {
    const slug = filter.event;
    q = q.where('event_id', 'in', (eb) => eb.selectFrom('events').select('id').where('slug', '=', slug));
  }
  const tags: [TagKind, string | undefined][] = [
    ['goal', filter.goal],
    ['area', filter.area],
    ['domain', filter.domain],
    ['stage', filter.stage],
    ['target', filter.target],
  ];
  // Within one country (a few thousand measures at 100x) EXISTS probes the tags' primary key for
  // each candidate, which beats building the set of every measure with the code (half of them, for
  // a common stage); across all countries the set is cheaper than 50 000 probes per code. Measured
  // in bench/ (docs/policies.md).
  const probe = !!filter.country;
  for (const [kind, code] of tags)
    if (code && !probe)
      q = q.where('id', 'in', (eb) =>
        eb
          .selectFrom('policy_measure_tags')
          .select('measure_id')
          .where('kind', '=', kind)
          .where('code', '=', code),
      );
    else if (code)
      q = q.where(({ exists, selectFrom }) =>
        exists(
          selectFrom('policy_measure_tags as t')
            .select('t.measure_id')
            .whereRef('t.measure_id', '=', 'policy_measures.id')
            .where('t.kind', '=', kind)
            .where('t.code', '=', code),
        ),
      );
  return q;
}

export interface MeasureCard extends Measure {
  translatedTitle: string | null;
  /** Its goals and value-chain stages (the card shows them). */
  goals: string[];
  stages: string[];
}

export async function listMeasures(
  db: Db,
  filter: MeasureFilter,
  options: { locale: string; pageSize?: number; offset?: number },
): Promise<{ cards: MeasureCard[]; total: number }> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const matches = await listMatches(db, filter.q, 'measure', null);
  let q = selection(db, filter, matches).selectAll();
  const sort = filter.sort ?? 'newest';
  if (sort === 'title') q = q.orderBy('title').orderBy('id');
  else if (sort === 'country') q = q.orderBy('country').orderBy('report_year', 'desc').orderBy('id', 'desc');
  else if (sort === 'updated') q = q.orderBy('updated_at', 'desc').orderBy('id', 'desc');
  else {
    const dir = sort === 'oldest' ? 'asc' : 'desc';
    q = q.orderBy('report_year', dir).orderBy('id', dir);
  }
  const [rows, count] = await Promise.all([
    q
      .limit(pageSize)
      .offset(options.offset ?? (filter.page - 1) * pageSize)
      .execute(),
    selection(db, filter, matches)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [titles, tags] = await Promise.all([
    translatedTitles(
      db,
      rows.filter((r) => r.lang !== options.locale).map((r) => r.id),
      options.locale,
    ),
    ids.length
      ? db
          .selectFrom('policy_measure_tags')
          .select(['measure_id', 'kind', 'code'])
          .where('measure_id', 'in', ids)
          .where('kind', 'in', ['goal', 'stage'])
          .execute()
      : [],
  ]);
  const of = (id: number, kind: string) =>
    tags.filter((t) => t.measure_id === id && t.kind === kind).map((t) => t.code);
  return {
    cards: rows.map((r) => ({
      ...r,
      translatedTitle: titles.get(r.id) ?? null,
      goals: of(r.id, 'goal'),
      stages: of(r.id, 'stage'),
    })),
    total: Number(count.n),
  };
}

async function translatedTitles(db: Db, ids: number[], locale: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('policy_measure_translations')
    .select(['measure_id as key', 'lang', 'title as text'])
    .where('measure_id', 'in', ids)
    .where('lang', 'in', readerLanguages(locale))
    .execute();
  return translatedTexts(rows, locale);
}

/** The countries and years there are measures of, with counts, for the filters. */
export async function facets(db: Db) {
  const [countries, years] = await Promise.all([
    measuresPerCountry(db),
    db
      .selectFrom('policy_measures')
      .select((eb) => [
        eb.fn.min<number>('report_year').as('first'),
        eb.fn.max<number>('report_year').as('last'),
      ])
      .executeTakeFirst(),
  ]);
  const first = years?.first ? Number(years.first) : null;
  const last = years?.last ? Number(years.last) : null;
  return {
    countries: [...countries].map(([value, count]) => ({ value, count })),
    years: first && last ? Array.from({ length: last - first + 1 }, (_, i) => last - i) : [],
  };
}

/** How many measures each country has (one GROUP BY): /countries and the country filter. */
export async function measuresPerCountry(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('policy_measures')
    .select(['country', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('country')
    .execute();
  return new Map(rows.map((r) => [r.country, Number(r.n)]));
}

/** Per country: its number of measures, and per kind of code, how many of them have each code. */
export interface CountryCounts {
  total: number;
  /** kind → code → number of measures. */
  byCode: Record<string, Record<string, number>>;
}

/**
 * The counts of `countries` side by side, in two queries whatever the number of measures: the
 * totals, and the tags grouped by country, kind and code.
 */
export async function countsOf(db: Db, countries: readonly string[]): Promise<Map<string, CountryCounts>> {
  const out = new Map<string, CountryCounts>(countries.map((c) => [c, { total: 0, byCode: {} }]));
  if (countries.length === 0) return out;
  const [totals, tags] = await Promise.all([
    db
      .selectFrom('policy_measures')
      .select(['country', (eb) => eb.fn.countAll<number>().as('n')])
      .where('country', 'in', countries)
      .groupBy('country')
      .execute(),
    db
      .selectFrom('policy_measure_tags as t')
      .innerJoin('policy_measures as m', 'm.id', 't.measure_id')
      .select(['m.country', 't.kind', 't.code', sql<number>`count(*)`.as('n')])
      .where('m.country', 'in', countries)
      .groupBy(['m.country', 't.kind', 't.code'])
      .execute(),
  ]);
  for (const r of totals) {
    const entry = out.get(r.country);
    if (entry) entry.total = Number(r.n);
  }
  for (const r of tags) {
    const entry = out.get(r.country);
    if (!entry) continue;
    entry.byCode[r.kind] ??= {};
    (entry.byCode[r.kind] as Record<string, number>)[r.code] = Number(r.n);
  }
  return out;
}

export interface EventMeasure {
  id: number;
  title: string;
  lang: string;
  country: string;
  created_by: number | null;
  author: string | null;
}

/** The measures presented at an event, by country (the event's report). */
export function measuresOfEvent(db: Db, eventId: number): Promise<EventMeasure[]> {
  return db
    .selectFrom('policy_measures as m')
    .leftJoin('users as u', 'u.id', 'm.created_by')
    .select(['m.id', 'm.title', 'm.lang', 'm.country', 'm.created_by', 'u.name as author'])
    .where('m.event_id', '=', eventId)
    .orderBy('m.country')
    .orderBy('m.id')
    .limit(500)
    .execute();
}

/** The newest measures of a country (the reader of what the QPR module will report). */
export function measuresOfCountry(db: Db, country: string, limit = 500) {
  return db
    .selectFrom('policy_measures')
    .selectAll()
    .where('country', '=', country)
    .orderBy('report_year', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
