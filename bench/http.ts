// HTTP benchmark: builds a database at a chosen scale, starts the real server (`hub serve`) on it,
// loads a few targets with autocannon, measures their compressed size, and checks the budgets of
// docs/DESIGN.md. Run with `npm run bench -- --help`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildDataset, type Dataset, SCALES, type Scale } from './lib/data.ts';
import { addEvents, type EventsDataset } from './lib/events-data.ts';
import {
  addLibrary,
  LIBRARY_BENCH_DOCUMENT,
  LIBRARY_SEARCH_WORD,
  type LibraryCounts,
} from './lib/library-data.ts';
import { ROOT, type RunningServer, signalGroup, startServer } from './lib/server.ts';
import { ACCEPT_ENCODING, measurePage, type PageSizes } from './lib/sizes.ts';

const USAGE = `Usage: npm run bench -- [options]

  --scale demo|10x|100x   Size of the generated database (default demo)
  --duration SECONDS      Measured load per target (default 10)
  --warmup SECONDS        Unmeasured load before each target (default 2; 0 to skip)
  --connections N         Concurrent connections (default 20)
  --workers N             Server worker processes, as in \`hub serve --workers\` (default 1)
  --organisations N       Generated organisations added to the demo ones (default: 0 at demo,
                          10 000 at 10x, 100 000 at 100x)
  --people N              Generated people profiles (the same defaults)
  --events N              Generated events (default: 0 at demo, 200 at 10x, 2 000 at 100x)
  --applications N        Generated applications spread over them, with their rosters
                          (default: 100 per generated event)
  --documents N           Generated library documents with files (default: 0 at demo,
                          5 000 at 10x, 50 000 at 100x)
  --only NAME             Run only the targets whose name contains NAME (e.g. directory)
  --help                  Show this help`;

/** docs/DESIGN.md, "Budgets". 1 KB = 1024 bytes. */
const BUDGET = { p95Ms: 50, pageKb: 30, jsKb: 20 } as const;

interface Target {
  name: string;
  path: string;
  /** An HTML page: its stylesheets count towards the page budget. */
  page: boolean;
  /** Sends the administrator's API token. */
  token: boolean;
}

const TARGETS: Target[] = [
  { name: 'GET /', path: '/', page: true, token: false },
  { name: 'GET /login', path: '/login', page: true, token: false },
  { name: 'GET /api/v1/me', path: '/api/v1/me', page: false, token: true },
  { name: 'GET /directory', path: '/directory', page: true, token: false },
  // Two filters and the map of the selection: the directory budget of issue 4.
  {
    name: 'GET /directory (2 filters + map)',
    path: '/directory?country=VN&kind=creative_hub',
    page: true,
    token: false,
  },
  {
    name: 'GET /directory?q=',
    path: `/directory?q=${encodeURIComponent('Huế')}&domain=heritage`,
    page: true,
    token: false,
  },
  { name: 'GET /directory/stella', path: '/directory/stella', page: true, token: false },
  { name: 'GET /api/v1/organisations', path: '/api/v1/organisations?country=LA', page: false, token: true },
  {
    name: 'GET /directory/people (2 filters)',
    path: '/directory/people?country=TH&domain=performance',
    page: true,
    token: false,
  },
  { name: 'GET /api/v1/people', path: '/api/v1/people?country=KH', page: false, token: true },
  ...libraryTargets(),
];

// ---------------------------------------------------------------------------------------------
// Events: the lists, the month calendar, an event page and the report of a held event with a full
// roster (a generated one above demo scale, Qingdao's demo roster at demo scale).

const EVENTS: Record<Scale, number> = { demo: 0, '10x': 200, '100x': 2_000 };
const APPLICATIONS_PER_EVENT = 100;
const DEMO_REPORT_EVENT = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';

function eventTargets(reportSlug: string, month: string): Target[] {
  return [
    { name: 'GET /events', path: '/events', page: true, token: false },
    { name: 'GET /events?when=past', path: '/events?when=past&country=LA', page: true, token: false },
    { name: 'GET /events/calendar', path: `/events/calendar?month=${month}`, page: true, token: false },
    { name: 'GET /events/:slug', path: `/events/${reportSlug}`, page: true, token: false },
    { name: 'GET /events/:slug/report', path: `/events/${reportSlug}/report`, page: true, token: false },
    {
      name: 'GET /api/v1/events/:slug/report',
      path: `/api/v1/events/${reportSlug}/report`,
      page: false,
      token: true,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The library (bench/lib/library-data.ts): documents with files whose extracted text is in the
// search index. Every target's name contains "library", for `--only library`.

/** Generated library documents by scale, unless --documents says otherwise. */
const DOCUMENTS: Record<Scale, number> = { demo: 0, '10x': 5_000, '100x': 50_000 };

function libraryTargets(): Target[] {
  return [
    { name: 'GET /library', path: '/library', page: true, token: false },
    { name: 'GET /library (2 filters)', path: '/library?country=LA&kind=decree', page: true, token: false },
    {
      name: 'GET /library?q= (word in files)',
      path: `/library?q=${encodeURIComponent(LIBRARY_SEARCH_WORD)}`,
      page: true,
      token: false,
    },
    {
      name: `GET /library/${LIBRARY_BENCH_DOCUMENT}`,
      path: `/library/${LIBRARY_BENCH_DOCUMENT}`,
      page: true,
      token: false,
    },
    {
      name: 'GET /api/v1/documents (library)',
      path: '/api/v1/documents?language=vi',
      page: false,
      token: true,
    },
  ];
}

/** Adds the generated documents to the database that buildDataset made. */
async function buildLibrary(dir: string, documents: number): Promise<LibraryCounts | null> {
  if (documents === 0) return null;
  log(`Adding ${documents} library documents with files…`);
  const counts = await addLibrary(dir, documents);
  log(
    `  ${counts.documents} documents, ${counts.files} files, ${counts.versions} versions, ` +
      `${counts.textMegabytes.toFixed(0)} MB of extracted text, "${LIBRARY_SEARCH_WORD}" in ` +
      `${counts.planted} of them (${counts.seconds.toFixed(1)} s)`,
  );
  return counts;
}

/** Generated organisations (and as many people) by scale, unless --organisations/--people say otherwise. */
const ORGANISATIONS: Record<Scale, number> = { demo: 0, '10x': 10_000, '100x': 100_000 };

interface Options {
  scale: Scale;
  duration: number;
  warmup: number;
  connections: number;
  workers: number;
  organisations: number;
  people: number;
  documents: number;
  events: number;
  applications: number;
  only: string | undefined;
}

interface TargetResult {
  target: string;
  url: string;
  requests: { total: number; meanPerSecond: number; stddevPerSecond: number };
  /** Milliseconds as the client saw them: autocannon's percentiles, p95 from every response. */
  latencyMs: { mean: number; p50: number; p95: number; p97_5: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  size: PageSizes;
  budgets: { p95: boolean; page: boolean | null };
  failed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: the server and the temporary DATA_DIR go away on success, failure and Ctrl-C.

let server: RunningServer | undefined;
let dataDir: string | undefined;
let running: autocannon.Instance | undefined;
let interrupted = false;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    running?.stop();
    if (server) await server.stop();
    server = undefined;
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the server and removing the data…`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort when the process ends without the cleanup having run (an uncaught exception).
process.once('exit', () => {
  if (server) signalGroup(server.pid, 'SIGKILL');
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'demo' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '20' },
      workers: { type: 'string', default: '1' },
      organisations: { type: 'string' },
      people: { type: 'string' },
      documents: { type: 'string' },
      events: { type: 'string' },
      applications: { type: 'string' },
      only: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return null;
  if (!(values.scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const number = (flag: string, value: string, min: number, max: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${flag} must be a whole number from ${min} to ${max}`);
    return n;
  };
  return {
    scale: values.scale as Scale,
    duration: number('duration', values.duration, 1, 3600),
    warmup: number('warmup', values.warmup, 0, 600),
    connections: number('connections', values.connections, 1, 1000),
    workers: number('workers', values.workers, 1, 64),
    organisations:
      values.organisations === undefined
        ? ORGANISATIONS[values.scale as Scale]
        : number('organisations', values.organisations, 0, 5_000_000),
    people:
      values.people === undefined
        ? ORGANISATIONS[values.scale as Scale]
        : number('people', values.people, 0, 5_000_000),
    documents:
      values.documents === undefined
        ? DOCUMENTS[values.scale as Scale]
        : number('documents', values.documents, 0, 1_000_000),
    ...eventsOptions(values, number),
    only: values.only,
  };
}

function eventsOptions(
  values: { scale?: string; events?: string; applications?: string },
  number: (flag: string, value: string, min: number, max: number) => number,
) {
  const events =
    values.events === undefined
      ? EVENTS[values.scale as Scale]
      : number('events', values.events, 0, 1_000_000);
  const applications =
    values.applications === undefined
      ? events * APPLICATIONS_PER_EVENT
      : number('applications', values.applications, 0, 50_000_000);
  return { events, applications };
}

function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  const instance = autocannon({ url, headers, duration: seconds, connections, timeout: 10 });
  running = instance;
  return instance;
}

async function benchTarget(
  target: Target,
  baseUrl: string,
  token: string,
  options: Options,
): Promise<TargetResult> {
  const url = `${baseUrl}${target.path}`;
  const headers: Record<string, string> = {
    accept: target.page ? 'text/html' : 'application/json',
    'accept-encoding': ACCEPT_ENCODING,
    ...(target.token ? { authorization: `Bearer ${token}` } : {}),
  };
  const size = await measurePage(url, headers);
  if (size.response.status < 200 || size.response.status >= 300)
    console.error(`  warning: ${target.name} answered ${size.response.status} to a single request`);

  if (options.warmup > 0) {
    log(`  ${target.name}: warm-up ${options.warmup} s`);
    await load(url, headers, options.warmup, options.connections);
    if (interrupted) throw new Error('interrupted');
  }
  log(`  ${target.name}: ${options.duration} s with ${plural(options.connections, 'connection')}`);
  const instance = load(url, headers, options.duration, options.connections);
  // autocannon's histogram has no p95 and counts whole milliseconds; keep every response time.
  const times: number[] = [];
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  running = undefined;
  if (interrupted) throw new Error('interrupted');

  const total = result.requests.total;
  const failures = result.non2xx + result.errors;
  const p95 = percentile(times, 95);
  return {
    target: target.name,
    url,
    requests: { total, meanPerSecond: result.requests.mean, stddevPerSecond: result.requests.stddev },
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p95,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([k, v]) => [k, v.count])),
    size,
    budgets: {
      p95: p95 <= BUDGET.p95Ms,
      page: target.page ? size.withCssWireBytes <= BUDGET.pageKb * 1024 : null,
    },
    failed: total === 0 || failures > (total + result.errors) / 2,
  };
}

/** Nearest-rank percentile; NaN for no values. */
function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
/** autocannon's percentiles are whole milliseconds; p95 is not. */
const ms = (n: number) =>
  !Number.isFinite(n) ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(n < 10 ? 2 : 1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'NOT MET');

function table(results: TargetResult[]): string {
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
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function machine(loadAtStart: number[]) {
  const cpus = os.cpus();
  const round = (list: number[]) => list.map((n) => Math.round(n * 100) / 100);
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    /** 1, 5 and 15 minute load averages when the run started and when it ended. */
    loadAverage: { start: round(loadAtStart), end: round(os.loadavg()) },
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
  };
}

function log(message: string) {
  console.error(message);
}

// ---------------------------------------------------------------------------------------------

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
  const loadAtStart = os.loadavg();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));

  log(`Building the ${options.scale} database in ${dataDir}…`);
  const dataset: Dataset = await buildDataset(dataDir, options.scale, {
    organisations: options.organisations,
    people: options.people,
  });
  const { counts } = dataset;
  log(
    `  ${counts.users} users, ${counts.sessions} sessions, ${counts.apiTokens} API tokens, ` +
      `${counts.auditLog} audit entries, ${counts.organisations} organisations, ${counts.people} people (${dataset.seconds.toFixed(1)} s)`,
  );
  if (interrupted) return 130;
  let eventsData: EventsDataset | null = null;
  if (options.events > 0) {
    log(`Adding ${options.events} events and ${options.applications} applications…`);
    eventsData = await addEvents(dataDir, { events: options.events, applications: options.applications });
    log(
      `  ${eventsData.participants} on the rosters, ${eventsData.checkins} check-ins; report target ${eventsData.reportSlug} (${eventsData.seconds.toFixed(1)} s)`,
    );
  }
  if (interrupted) return 130;
  const library = await buildLibrary(dataDir, options.documents);
  if (interrupted) return 130;

  log(`Starting the server (${plural(options.workers, 'worker')})…`);
  server = await startServer({ dataDir, workers: options.workers });
  await server.ready;
  log(`  listening at ${server.url}`);

  const results: TargetResult[] = [];
  const reportSlug = eventsData?.reportSlug || DEMO_REPORT_EVENT;
  const month = eventsData ? '2024-09' : '2017-06';
  for (const target of [...TARGETS, ...eventTargets(reportSlug, month)]) {
    if (options.only && !target.name.includes(options.only)) continue;
    results.push(await benchTarget(target, server.url, dataset.adminToken, options));
  }
  const jsWireBytes = Math.max(0, ...results.map((r) => r.size.jsWireBytes));

  const m = machine(loadAtStart);
  console.log(
    [
      '',
      `HTTP benchmark — scale ${options.scale} (${counts.users} users, ${counts.sessions} sessions, ${counts.auditLog} audit entries, ${counts.organisations} organisations, ${counts.people} people), SQLite`,
      `${options.duration} s per target after ${options.warmup} s warm-up, ${plural(options.connections, 'connection')}, ` +
        `${plural(options.workers, 'server worker')}; Accept-Encoding: ${ACCEPT_ENCODING}`,
      `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; ` +
        `autocannon and the server share it; load average ${m.loadAverage.start[0]} at start, ` +
        `${m.loadAverage.end[0]} at end`,
      '',
      table(results),
      '',
      `Latency is measured by the client, queueing under load included (an upper bound of server time).`,
      `KB = 1024 bytes on the wire; page KB = the response plus the stylesheets it links, compressed.`,
      `Budgets (docs/DESIGN.md): server time p95 ≤ ${BUDGET.p95Ms} ms at demo scale` +
        `${options.scale === 'demo' ? '' : ' (informational at this scale)'}; a page ≤ ${BUDGET.pageKb} KB ` +
        `compressed with its CSS; JavaScript ≤ ${BUDGET.jsKb} KB compressed — pages link ${kb(jsWireBytes)} KB: ` +
        `${verdict(jsWireBytes <= BUDGET.jsKb * 1024)}.`,
    ].join('\n'),
  );

  for (const r of results) {
    if (r.non2xx + r.errors > 0)
      console.error(
        `warning: ${r.target}: ${r.non2xx} non-2xx, ${r.errors} errors (${r.timeouts} timeouts); ` +
          `status codes ${JSON.stringify(r.statusCodes)}`,
      );
  }

  const resultsDir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(
    resultsDir,
    `http-${options.scale}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  const report = {
    benchmark: 'http',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options,
    machine: m,
    dataset: { scale: dataset.scale, counts, setupSeconds: dataset.seconds, events: eventsData },
    library,
    budgets: BUDGET,
    javascriptWireBytes: jsWireBytes,
    results,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nResults written to ${path.relative(process.cwd(), file)}`);

  const failed = results.filter((r) => r.failed);
  if (failed.length) {
    console.error(
      `\nFAILED: most requests to ${failed.map((r) => r.target).join(', ')} did not succeed; ` +
        'their numbers above measure error responses, not the real work.',
    );
    return 1;
  }
  return 0;
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
