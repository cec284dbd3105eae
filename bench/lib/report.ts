// Small reporting helpers for the benchmarks: percentiles, plain-text tables and a description of
// the machine. Same conventions as bench/http.ts: nearest-rank percentiles, right-aligned numbers.
import os from 'node:os';

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values: ArrayLike<number>, p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarise(values: number[]): Summary {
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);
  return {
    n: values.length,
    mean: round(values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN),
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    max: round(values.length ? Math.max(...values) : Number.NaN),
  };
}

/** Milliseconds with a precision that suits their size; '–' when there is no value. */
export const ms = (n: number) =>
  !Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0);
/** 12345 → "12 345". */
export const int = (n: number) =>
  Number.isFinite(n) ? Math.round(n).toLocaleString('en-US').replace(/,/g, ' ') : '–';
export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const plural = (n: number, word: string) =>
  `${int(n)} ${n === 1 ? word : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(word) ? `${word}es` : `${word}s`}`;
export const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'NOT MET');

/** A plain-text table: the first column left-aligned, the others right-aligned. */
export function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const round2 = (list: number[]) => list.map((n) => Math.round(n * 100) / 100);

export function loadAverage(): number[] {
  return round2(os.loadavg());
}

export function machine(loadAtStart: number[]) {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    /** 1, 5 and 15 minute load averages when the run started and when it ended. */
    loadAverage: { start: round2(loadAtStart), end: loadAverage() },
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

export function log(message: string) {
  console.error(message);
}
