// The HTTP benchmark's table of results, with the budgets met or not.

import { BUDGET, type TargetResult } from './http-options.ts';
import { ms, table, verdict } from './report.ts';

export const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function resultsTable(results: TargetResult[]): string {
  const head = [
    'target',
    'req/s',
    'p50 ms',
    'p95 ms',
    'p97.5 ms',
    'p99 ms',
    'non-2xx',
    'resp KB',
    '+CSS KB',
    'page KB',
    `p95 ≤ ${BUDGET.p95Ms} ms`,
    `page ≤ ${BUDGET.pageKb} KB`,
  ];
  const rows = results.map((r) => {
    const cssBytes = r.size.withCssWireBytes - r.size.response.wireBytes;
    const page = r.budgets.page !== null;
    return [
      r.target,
      r.requests.meanPerSecond.toFixed(0),
      ms(r.latencyMs.p50),
      ms(r.latencyMs.p95),
      ms(r.latencyMs.p97_5),
      ms(r.latencyMs.p99),
      r.errors ? `${r.non2xx} +${r.errors} err` : String(r.non2xx),
      `${kb(r.size.response.wireBytes)} (${r.size.response.encoding ?? 'none'})`,
      page ? kb(cssBytes) : '–',
      page ? kb(r.size.withCssWireBytes) : '–',
      verdict(r.budgets.p95),
      verdict(r.budgets.page),
    ];
  });
  return table(head, rows);
}

/** Each target's req/s beside the baselines' for the same bytes, and its ratio of each. */
export function ratiosTable(results: TargetResult[]): string {
  const names = [...new Set(results.flatMap((r) => r.baselines.map((b) => b.name)))];
  const bare = (r: TargetResult) => r.baselines.find((b) => b.name === 'bare Hono')?.cpuMsPerRequest ?? null;
  const head = [
    'target',
    'load',
    'req/s',
    ...names.flatMap((n) => [`${n} req/s`, `ratio of ${n}`]),
    'CPU ms/req',
    'bare Hono CPU ms/req',
    'CPU ratio',
  ];
  const rows = results.map((r) => [
    r.target,
    r.loadAverage.toFixed(1),
    r.requests.meanPerSecond.toFixed(0),
    ...names.flatMap((n) => {
      const b = r.baselines.find((x) => x.name === n);
      return b ? [b.meanPerSecond.toFixed(0), b.ratio.toFixed(3)] : ['–', '–'];
    }),
    r.cpuMsPerRequest === null ? '–' : r.cpuMsPerRequest.toFixed(3),
    bare(r) === null ? '–' : (bare(r) as number).toFixed(3),
    r.cpuMsPerRequest && bare(r) !== null ? ((bare(r) as number) / r.cpuMsPerRequest).toFixed(3) : '–',
  ]);
  return table(head, rows);
}
