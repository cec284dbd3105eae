// Search benchmark: generates mixed-language records from the search engine's test corpus, indexes
// them with indexRecord() into a fresh SQLite and/or PostgreSQL database, then times search() and
// suggest() on 1-, 2- and 3-word queries against a plain LIKE scan. Run with
// `node --import tsx bench/search.ts --help`.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { indexRecord, indexRecords, type SearchableRecord } from '../src/search/index.ts';
import {
  BODY_WORDS,
  bandRanks,
  generateRecords,
  LANGS,
  loadVocabulary,
  rankShare,
  TITLE_WORDS,
  type Vocabulary,
} from './lib/corpus.ts';
import { checkInterrupted, cleanup, openDatabases, wasInterrupted } from './lib/interrupt.ts';
import { int, loadAverage, log, machine, mb, plural } from './lib/report.ts';
import { type BenchDatabase, type DatabaseKind, openDatabaseOfKind, postgresUrl } from './lib/search-db.ts';
import {
  BATCH,
  type DatabaseResult,
  type Options,
  parseOptions,
  TARGETS,
  USAGE,
} from './lib/search-options.ts';
import { type QuerySets, querySets, runQueries } from './lib/search-queries.ts';
import { formatDuration, report, targetsFor } from './lib/search-report.ts';
import { ROOT } from './lib/server.ts';

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
    if (wasInterrupted()) throw err;
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
      if (!wasInterrupted()) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
      return wasInterrupted() ? 130 : 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
