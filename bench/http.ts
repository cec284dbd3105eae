// HTTP benchmark: builds a database at a chosen scale, starts the real server (`hub serve`) on it,
// loads a few targets with autocannon, measures their compressed size, and checks the budgets of
// docs/DESIGN.md. Run with `npm run bench -- --help`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { SESSION_COOKIE } from '../src/platform/sessions.ts';
import { type Baseline, type Captured, capture, cpuMs, startBareHono, startNginx } from './lib/baselines.ts';
import { buildDataset, type Dataset } from './lib/data.ts';
import { addEvents, type EventsDataset } from './lib/events-data.ts';
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
import { addLibrary, LIBRARY_SEARCH_WORD, type LibraryCounts } from './lib/library-data.ts';
import { buildMeasures } from './lib/measures-data.ts';
import { addNotifications, type NotificationsDataset } from './lib/notifications-data.ts';
import { log, machine, ms, percentile, plural, verdict } from './lib/report.ts';
import { ROOT, type RunningServer, signalGroup, startServer } from './lib/server.ts';
import { ACCEPT_ENCODING, measurePage } from './lib/sizes.ts';

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

/** Adds the notifications and their reader (who the notifications targets sign in as). */
async function buildNotifications(dir: string, options: Options): Promise<NotificationsDataset> {
  log(`Adding ${options.notifications} notifications over ${options.notifiedMembers} members…`);
  const data = await addNotifications(dir, {
    notifications: options.notifications,
    members: options.notifiedMembers,
  });
  const r = data.reader;
  log(
    `  ${data.notifications} notifications (${data.unread} unread, ${data.scoped} of groups) over ` +
      `${data.members} members (${data.addedMembers} added), ${data.follows} follows; the reader ` +
      `${r.email} has ${r.rows} (${r.unread} unread, ${r.scopedVisible} of their groups, ${r.scopedHidden} ` +
      `of a group they left) (${data.seconds.toFixed(1)} s)`,
  );
  return data;
}

/** The query plans and in-process times of the header's count and the inbox. */
function notificationsReport(data: NotificationsDataset): string {
  const lines = [
    '',
    `Notifications — the reader's queries (reads ${data.reader.groups.join(', ') || 'no groups'}):`,
  ];
  for (const p of data.plans) {
    lines.push(`  ${p.name}: ${p.sql}  -- ${JSON.stringify(p.parameters)}`);
    for (const step of p.plan) lines.push(`    ${step}`);
  }
  lines.push('  In-process, one call at a time (ms): name  p50 / p95 / p99');
  for (const [name, t] of Object.entries(data.inProcess))
    lines.push(`    ${name.padEnd(24)} ${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.p99)}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Cleanup: the server and the temporary DATA_DIR go away on success, failure and Ctrl-C.

let server: RunningServer | undefined;
let dataDir: string | undefined;
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

function load(url: string, headers: Record<string, string>, seconds: number, connections: number) {
  const instance = autocannon({ url, headers, duration: seconds, connections, timeout: 10 });
  running = instance;
  return instance;
}

/** Who the targets may sign in as: the administrator's token, and the notifications' reader. */
interface Credentials {
  adminToken: string;
  reader: { sessionCookie: string; apiToken: string } | null;
}

function requestHeaders(target: Target, { adminToken, reader }: Credentials): Record<string, string> {
  return {
    accept: target.page ? 'text/html' : 'application/json',
    'accept-encoding': ACCEPT_ENCODING,
    ...(target.token ? { authorization: `Bearer ${adminToken}` } : {}),
    ...(target.reader === 'token' && reader ? { authorization: `Bearer ${reader.apiToken}` } : {}),
    ...(target.reader === 'session' && reader ? { cookie: `${SESSION_COOKIE}=${reader.sessionCookie}` } : {}),
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
  await buildMeasures(dataDir, options.measures);
  if (interrupted) return 130;
  const selected = (target: Target) => selects(options.only, target.name);
  const notifications =
    options.notifications > 0 && TARGETS.some((t) => t.reader && selected(t))
      ? await buildNotifications(dataDir, options)
      : null;
  if (interrupted) return 130;

  log(`Starting the server (${plural(options.workers, 'worker')})…`);
  server = await startServer({ dataDir, workers: options.workers });
  await server.ready;
  log(`  listening at ${server.url}`);

  const results: TargetResult[] = [];
  const reportSlug = eventsData?.reportSlug || DEMO_REPORT_EVENT;
  const month = eventsData ? '2024-09' : '2017-06';
  const credentials: Credentials = { adminToken: dataset.adminToken, reader: notifications?.reader ?? null };
  const targets = [...TARGETS, ...eventTargets(reportSlug, month)].filter((target) => {
    if (!selected(target)) return false;
    if (target.reader && !notifications)
      log(`  ${target.name}: skipped (no notifications: --notifications 0)`);
    return !target.reader || !!notifications;
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
      `HTTP benchmark — scale ${options.scale} (${counts.users} users, ${counts.sessions} sessions, ${counts.auditLog} audit entries, ${counts.organisations} organisations, ${counts.people} people` +
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
        `${options.scale === 'demo' ? '' : ' (informational at this scale)'}; a page ≤ ${BUDGET.pageKb} KB ` +
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
    `http-${options.scale}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
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
