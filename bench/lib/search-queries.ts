// The timed queries of the search benchmark: search() per query class against a LIKE scan, and
// suggest(), each split into its SQL statements.
import type { CompiledQuery } from 'kysely';
import { search, suggest } from '../../src/search/index.ts';
import {
  BANDS,
  type BenchPrefix,
  type BenchQuery,
  generatePrefixes,
  generateQueries,
  prng,
  type Vocabulary,
} from './corpus.ts';
import { checkInterrupted } from './interrupt.ts';
import { log, plural, summarise } from './report.ts';
import { type BenchDatabase, compileStatement, StatementTimer } from './search-db.ts';
import {
  CLASSES,
  type ClassResult,
  type DatabaseResult,
  LIMIT,
  type Options,
  type QueryRun,
  SLOWEST,
  type SlowQuery,
} from './search-options.ts';

export interface QuerySets {
  warmup: BenchQuery[];
  classes: Record<number, BenchQuery[]>;
  prefixes: BenchPrefix[];
}

export function querySets(vocab: Vocabulary, options: Options): QuerySets {
  const rand = prng(options.seed + 1_000_003);
  const classes: Record<number, BenchQuery[]> = {};
  for (const words of CLASSES) classes[words] = generateQueries(vocab, options.queries, words, rand);
  const warmRand = prng(options.seed + 2_000_003);
  const warmup = CLASSES.flatMap((words) =>
    generateQueries(vocab, Math.ceil(options.warmup / CLASSES.length), words, warmRand),
  ).slice(0, options.warmup);
  return { warmup, classes, prefixes: generatePrefixes(vocab, options.suggestQueries, rand) };
}

export async function runClass(
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

export async function runQueries(bench: BenchDatabase, sets: QuerySets, options: Options) {
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
