// HTTP benchmark: builds a database at a chosen scale, starts the real server (`hub serve`) on it,
// loads a few targets with autocannon, measures their compressed size, and checks the budgets of
// docs/DESIGN.md. Run with `npm run bench -- --help`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SESSION_COOKIE } from '../src/platform/sessions.ts';
import { type Baseline, type Captured, capture, cpuMs, startBareHono, startNginx } from './lib/baselines.ts';
import { type BenchData, buildBenchData, notificationsReport, reuseBenchData } from './lib/http-data.ts';
import {
  BUDGET,
  DEMO_REPORT_EVENT,
  eventTargets,
  type Options,
  parseOptions,
  selects,
  TARGETS,
  type Target,
  type TargetResult,
  USAGE,
} from './lib/http-options.ts';
import { kb, ratiosTable, resultsTable } from './lib/http-report.ts';
import { log, machine, percentile, plural, verdict } from './lib/report.ts';
import { ROOT, type RunningServer, signalGroup, startServer } from './lib/server.ts';
import { ACCEPT_ENCODING, measurePage } from './lib/sizes.ts';

// ---------------------------------------------------------------------------------------------
// Cleanup: the server and the temporary DATA_DIR go away on success, failure and Ctrl-C.

let server: RunningServer | undefined;
let dataDir: string | undefined;
/** A `--keep` run's or a reused (`--data`) DATA_DIR stays. */
let keepData = false;
let running: autocannon.Instance | undefined;
let baselines: Baseline[] = [];
let interrupted = false;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    running?.stop();
    for (const b of baselines) await b.stop();
    baselines = [];
    if (server) await server.stop();
    server = undefined;
    if (dataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    console.error(`\n${signal}: stopping the server${keepData ? '' : ' and removing the data'}…`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort when the process ends without the cleanup having run (an uncaught exception).
process.once('exit', () => {
  if (server) signalGroup(server.pid, 'SIGKILL');
  if (dataDir && !keepData) fs.rmSync(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  const instance = autocannon({ url, headers, duration: seconds, connections, timeout: 10 });
  running = instance;
  return instance;
}

/** Who the targets may sign in as: the administrator's token, the notifications' reader, a member. */
interface Credentials {
  adminToken: string;
  reader: { sessionCookie: string; apiToken: string } | null;
  memberSession: string | null;
}

function requestHeaders(
  target: Target,
  { adminToken, reader, memberSession }: Credentials,
): Record<string, string> {
  return {
    accept: target.page ? 'text/html' : 'application/json',
    'accept-encoding': ACCEPT_ENCODING,
    ...(target.token ? { authorization: `Bearer ${adminToken}` } : {}),
    ...(target.reader === 'token' && reader ? { authorization: `Bearer ${reader.apiToken}` } : {}),
    ...(target.reader === 'session' && reader ? { cookie: `${SESSION_COOKIE}=${reader.sessionCookie}` } : {}),
    ...(target.reader === 'member' && memberSession ? { cookie: `${SESSION_COOKIE}=${memberSession}` } : {}),
  };
}

/** req/s of `url` with the same load as a target's (its warm-up at most a second). */
async function loadBaseline(
  url: string,
  headers: Record<string, string>,
  options: Options,
  pid: number | undefined,
): Promise<{ perSecond: number; cpuMsPerRequest: number | null }> {
  if (options.warmup > 0) await load(url, headers, Math.min(1, options.warmup), options.connections);
  const before = cpuMs(pid);
  const result = await load(url, headers, options.duration, options.connections);
  const after = cpuMs(pid);
  running = undefined;
  if (interrupted) throw new Error('interrupted');
  const cpuMsPerRequest =
    before !== null && after !== null && result.requests.total
      ? (after - before) / result.requests.total
      : null;
  return { perSecond: result.requests.mean, cpuMsPerRequest };
}

async function benchTarget(
  target: Target,
  index: number,
  baseUrl: string,
  credentials: Credentials,
  options: Options,
): Promise<TargetResult> {
  const url = `${baseUrl}${target.path}`;
  const headers = requestHeaders(target, credentials);
  const loadAverage = os.loadavg()[0] ?? 0;
  const size = await measurePage(url, headers);
  if (size.response.status < 200 || size.response.status >= 300)
    console.error(`  warning: ${target.name} answered ${size.response.status} to a single request`);

  if (options.warmup > 0) {
    log(`  ${target.name}: warm-up ${options.warmup} s`);
    await load(url, headers, options.warmup, options.connections);
    if (interrupted) throw new Error('interrupted');
  }
  log(`  ${target.name}: ${options.duration} s with ${plural(options.connections, 'connection')}`);
  // One server process: its CPU time per request, which the machine's load hardly changes.
  const serverPid = options.workers === 1 ? server?.pid : undefined;
  const cpuBefore = cpuMs(serverPid);
  const instance = load(url, headers, options.duration, options.connections);
  // autocannon's histogram has no p95 and counts whole milliseconds; keep every response time.
  const times: number[] = [];
  instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  const result = await instance;
  const cpuAfter = cpuMs(serverPid);
  running = undefined;
  if (interrupted) throw new Error('interrupted');

  const total = result.requests.total;
  const failures = result.non2xx + result.errors;
  const p95 = percentile(times, 95);
  // The same bytes from each baseline, right after, so that both see about the same load.
  const compared: TargetResult['baselines'] = [];
  for (const b of baselines) {
    log(`  ${target.name}: the same bytes from ${b.name}`);
    const { perSecond, cpuMsPerRequest } = await loadBaseline(b.urlOf(index), headers, options, b.pid);
    compared.push({
      name: b.name,
      meanPerSecond: perSecond,
      ratio: perSecond ? result.requests.mean / perSecond : 0,
      cpuMsPerRequest,
    });
  }
  const total0 = result.requests.total;
  return {
    cpuMsPerRequest:
      cpuBefore !== null && cpuAfter !== null && total0 ? (cpuAfter - cpuBefore) / total0 : null,
    baselines: compared,
    loadAverage,
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
  const selected = (target: Target) => selects(options.only, target.name);
  keepData = options.keep || options.data !== undefined;
  let data: BenchData | null;
  if (options.data !== undefined) {
    dataDir = path.resolve(options.data);
    data = await reuseBenchData(dataDir);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
    const wantsNotifications =
      options.notifications > 0 &&
      TARGETS.some((t) => (t.reader === 'session' || t.reader === 'token') && selected(t));
    data = await buildBenchData(dataDir, options, wantsNotifications, () => interrupted);
  }
  if (!data || interrupted) return 130;
  const { dataset, eventsData, library, notifications, memberSession } = data;
  const { counts } = dataset;

  log(`Starting the server (${plural(options.workers, 'worker')})…`);
  server = await startServer({ dataDir, workers: options.workers });
  await server.ready;
  log(`  listening at ${server.url}`);

  const results: TargetResult[] = [];
  const reportSlug = eventsData?.reportSlug || DEMO_REPORT_EVENT;
  const month = eventsData ? '2024-09' : '2017-06';
  const credentials: Credentials = {
    adminToken: dataset.adminToken,
    reader: notifications?.reader ?? null,
    memberSession,
  };
  const targets = [...TARGETS, ...eventTargets(reportSlug, month)].filter((target) => {
    if (!selected(target)) return false;
    const missing = target.reader === 'member' ? !memberSession : !!target.reader && !notifications;
    if (missing) log(`  ${target.name}: skipped (no one to sign in as)`);
    return !missing;
  });
  // Each target's response as the hub sends it, for the baselines to serve byte for byte.
  const captured: Captured[] = [];
  for (const target of targets)
    captured.push(await capture(`${server.url}${target.path}`, requestHeaders(target, credentials)));
  baselines.push(await startBareHono(dataDir, captured));
  const nginx = await startNginx(dataDir, captured, options.workers);
  if (nginx) baselines.push(nginx);
  else log('  nginx is not installed: the bare Hono app is the only baseline');
  for (const [i, target] of targets.entries())
    results.push(await benchTarget(target, i, server.url, credentials, options));
  const jsWireBytes = Math.max(0, ...results.map((r) => r.size.jsWireBytes));

  const m = machine(loadAtStart);
  console.log(
    [
      '',
      `HTTP benchmark — scale ${dataset.scale} (${counts.users} users, ${counts.sessions} sessions, ${counts.auditLog} audit entries, ${counts.organisations} organisations, ${counts.people} people` +
        `${notifications ? `; ${notifications.notifications} notifications over ${notifications.members} members` : ''}), SQLite`,
      `${options.duration} s per target after ${options.warmup} s warm-up, ${plural(options.connections, 'connection')}, ` +
        `${plural(options.workers, 'server worker')}; Accept-Encoding: ${ACCEPT_ENCODING}`,
      `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}; ` +
        `autocannon and the server share it; load average ${m.loadAverage.start[0]} at start, ` +
        `${m.loadAverage.end[0]} at end`,
      '',
      resultsTable(results),
      '',
      ratiosTable(results),
      '',
      `Latency is measured by the client, queueing under load included (an upper bound of server time).`,
      `KB = 1024 bytes on the wire; page KB = the response plus the stylesheets it links, compressed.`,
      `Budgets (docs/DESIGN.md): server time p95 ≤ ${BUDGET.p95Ms} ms at demo scale` +
        `${dataset.scale === 'demo' ? '' : ' (informational at this scale)'}; a page ≤ ${BUDGET.pageKb} KB ` +
        `compressed with its CSS; JavaScript ≤ ${BUDGET.jsKb} KB compressed — pages link ${kb(jsWireBytes)} KB: ` +
        `${verdict(jsWireBytes <= BUDGET.jsKb * 1024)}.`,
    ].join('\n'),
  );
  if (notifications) console.log(notificationsReport(notifications));

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
    `http-${dataset.scale}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
  );
  const report = {
    benchmark: 'http',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options,
    machine: m,
    dataset: {
      scale: dataset.scale,
      counts,
      setupSeconds: dataset.seconds,
      events: eventsData,
      // Without the reader's secrets: the results file is kept, the database is not.
      notifications: notifications && {
        ...notifications,
        reader: { ...notifications.reader, sessionCookie: undefined, apiToken: undefined },
      },
    },
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
