// The measures counted per country and per code (policy_measure_counts): how many a country has
// (kind 'total', code ''), and how many of them have each goal, area, domain, stage and target group.
// The comparison, a country's block, /countries and the list's country filter read these few rows
// instead of grouping the tags of thousands of measures per request (80 ms for three countries at
// 50 000 measures, docs/policies.md). They are kept by the actions, in the transaction that writes
// the measure (insert, update, delete: actions.ts), so they are always exact; `recountMeasures`
// builds them from the measures themselves (the migration, the benchmark's generator, the tests'
// check that the kept counts equal a fresh count).
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

/** The row of a country's number of measures. */
const TOTAL = { kind: 'total', code: '' } as const;

export interface Tag {
  kind: string;
  code: string;
}

const VERSION_KEY = 'policies.version';

/**
 * The measures' version: a new random value in `settings` with every write of a measure (written by
 * countMeasure, in the write's transaction), so what a process keeps about the list (listing.ts)
 * is good while it is the same. null before the first write.
 */
export async function measuresVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', VERSION_KEY)
    .executeTakeFirst();
  return row?.value ?? null;
}

async function markMeasuresChanged(trx: Db): Promise<void> {
  const value = randomBytes(9).toString('base64url');
  const now = nowIso();
  await trx
    .insertInto('settings')
    .values({ key: VERSION_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

type CountRow = { country: string; kind: string; code: string; n: number };

/** Adds each row's `n` (negative: takes it away) to the counts, and marks the measures changed. */
async function addToCounts(trx: Db, rows: CountRow[]): Promise<void> {
  // Always in the same order, so two transactions on PostgreSQL lock the rows they share alike.
  const sorted = rows.toSorted((a, b) =>
    a.country === b.country
      ? a.kind === b.kind
        ? a.code < b.code
          ? -1
          : 1
        : a.kind < b.kind
          ? -1
          : 1
      : a.country < b.country
        ? -1
        : 1,
  );
  for (let i = 0; i < sorted.length; i += 200)
    await trx
      .insertInto('policy_measure_counts')
      .values(sorted.slice(i, i + 200))
      .onConflict((oc) =>
        oc
          .columns(['country', 'kind', 'code'])
          .doUpdateSet({ n: sql<number>`policy_measure_counts.n + excluded.n` }),
      )
      .execute();
  if (sorted.some((r) => r.n < 0))
    await trx.deleteFrom('policy_measure_counts').where('n', '<=', 0).execute();
  await markMeasuresChanged(trx);
}

const rowsOf = (country: string, tags: readonly Tag[], n: number): CountRow[] =>
  [TOTAL, ...tags].map((t) => ({ country, kind: t.kind, code: t.code, n }));

/** Adds (`delta` 1) or removes (-1) one measure of `country` with `tags` to the counts. */
export function countMeasure(trx: Db, country: string, tags: readonly Tag[], delta: 1 | -1): Promise<void> {
  return addToCounts(trx, rowsOf(country, tags, delta));
}

/** The counts of many new measures (the import's), gathered and then written at once. */
export class CountTally {
  readonly #rows = new Map<string, CountRow>();

  add(country: string, tags: readonly Tag[]): void {
    for (const row of rowsOf(country, tags, 1)) {
      const key = `${row.country}|${row.kind}|${row.code}`;
      const kept = this.#rows.get(key);
      if (kept) kept.n++;
      else this.#rows.set(key, row);
    }
  }

  write(trx: Db): Promise<void> {
    return this.#rows.size ? addToCounts(trx, [...this.#rows.values()]) : Promise.resolve();
  }
}

/** The tags a measure has now (read before it changes, to take it out of the counts). */
export function tagsOfMeasure(db: Db, measureId: number): Promise<Tag[]> {
  return db
    .selectFrom('policy_measure_tags')
    .select(['kind', 'code'])
    .where('measure_id', '=', measureId)
    .execute();
}

/** Counts every measure again from the measures and their tags (the counts of other rows go). */
export async function recountMeasures(db: Db | Kysely<unknown>): Promise<void> {
  await markMeasuresChanged(db as Db);
  await sql`DELETE FROM policy_measure_counts`.execute(db);
  await sql`INSERT INTO policy_measure_counts (country, kind, code, n)
    SELECT country, 'total', '', count(*) FROM policy_measures GROUP BY country`.execute(db);
  await sql`INSERT INTO policy_measure_counts (country, kind, code, n)
    SELECT m.country, t.kind, t.code, count(*) FROM policy_measure_tags t
    JOIN policy_measures m ON m.id = t.measure_id GROUP BY m.country, t.kind, t.code`.execute(db);
}

/** How many measures each country has: /countries and the country filter. */
export async function measuresPerCountry(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('policy_measure_counts')
    .select(['country', 'n'])
    .where('kind', '=', TOTAL.kind)
    .where('code', '=', TOTAL.code)
    .execute();
  return new Map(rows.filter((r) => Number(r.n) > 0).map((r) => [r.country, Number(r.n)]));
}

/** Per country: its number of measures, and per kind of code, how many of them have each code. */
export interface CountryCounts {
  total: number;
  /** kind → code → number of measures. */
  byCode: Record<string, Record<string, number>>;
}

/** The counts of `countries` side by side: a few dozen rows each, whatever their number of measures. */
export async function countsOf(db: Db, countries: readonly string[]): Promise<Map<string, CountryCounts>> {
  const out = new Map<string, CountryCounts>(countries.map((c) => [c, { total: 0, byCode: {} }]));
  if (countries.length === 0) return out;
  const rows = await db
    .selectFrom('policy_measure_counts')
    .select(['country', 'kind', 'code', 'n'])
    .where('country', 'in', countries)
    .execute();
  for (const r of rows) {
    const entry = out.get(r.country);
    if (!entry) continue;
    if (r.kind === TOTAL.kind) {
      entry.total = Number(r.n);
      continue;
    }
    entry.byCode[r.kind] ??= {};
    (entry.byCode[r.kind] as Record<string, number>)[r.code] = Number(r.n);
  }
  return out;
}
