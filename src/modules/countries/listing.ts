// The list of countries: every country of the region, and any other the hub holds something about
// (a figure above 0, a recorded status), each with its status and the modules' counts
// (`countryFigures` in the manifests: one GROUP BY query each, side by side).
import type { Selectable } from 'kysely';
import type { BlockContext, CountryFigure } from '../../platform/context.ts';
import { isCountryCode } from '../../platform/countries.ts';
import { KeptPerDatabase } from '../../platform/kept-per-database.ts';
import { allStatuses } from './access.ts';
import type { CountryStatusesTable } from './tables.ts';
import { inRegion, REGION_COUNTRIES } from './vocab.ts';

export interface CountryCount {
  figure: CountryFigure;
  count: number;
}

export interface CountryRow {
  code: string;
  status: Selectable<CountryStatusesTable> | null;
  /** Every figure of the modules, in order, with this country's count (0 when it has none). */
  counts: CountryCount[];
}

export const figuresOf = (ctx: BlockContext): CountryFigure[] =>
  ctx.deps.modules.flatMap((m) => m.countryFigures ?? []).sort((a, b) => a.order - b.order);

/**
 * Each figure's counts per country, counted at most once a minute per process: they are the same for
 * every reader (published records only), and at 100× the demo the GROUP BYs take most of a second
 * on the shared machine, where a count a minute old tells the same story (as the home page's figures).
 */
const counted = new KeptPerDatabase<Map<string, number>[]>(60_000);

const countsOf = (ctx: BlockContext, figures: CountryFigure[]) =>
  counted.get(ctx.deps.db, () => Promise.all(figures.map((f) => f.counts(ctx))));

/** Forgets the kept counts (tests that change records and read the counts again). */
export const forgetCounts = (db: object): void => counted.forget(db);

/** The countries with their status and counts, by name in the reader's language. */
export async function listCountries(
  ctx: BlockContext,
  nameOf: (code: string) => string,
): Promise<CountryRow[]> {
  const figures = figuresOf(ctx);
  const [counts, statuses] = await Promise.all([countsOf(ctx, figures), allStatuses(ctx.deps.db)]);
  const codes = new Set<string>(REGION_COUNTRIES);
  // A figure may count places that are no country (the library's regions: ASEAN, the Mekong).
  for (const map of counts) for (const [code, n] of map) if (n > 0 && isCountryCode(code)) codes.add(code);
  for (const code of statuses.keys()) codes.add(code);
  const collator = new Intl.Collator(ctx.locale);
  return [...codes]
    .map((code) => ({
      code,
      status: statuses.get(code) ?? null,
      counts: figures.map((figure, i) => ({ figure, count: counts[i]?.get(code) ?? 0 })),
    }))
    .sort((a, b) => collator.compare(nameOf(a.code), nameOf(b.code)));
}

/** One country's counts (its page, the API). */
export async function countsOfCountry(ctx: BlockContext, code: string): Promise<CountryCount[]> {
  const figures = figuresOf(ctx);
  const counts = await countsOf(ctx, figures);
  return figures.map((figure, i) => ({ figure, count: counts[i]?.get(code) ?? 0 }));
}

/** Whether `code` has a page: a country of the region, or one the hub holds something about. */
export const hasPage = (code: string, counts: CountryCount[], hasStatus: boolean, blocks: number): boolean =>
  inRegion(code) || hasStatus || blocks > 0 || counts.some((c) => c.count > 0);
