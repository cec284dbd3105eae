// The search benchmark's report: the tables printed at the end, and the targets met or not.
import { MATCH_CAP } from '../../src/search/index.ts';
import { BANDS } from './corpus.ts';
import { int, mb, ms, plural, table, verdict } from './report.ts';
import { CLASSES, type DatabaseResult, LIMIT, type Options, TARGETS } from './search-options.ts';

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export function targetsFor(result: DatabaseResult, options: Options): DatabaseResult['targets'] {
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

export function report(result: DatabaseResult, options: Options): string {
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
