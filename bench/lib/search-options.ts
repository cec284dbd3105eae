// The search benchmark's options (its command line), its targets and the shape of its results.
import { parseArgs } from 'node:util';
import type { Summary } from './report.ts';
import type { DatabaseKind, SizeReport } from './search-db.ts';

export const USAGE = `Usage: node --import tsx bench/search.ts [options]

  --records N               Records to generate and index (default 100000)
  --db sqlite|postgres|both Databases to run against (default both)
  --queries N               Timed search() calls per query class: 1, 2 and 3 words (default 200)
  --baseline-queries N      Of those, how many also run as a LIKE scan, per class (default 20)
  --suggest-queries N       Timed suggest() calls with 3–4 typed characters (default 100)
  --warmup N                Unmeasured search() calls before timing (default 30)
  --seed N                  Seed of the generated records and queries (default 1)
  --zipf S                  Exponent of the word-frequency distribution (default 1)
  --index-api record|records  indexRecord() per record (default) or indexRecords() per transaction
  --explain                 Print the query plans of the slowest query of each class
  --help                    Show this help

PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test;
the benchmark works in a schema of its own, dropped at the end.`;

/** What the search engine is held to (SQLite at a million records). */
export const TARGETS = { records: 1_000_000, p95Ms: 30, p95Classes: [1, 2], indexRate: 5000 } as const;
export const BATCH = 1000;
export const LIMIT = 20;
export const CLASSES = [1, 2, 3] as const;
export const SLOWEST = 3;

export interface Options {
  records: number;
  databases: DatabaseKind[];
  queries: number;
  baselineQueries: number;
  suggestQueries: number;
  warmup: number;
  seed: number;
  zipf: number;
  explain: boolean;
  indexApi: 'record' | 'records';
}

export interface QueryRun {
  q: string;
  lang: string;
  band: string;
  ms: number;
  total: number;
  /** More matches than MATCH_CAP: total is then a lower bound. */
  overCap: boolean;
  hits: number;
  /** Time of each SQL statement search() ran: matching rows, then facet counts. */
  statementsMs: number[];
}

export interface SlowQuery extends QueryRun {
  statements: { sql: string; parameters: unknown[]; ms: number; plan?: string[] }[];
}

export interface ClassResult {
  words: number;
  search: Summary;
  meanHits: number;
  /** Share of queries with more matches than MATCH_CAP. */
  overCapShare: number;
  /** search() split into its statements (by position), and the time outside them. */
  statements: { sql: string; summary: Summary }[];
  notSql: Summary;
  byBand: Record<string, { summary: Summary; meanHits: number }>;
  baseline: { summary: Summary; meanRows: number; queries: number };
  slowest: SlowQuery[];
  runs: QueryRun[];
  baselineRuns: { q: string; ms: number; rows: number }[];
}

export interface DatabaseResult {
  database: DatabaseKind;
  label: string;
  location?: string;
  error?: string;
  indexing?: {
    records: number;
    seconds: number;
    recordsPerSecond: number;
    generationSeconds: number;
    batchSize: number;
    /** records/s in each tenth of the run: does indexing slow down as the index grows? */
    ratePerTenth: number[];
    afterIndexing: Record<string, number>;
    loadAverage: { start: number[]; end: number[] };
  };
  size?: SizeReport;
  queries?: Record<string, ClassResult>;
  suggest?: { summary: Summary; meanRows: number; slowest: { q: string; ms: number; rows: number }[] };
  loadAverageDuringQueries?: { start: number[]; end: number[] };
  targets?: { name: string; value: number; limit: string; met: boolean | null }[];
}

export function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      records: { type: 'string', default: '100000' },
      db: { type: 'string', default: 'both' },
      queries: { type: 'string', default: '200' },
      'baseline-queries': { type: 'string', default: '20' },
      'suggest-queries': { type: 'string', default: '100' },
      warmup: { type: 'string', default: '30' },
      seed: { type: 'string', default: '1' },
      zipf: { type: 'string', default: '1' },
      explain: { type: 'boolean', default: false },
      'index-api': { type: 'string', default: 'record' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  const number = (flag: string, value: string, min: number, max: number) => {
    const n = Number(value.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${flag} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const databases: Record<string, DatabaseKind[]> = {
    sqlite: ['sqlite'],
    postgres: ['postgres'],
    both: ['sqlite', 'postgres'],
  };
  const chosen = databases[values.db];
  if (!chosen) throw new Error('--db must be sqlite, postgres or both');
  if (!['record', 'records'].includes(values['index-api']))
    throw new Error('--index-api must be record or records');
  const zipf = Number(values.zipf);
  if (!(zipf > 0 && zipf <= 3)) throw new Error('--zipf must be a number above 0 and at most 3');
  const queries = number('queries', values.queries, 1, 100_000);
  return {
    records: number('records', values.records, 1, 20_000_000),
    databases: chosen,
    queries,
    baselineQueries: Math.min(queries, number('baseline-queries', values['baseline-queries'], 0, 100_000)),
    suggestQueries: number('suggest-queries', values['suggest-queries'], 0, 100_000),
    warmup: number('warmup', values.warmup, 0, 100_000),
    seed: number('seed', values.seed, 0, 2 ** 32 - 1),
    zipf,
    explain: values.explain,
    indexApi: values['index-api'] === 'records' ? 'records' : 'record',
  };
}
