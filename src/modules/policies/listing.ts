// The lists of measures: the filtered, sorted, paged list (page, feed, export, API), and the
// measures presented at an event. Their counts per country and code are in counts.ts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readerLanguages, translatedTexts } from '../../platform/translations.ts';
import { listMatches } from '../../search/index.ts';
import type { Measure } from './access.ts';
import { measuresPerCountry, measuresVersion } from './counts.ts';
import { type MeasureFilter, measureFilterSchema } from './schemas.ts';
import type { TagKind } from './vocab.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 30;

/**
 * How the tags of a filter are matched. `probe`: each candidate measure is checked in the tags'
 * primary key (EXISTS), which wins when the candidates are few (one country's) or when the newest
 * are read in the year index's order and the codes are common, so that 30 matches come after a few
 * hundred candidates. `set`: the measures with the code are read from the tags' index (IN), which
 * wins when the selection is rare (a full scan of the year index would find few). Measured at
 * 50 000 measures in docs/policies.md.
 */
type TagPlan = 'probe' | 'set';

/** The measures a filter selects. */
function selection(db: Db, filter: MeasureFilter, matches: number[] | undefined, plan: TagPlan) {
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
  for (const [kind, code] of tagsOfFilter(filter))
    if (plan === 'set')
      q = q.where('id', 'in', (eb) =>
        eb
          .selectFrom('policy_measure_tags')
          .select('measure_id')
          .where('kind', '=', kind)
          .where('code', '=', code),
      );
    else
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

function tagsOfFilter(filter: MeasureFilter): [TagKind, string][] {
  const tags: [TagKind, string | undefined][] = [
    ['goal', filter.goal],
    ['area', filter.area],
    ['domain', filter.domain],
    ['stage', filter.stage],
    ['target', filter.target],
  ];
  return tags.filter((t): t is [TagKind, string] => !!t[1]);
}

/**
 * How many measures a filter selects. Without words, kept per process while the measures do not
 * change (counts.ts writes a new version with every write, in its transaction): counting the
 * intersection of two common codes reads some 10 000 index entries (about 15 ms at 50 000
 * measures), the same for every reader.
 */
async function countOf(db: Db, filter: MeasureFilter, matches: number[] | undefined, plan: TagPlan) {
  const count = async () =>
    Number(
      (
        await selection(db, filter, matches, plan)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  // Words (a few matches), and an event (its measures lose it with no write of theirs when it is
  // deleted: ON DELETE SET NULL), are counted each time.
  if (filter.q || filter.event) return count();
  const { q: _q, sort: _sort, page: _page, ...selecting } = filter;
  const key = JSON.stringify(selecting);
  const version = await measuresVersion(db);
  let kept = keptCounts.get(db);
  if (!kept || kept.version !== version || kept.counts.size >= 1000) {
    kept = { version, counts: new Map() };
    keptCounts.set(db, kept);
  }
  let n = kept.counts.get(key);
  if (n === undefined) {
    n = await count();
    // Kept only if no write came meanwhile (a count taken across a write is not kept).
    if ((await measuresVersion(db)) === version) kept.counts.set(key, n);
  }
  return n;
}

const keptCounts = new WeakMap<Db, { version: string | null; counts: Map<string, number> }>();

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
  const sort = filter.sort ?? 'newest';
  const byYear = sort === 'newest' || sort === 'oldest';
  const probing = !!filter.country || !!matches;
  const [total, all] = await Promise.all([
    countOf(db, filter, matches, probing ? 'probe' : 'set'),
    probing || !byYear ? 0 : countOf(db, measureFilterSchema.parse({}), undefined, 'set'),
  ]);
  // Newest first across countries: probing in the year index's order finds a page of a selection
  // of at least 1 in 50 measures within about 1 500 candidates.
  const plan: TagPlan = probing || (byYear && total * 50 >= all) ? 'probe' : 'set';
  let q = selection(db, filter, matches, plan).selectAll();
  if (sort === 'title') q = q.orderBy('title').orderBy('id');
  else if (sort === 'country') q = q.orderBy('country').orderBy('report_year', 'desc').orderBy('id', 'desc');
  else if (sort === 'updated') q = q.orderBy('updated_at', 'desc').orderBy('id', 'desc');
  else {
    const dir = sort === 'oldest' ? 'asc' : 'desc';
    q = q.orderBy('report_year', dir).orderBy('id', dir);
  }
  const rows = await q
    .limit(pageSize)
    .offset(options.offset ?? (filter.page - 1) * pageSize)
    .execute();
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
    total,
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
    // Two subqueries: SQLite reads a min() or a max() alone at one end of the index, both at once
    // by scanning it.
    db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('policy_measures')
          .select((e) => e.fn.min<number>('report_year').as('y'))
          .as('first'),
        eb
          .selectFrom('policy_measures')
          .select((e) => e.fn.max<number>('report_year').as('y'))
          .as('last'),
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
