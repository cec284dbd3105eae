// Search benchmark: generates mixed-language records from the search engine's test corpus, indexes
// them with indexRecord() into a fresh SQLite and/or PostgreSQL database, then times search() and
// suggest() on 1-, 2- and 3-word queries against a plain LIKE scan. Run with
// `node --import tsx bench/search.ts --help`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CompiledQuery } from 'kysely';
import {
  indexRecord,
  indexRecords,
  MATCH_CAP,
  type SearchableRecord,
  search,
  suggest,
} from '../src/search/index.ts';
import {
  BANDS,
  type BenchPrefix,
  type BenchQuery,
  BODY_WORDS,
  bandRanks,
  generatePrefixes,
  generateQueries,
  generateRecords,
  LANGS,
  loadVocabulary,
  prng,
  rankShare,
  TITLE_WORDS,
  type Vocabulary,
} from './lib/corpus.ts';
import {
  int,
  loadAverage,
  log,
  machine,
  mb,
  ms,
  plural,
  type Summary,
  summarise,
  table,
  verdict,
} from './lib/report.ts';
import {
  type BenchDatabase,
  compileStatement,
  type DatabaseKind,
  openDatabaseOfKind,
  postgresUrl,
  type SizeReport,
  StatementTimer,
} from './lib/search-db.ts';
import { ROOT } from './lib/server.ts';

const USAGE = `Usage: node --import tsx bench/search.ts [options]

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
const TARGETS = { records: 1_000_000, p95Ms: 30, p95Classes: [1, 2], indexRate: 5000 } as const;
const BATCH = 1000;
const LIMIT = 20;
const CLASSES = [1, 2, 3] as const;
const SLOWEST = 3;

interface Options {
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

interface QueryRun {
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

interface SlowQuery extends QueryRun {
  statements: { sql: string; parameters: unknown[]; ms: number; plan?: string[] }[];
}

interface ClassResult {
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

interface DatabaseResult {
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

// ---------------------------------------------------------------------------------------------
// Cleanup: temporary files and PostgreSQL schemas go away on success, failure and Ctrl-C.

const openDatabases = new Set<BenchDatabase>();
let interrupted = false;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const d of openDatabases) {
      try {
        await d.close();
      } catch (err) {
        console.error(`Could not clean up ${d.location}: ${err instanceof Error ? err.message : err}`);
      }
    }
    openDatabases.clear();
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: removing the benchmark databases…`);
    cleanup().finally(() => process.exit(130));
  });
}

/**
 * Lets a Ctrl-C be handled, and stops if one was. better-sqlite3 is synchronous: without a turn of
 * the event loop now and then, a SQLite run would be one long chain of microtasks that no signal
 * handler can interrupt. Called between timed operations, never inside one.
 */
async function checkInterrupted() {
  await new Promise((resolve) => setImmediate(resolve));
  if (interrupted) throw new Error('interrupted');
}

// ---------------------------------------------------------------------------------------------

function parseOptions(argv: string[]): Options | null {
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

// ---------------------------------------------------------------------------------------------
// Indexing

async function indexAll(bench: BenchDatabase, vocab: Vocabulary, options: Options) {
  const loadStart = loadAverage();
  const records = generateRecords(vocab, options.records, options.seed);
  const batchMs: number[] = [];
  let generationMs = 0;
  let indexMs = 0;
  let done = 0;
  let nextReport = performance.now() + 15_000;
  while (done < options.records) {
    const t0 = performance.now();
    const batch: SearchableRecord[] = [];
    for (let k = 0; k < BATCH; k++) {
      const next = records.next();
      if (next.done) break;
      batch.push(next.value);
    }
    const t1 = performance.now();
    await bench.db.transaction().execute(async (trx) => {
      if (options.indexApi === 'records') await indexRecords(trx, batch);
      else for (const record of batch) await indexRecord(trx, record);
    });
    const t2 = performance.now();
    await checkInterrupted();
    generationMs += t1 - t0;
    indexMs += t2 - t1;
    batchMs.push(t2 - t1);
    done += batch.length;
    if (t2 >= nextReport || done === options.records) {
      nextReport = t2 + 15_000;
      const rate = done / (indexMs / 1000);
      const eta = (options.records - done) / rate;
      log(
        `  indexed ${int(done)} / ${int(options.records)} (${Math.floor((done / options.records) * 100)} %), ` +
          `${int(rate)} records/s${done < options.records ? `, about ${formatDuration(eta)} to go` : ''}`,
      );
    }
  }
  // records/s in each tenth of the run.
  const tenths: number[] = [];
  for (let t = 0; t < 10; t++) {
    const from = Math.floor((batchMs.length * t) / 10);
    const to = Math.floor((batchMs.length * (t + 1)) / 10);
    if (to <= from) continue;
    const slice = batchMs.slice(from, to);
    const recordsInSlice = Math.min(options.records, to * BATCH) - Math.min(options.records, from * BATCH);
    tenths.push(Math.round(recordsInSlice / (slice.reduce((a, b) => a + b, 0) / 1000)));
  }
  const afterIndexing = await bench.afterIndexing();
  return {
    records: done,
    seconds: indexMs / 1000,
    recordsPerSecond: done / (indexMs / 1000),
    generationSeconds: generationMs / 1000,
    batchSize: BATCH,
    ratePerTenth: tenths,
    afterIndexing,
    loadAverage: { start: loadStart, end: loadAverage() },
  };
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

// ---------------------------------------------------------------------------------------------
// Queries

interface QuerySets {
  warmup: BenchQuery[];
  classes: Record<number, BenchQuery[]>;
  prefixes: BenchPrefix[];
}

function querySets(vocab: Vocabulary, options: Options): QuerySets {
  const rand = prng(options.seed + 1_000_003);
  const classes: Record<number, BenchQuery[]> = {};
  for (const words of CLASSES) classes[words] = generateQueries(vocab, options.queries, words, rand);
  const warmRand = prng(options.seed + 2_000_003);
  const warmup = CLASSES.flatMap((words) =>
    generateQueries(vocab, Math.ceil(options.warmup / CLASSES.length), words, warmRand),
  ).slice(0, options.warmup);
  return { warmup, classes, prefixes: generatePrefixes(vocab, options.suggestQueries, rand) };
}

async function runClass(
  bench: BenchDatabase,
  words: number,
  queries: BenchQuery[],
  options: Options,
): Promise<ClassResult> {
  const timer = new StatementTimer();
  const timed = bench.db.withPlugin(timer);
  const runs: QueryRun[] = [];
  const statements: ReturnType<StatementTimer['take']>[] = [];
  for (const query of queries) {
    timer.take();
    const started = performance.now();
    const result = await search(timed, { q: query.q, viewer: null, limit: LIMIT });
    const elapsed = performance.now() - started;
    const taken = timer.take();
    runs.push({
      q: query.q,
      lang: query.lang,
      band: query.band,
      ms: elapsed,
      total: result.total,
      overCap: result.overCap,
      hits: result.hits.length,
      statementsMs: taken.map((s) => s.ms),
    });
    statements.push(taken);
    await checkInterrupted();
  }

  const baselineRuns: ClassResult['baselineRuns'] = [];
  for (const query of queries.slice(0, options.baselineQueries)) {
    const started = performance.now();
    const rows = await bench.likeQuery(query.words, LIMIT).execute(bench.db);
    baselineRuns.push({ q: query.q, ms: performance.now() - started, rows: rows.rows.length });
    await checkInterrupted();
  }

  // The slowest queries with their SQL; the plan of the slowest one.
  const order = runs.map((_, i) => i).sort((a, b) => runs[b]!.ms - runs[a]!.ms);
  const slowest: SlowQuery[] = [];
  for (const [rank, i] of order.slice(0, SLOWEST).entries()) {
    const list: SlowQuery['statements'] = [];
    for (const s of statements[i]!) {
      const compiled: CompiledQuery = compileStatement(timed, s);
      const plan = rank === 0 ? await bench.explain(compiled) : undefined;
      list.push({
        sql: compiled.sql.replace(/\s+/g, ' ').trim(),
        parameters: [...compiled.parameters],
        ms: s.ms,
        ...(plan ? { plan } : {}),
      });
    }
    slowest.push({ ...runs[i]!, statements: list });
  }

  const mean = (list: number[]) => (list.length ? list.reduce((a, b) => a + b, 0) / list.length : Number.NaN);
  const byBand: ClassResult['byBand'] = {};
  for (const band of BANDS) {
    const inBand = runs.filter((r) => r.band === band);
    if (inBand.length)
      byBand[band] = {
        summary: summarise(inBand.map((r) => r.ms)),
        meanHits: mean(inBand.map((r) => r.total)),
      };
  }
  // Statements by position; their SQL from a query that ran the most of them.
  const statementCount = Math.max(0, ...runs.map((r) => r.statementsMs.length));
  const fullest = statements.findIndex((list) => list.length === statementCount);
  const statementSql = (statements[fullest] ?? []).map((st) =>
    compileStatement(timed, st).sql.replace(/\s+/g, ' ').trim(),
  );
  return {
    words,
    search: summarise(runs.map((r) => r.ms)),
    meanHits: mean(runs.map((r) => r.total)),
    overCapShare: runs.filter((r) => r.overCap).length / Math.max(1, runs.length),
    statements: Array.from({ length: statementCount }, (_, k) => ({
      sql: statementSql[k] ?? '',
      summary: summarise(runs.filter((r) => k < r.statementsMs.length).map((r) => r.statementsMs[k]!)),
    })),
    notSql: summarise(runs.map((r) => r.ms - r.statementsMs.reduce((a, b) => a + b, 0))),
    byBand,
    baseline: {
      summary: summarise(baselineRuns.map((r) => r.ms)),
      meanRows: mean(baselineRuns.map((r) => r.rows)),
      queries: baselineRuns.length,
    },
    slowest,
    runs,
    baselineRuns,
  };
}

async function runQueries(bench: BenchDatabase, sets: QuerySets, options: Options) {
  log(`  warm-up: ${plural(sets.warmup.length, 'query')}, 5 suggestions, 1 LIKE scan`);
  for (const query of sets.warmup) {
    await search(bench.db, { q: query.q, viewer: null, limit: LIMIT });
    await checkInterrupted();
  }
  for (const prefix of sets.prefixes.slice(0, 5)) await suggest(bench.db, prefix.q, null);
  const first = sets.warmup[0] ?? sets.classes[1]?.[0];
  if (first && options.baselineQueries > 0) await bench.likeQuery(first.words, LIMIT).execute(bench.db);
  await checkInterrupted();

  const queries: Record<string, ClassResult> = {};
  for (const words of CLASSES) {
    log(
      `  ${plural(words, 'word')}: ${plural(options.queries, 'search')}` +
        (options.baselineQueries ? `, then ${plural(options.baselineQueries, 'LIKE scan')}` : ''),
    );
    queries[String(words)] = await runClass(bench, words, sets.classes[words] ?? [], options);
  }

  let suggestResult: DatabaseResult['suggest'];
  if (sets.prefixes.length) {
    log(`  suggest: ${plural(sets.prefixes.length, 'prefix')}`);
    const runs: { q: string; ms: number; rows: number }[] = [];
    for (const prefix of sets.prefixes) {
      const started = performance.now();
      const rows = await suggest(bench.db, prefix.q, null);
      runs.push({ q: prefix.q, ms: performance.now() - started, rows: rows.length });
      await checkInterrupted();
    }
    suggestResult = {
      summary: summarise(runs.map((r) => r.ms)),
      meanRows: runs.reduce((a, r) => a + r.rows, 0) / runs.length,
      slowest: [...runs].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST),
    };
  }
  return { queries, suggest: suggestResult };
}

// ---------------------------------------------------------------------------------------------
// Report

function targetsFor(result: DatabaseResult, options: Options): DatabaseResult['targets'] {
  const applies = result.database === 'sqlite' && options.records >= TARGETS.records;
  const targets: NonNullable<DatabaseResult['targets']> = [];
  for (const words of TARGETS.p95Classes) {
    const p95 = result.queries?.[String(words)]?.search.p95 ?? Number.NaN;
    targets.push({
      name: `p95 of ${words}-word queries`,
      value: p95,
      limit: `≤ ${TARGETS.p95Ms} ms`,
      met: applies ? p95 <= TARGETS.p95Ms : null,
    });
  }
  const rate = result.indexing?.recordsPerSecond ?? Number.NaN;
  targets.push({
    name: 'indexing rate',
    value: rate,
    limit: `≥ ${int(TARGETS.indexRate)} records/s`,
    met: applies ? rate >= TARGETS.indexRate : null,
  });
  return targets;
}

function report(result: DatabaseResult, options: Options): string {
  const out: string[] = [''];
  out.push(`${result.label} — ${plural(options.records, 'record')}`);
  if (result.error) {
    out.push(`  FAILED: ${result.error}`);
    return out.join('\n');
  }
  const ix = result.indexing;
  if (ix) {
    out.push(
      `Indexing: ${int(ix.records)} records in ${ix.seconds.toFixed(1)} s = ${int(ix.recordsPerSecond)} records/s ` +
        `(${options.indexApi === 'records' ? 'indexRecords()' : 'indexRecord()'} in transactions of ${int(ix.batchSize)}; generating the records took ` +
        `${ix.generationSeconds.toFixed(1)} s more, not counted); load average ${ix.loadAverage.start[0]} → ${ix.loadAverage.end[0]}`,
    );
    out.push(`  records/s by tenth of the run: ${ix.ratePerTenth.map(int).join(', ')}`);
  }
  const size = result.size;
  if (size) {
    const detail =
      result.database === 'sqlite'
        ? `file ${mb(Number(size.details.fileBytes))} + WAL ${mb(Number(size.details.walBytes))} after a checkpoint`
        : `pg_total_relation_size('search_documents'); ${int(Number(size.details.liveTuples))} live, ` +
          `${int(Number(size.details.deadTuples))} dead tuples`;
    out.push(`Size: ${mb(size.totalBytes)} (${detail})`);
    out.push(
      `  ${size.parts
        .slice(0, 6)
        .map((p) => `${p.name} ${mb(p.bytes)}`)
        .join(', ')}`,
    );
  }
  const q = result.queries;
  if (q) {
    const rows = CLASSES.map((words) => {
      const c = q[String(words)]!;
      return [
        plural(words, 'word'),
        int(c.search.n),
        ms(c.search.p50),
        ms(c.search.p95),
        ms(c.search.p99),
        ms(c.search.max),
        int(c.meanHits),
        `${Math.round(c.overCapShare * 100)} %`,
        int(c.baseline.queries),
        ms(c.baseline.summary.p50),
        ms(c.baseline.summary.p95),
        ms(c.baseline.summary.p99),
      ];
    });
    if (result.suggest) {
      const s = result.suggest.summary;
      rows.push([
        'suggest',
        int(s.n),
        ms(s.p50),
        ms(s.p95),
        ms(s.p99),
        ms(s.max),
        `${result.suggest.meanRows.toFixed(1)} rows`,
        '',
        '',
        '',
        '',
        '',
      ]);
    }
    out.push('');
    out.push(
      table(
        [
          'query',
          'n',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'max ms',
          'mean hits',
          'over cap',
          'LIKE n',
          'LIKE p50',
          'LIKE p95',
          'LIKE p99',
        ],
        rows,
      ),
    );
    out.push(
      `search(): viewer null, limit ${LIMIT}; hits = total (public matches; at least ${int(MATCH_CAP)} when more ` +
        `than the ${int(MATCH_CAP)} newest are ranked — "over cap" is the share of such queries). LIKE: the first ` +
        `${plural(options.baselineQueries, 'query')} of each class as SELECT … WHERE (title ${result.database === 'postgres' ? 'ILIKE' : 'LIKE'} '%w%' OR body …) AND … LIMIT ${LIMIT} — ` +
        'no ranking, no count, no visibility rule; it stops at 20 rows, so common words are cheap and rare ones scan the table.',
    );

    // Where the time goes: statements and word frequency.
    out.push('');
    const bandRows: string[][] = [];
    for (const words of CLASSES) {
      const c = q[String(words)]!;
      for (const band of BANDS) {
        const b = c.byBand[band];
        if (!b) continue;
        bandRows.push([
          `${plural(words, 'word')}, ${band}`,
          int(b.summary.n),
          ms(b.summary.p50),
          ms(b.summary.p95),
          ms(b.summary.max),
          int(b.meanHits),
        ]);
      }
    }
    out.push(
      table(['by the query’s most frequent word', 'n', 'p50 ms', 'p95 ms', 'max ms', 'mean hits'], bandRows),
    );
    out.push('');
    // search() by statement: #1, #2, … in the order search() runs them, and the rest (JavaScript:
    // parsing, snippets; Kysely; for PostgreSQL nothing else, round trips are in the statements).
    const count = Math.max(...CLASSES.map((words) => q[String(words)]!.statements.length));
    const stmtHead = ['search() by statement'];
    for (let k = 1; k <= count; k++) stmtHead.push(`#${k} p50`, `#${k} p95`);
    stmtHead.push('not SQL p50', 'not SQL p95');
    const stmtRows = CLASSES.map((words) => {
      const c = q[String(words)]!;
      const cells = [plural(words, 'word')];
      for (let k = 0; k < count; k++) {
        const st = c.statements[k]?.summary;
        cells.push(st ? ms(st.p50) : '–', st ? ms(st.p95) : '–');
      }
      return [...cells, ms(c.notSql.p50), ms(c.notSql.p95)];
    });
    out.push(table(stmtHead, stmtRows));
    const legend = CLASSES.map((words) => q[String(words)]!.statements).reduce((a, b) =>
      b.length > a.length ? b : a,
    );
    for (const [k, st] of legend.entries()) {
      const text = st.sql.length > 150 ? `${st.sql.slice(0, 149)}…` : st.sql;
      out.push(`  #${k + 1}: ${text}`);
    }
    out.push('');
    out.push('Slowest queries:');
    for (const words of CLASSES) {
      for (const s of q[String(words)]!.slowest) {
        out.push(
          `  ${plural(words, 'word')}  ${ms(s.ms).padStart(6)} ms (${s.statementsMs.map(ms).join(' + ')})  ` +
            `${int(s.total).padStart(7)} hits  ${s.lang} ${s.band.padEnd(6)} ${JSON.stringify(s.q)}`,
        );
      }
    }
    if (result.suggest) {
      for (const s of result.suggest.slowest)
        out.push(
          `  suggest  ${ms(s.ms).padStart(6)} ms  ${int(s.rows).padStart(7)} rows  ${JSON.stringify(s.q)}`,
        );
    }
    if (options.explain) {
      for (const words of CLASSES) {
        const s = q[String(words)]!.slowest[0];
        if (!s) continue;
        out.push('', `Plan of the slowest ${plural(words, 'word')} query, ${JSON.stringify(s.q)}:`);
        for (const st of s.statements) {
          out.push(`  ${ms(st.ms)} ms: ${st.sql}`, `    parameters: ${JSON.stringify(st.parameters)}`);
          for (const line of st.plan ?? []) out.push(`    ${line}`);
        }
      }
    }
  }
  if (result.targets) {
    const applies = result.database === 'sqlite' && options.records >= TARGETS.records;
    out.push('');
    out.push(
      applies
        ? `Targets (SQLite at ${int(TARGETS.records)} records):`
        : `Targets (informational: they apply to SQLite at ${int(TARGETS.records)} records):`,
    );
    for (const t of result.targets) {
      const value = t.name === 'indexing rate' ? `${int(t.value)} records/s` : `${ms(t.value)} ms`;
      out.push(`  ${t.name} ${t.limit}: ${value} — ${t.met === null ? 'n/a' : verdict(t.met)}`);
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function runDatabase(kind: DatabaseKind, vocab: Vocabulary, sets: QuerySets, options: Options) {
  const result: DatabaseResult = { database: kind, label: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL' };
  let bench: BenchDatabase | undefined;
  try {
    log(`\n${result.label}: creating a fresh database…`);
    bench = await openDatabaseOfKind(kind);
    openDatabases.add(bench);
    result.label = bench.label;
    result.location = bench.location;
    log(`  ${bench.location}`);
    log(`  indexing ${plural(options.records, 'record')} in transactions of ${int(BATCH)}…`);
    result.indexing = await indexAll(bench, vocab, options);
    result.size = await bench.size();
    log(`  size ${mb(result.size.totalBytes)}; running queries…`);
    const loadStart = loadAverage();
    const { queries, suggest } = await runQueries(bench, sets, options);
    result.queries = queries;
    result.suggest = suggest;
    result.loadAverageDuringQueries = { start: loadStart, end: loadAverage() };
    result.targets = targetsFor(result, options);
  } catch (err) {
    if (interrupted) throw err;
    result.error = err instanceof Error ? err.message : String(err);
    if (kind === 'postgres' && !bench)
      result.error += ` (PostgreSQL at ${postgresUrl().replace(/:\/\/([^:@/]+):[^@/]*@/, '://$1:***@')}; use --db sqlite to skip it)`;
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  } finally {
    if (bench) {
      log(`  removing ${bench.location}`);
      await bench.close();
      openDatabases.delete(bench);
    }
  }
  return result;
}

/** The commit of the code measured, and whether src/ differs from it (others may be editing). */
function codeVersion(): { commit: string; srcChanges: string[] } {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    const status = git('status', '--porcelain', '--', 'src');
    return { commit: git('rev-parse', '--short=12', 'HEAD'), srcChanges: status ? status.split('\n') : [] };
  } catch {
    return { commit: 'unknown', srcChanges: [] };
  }
}

function vocabularySummary(vocab: Vocabulary) {
  return Object.fromEntries(
    LANGS.map((lang) => {
      const v = vocab.byLang[lang];
      const ranks = bandRanks(v);
      return [
        lang,
        {
          documents: v.documents,
          words: v.words.length,
          mostFrequent: v.words.slice(0, 5),
          bands: ranks,
          /** Share of generated word occurrences that the most frequent word takes. */
          topWordShare: Math.round(rankShare(v, 0) * 1000) / 1000,
        },
      ];
    }),
  );
}

async function main(): Promise<number> {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const startedAt = new Date();
  const loadAtStart = loadAverage();
  const vocab = loadVocabulary(options.zipf);
  const words = LANGS.map((l) => `${l} ${vocab.byLang[l].words.length}`).join(', ');
  log(`Vocabulary from ${path.relative(ROOT, vocab.file)}: ${words} distinct words`);
  const sets = querySets(vocab, options);
  const code = codeVersion();

  const results: DatabaseResult[] = [];
  for (const kind of options.databases) {
    await checkInterrupted();
    results.push(await runDatabase(kind, vocab, sets, options));
  }

  const m = machine(loadAtStart);
  console.log(
    [
      '',
      `Search benchmark — ${plural(options.records, 'record')} in ${LANGS.length} languages (${LANGS.join(', ')}), ` +
        `seed ${options.seed}, Zipf exponent ${options.zipf}`,
      `Records: title ${TITLE_WORDS.join('–')} words, text ${BODY_WORDS.join('–')} words, drawn from the ` +
        `${LANGS.reduce((n, l) => n + vocab.byLang[l].words.length, 0)} distinct words of ${path.relative(ROOT, vocab.file)}. ` +
        `Queries: words of one language, 20 % common (top 3 %), 60 % mid (to 30 %), 20 % rare.`,
      `Code: commit ${code.commit}${code.srcChanges.length ? ` with ${plural(code.srcChanges.length, 'uncommitted change')} in src/` : ', src/ clean'}; ` +
        `records indexed with ${options.indexApi === 'records' ? 'indexRecords()' : 'indexRecord()'}.`,
      `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; ` +
        `load average ${m.loadAverage.start.join(' ')} at start, ${m.loadAverage.end.join(' ')} at end`,
      ...results.map((r) => report(r, options)),
    ].join('\n'),
  );

  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(
    resultsDir,
    `search-${options.records}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  const json = {
    benchmark: 'search',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options,
    code,
    machine: m,
    corpus: {
      file: path.relative(ROOT, vocab.file),
      sha256: vocab.sha256,
      languages: vocabularySummary(vocab),
    },
    targets: TARGETS,
    results,
  };
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);
  return results.some((r) => r.error) ? 1 : 0;
}

main()
  .then(
    (code) => code,
    (err: unknown) => {
      if (!interrupted) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      return interrupted ? 130 : 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
