// The lists of measures: the filtered, sorted, paged list (page, feed, export, API), and the
// measures presented at an event. Their counts per country and code are in counts.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readerLanguages, translatedTexts } from '../../platform/translations.ts';
import { listMatches } from '../../search/index.ts';
import type { Measure } from './access.ts';
import { measuresPerCountry } from './counts.ts';
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
