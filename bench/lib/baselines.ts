// Baselines for the HTTP benchmark: the same bytes served by a bare Hono app (always) and by nginx
// as static files (when nginx is installed), started in the same run, so that each target's req/s
// can be given as a ratio of what the stack, and what the machine, can do with that response.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort, ROOT, signalGroup } from './server.ts';

/** One response exactly as the hub sent it: status, headers and the body bytes on the wire. */
export interface Captured {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** Headers the server (bare Hono or nginx) sets itself for every response. */
const OWN_HEADERS = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'server',
]);

/** One GET, its body left as sent (compressed when the hub compressed it). */
export function capture(url: string, headers: Record<string, string>): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (chunk: Buffer) => parts.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] ?? '';
          if (!OWN_HEADERS.has(name.toLowerCase())) pairs.push([name, res.rawHeaders[i + 1] ?? '']);
        }
        resolve({ status: res.statusCode ?? 0, headers: pairs, body: Buffer.concat(parts) });
      });
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`Timed out fetching ${url}`)));
  });
}

/**
 * CPU time (user + system, ms) the process `pid` has used so far, from /proc (Linux); null
 * elsewhere. Unlike req/s it hardly depends on what else the machine is doing.
 */
export function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime), counted from the state (field 3) here.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

export interface Baseline {
  name: 'bare Hono' | 'nginx';
  /** The serving process, for its CPU time (nginx's is spread over workers: none). */
  pid?: number;
  /** The URL that serves captured response `i`. */
  urlOf: (i: number) => string;
  stop: () => Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} stopped before answering (exit ${child.exitCode})`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not answer ${url} within 20 s`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return async () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = new Promise<void>((r) => setTimeout(r, 3000).unref());
    await Promise.race([exited, timer]);
    signalGroup(child.pid, 'SIGKILL');
  };
}

/** A bare Hono app (bench/lib/bare-hono.ts) answering `/t/<i>` with captured response i. */
export async function startBareHono(dir: string, captured: Captured[]): Promise<Baseline> {
  const file = path.join(dir, 'bare-hono-fixtures.json');
  fs.writeFileSync(
    file,
    JSON.stringify(
      captured.map((c) => ({ status: c.status, headers: c.headers, body: c.body.toString('base64') })),
    ),
  );
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/bare-hono.ts', file, String(port)], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const stop = stopper(child);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/ready`, child, 'bare Hono');
  } catch (err) {
    await stop();
    throw err;
  }
  return { name: 'bare Hono', pid: child.pid, urlOf: (i) => `${base}/t/${i}`, stop };
}

/** Where nginx is, when it is installed (PATH, then the Debian place); null otherwise. */
export function findNginx(): string | null {
  for (const candidate of ['nginx', '/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    try {
      execFileSync(candidate, ['-v'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // Not there.
    }
  }
  return null;
}

/** nginx's quoting: a double-quoted string with `"`, `\` and `$` escaped. */
const quote = (value: string) =>
  `"${value.replace(/[\\"$]/g, (ch) => (ch === '$' ? '$' + '{dollar}' : `\\${ch}`))}"`;

/**
 * nginx serving captured response i as the static file `/t/<i>` with the same status (200 only:
 * nginx serves files as 200), content type and headers, and the body as the hub compressed it.
 * `workers` nginx worker processes, as many as the hub's. Null when nginx is not installed.
 */
export async function startNginx(
  dir: string,
  captured: Captured[],
  workers: number,
): Promise<Baseline | null> {
  const nginx = findNginx();
  if (!nginx) return null;
  const root = path.join(dir, 'nginx');
  fs.mkdirSync(path.join(root, 'logs'), { recursive: true });
  const locations = captured.map((c, i) => {
    const file = path.join(root, `t${i}`);
    fs.writeFileSync(file, c.body);
    const type =
      c.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';
    const others = c.headers
      .filter(([n]) => n.toLowerCase() !== 'content-type')
      .map(([n, v]) => `      add_header ${n} ${quote(v)} always;`);
    return [
      `    location = /t/${i} {`,
      `      types { } default_type ${quote(type)};`,
      ...others,
      `      alias ${file};`,
      '    }',
    ].join('\n');
  });
  const port = await freePort();
  const conf = path.join(root, 'nginx.conf');
  fs.writeFileSync(
    conf,
    [
      `worker_processes ${workers};`,
      `pid ${path.join(root, 'nginx.pid')};`,
      `error_log ${path.join(root, 'logs', 'error.log')} error;`,
      'daemon off;',
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      '  server_tokens off;',
      '  etag off;',
      '  sendfile on;',
      '  tcp_nopush on;',
      `  client_body_temp_path ${root}/tmp-body;`,
      `  proxy_temp_path ${root}/tmp-proxy;`,
      `  fastcgi_temp_path ${root}/tmp-fastcgi;`,
      `  uwsgi_temp_path ${root}/tmp-uwsgi;`,
      `  scgi_temp_path ${root}/tmp-scgi;`,
      '  geo $dollar { default "$"; }',
      '  server {',
      `    listen 127.0.0.1:${port};`,
      '    location = /ready { return 200 "ok"; }',
      ...locations,
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(nginx, ['-p', root, '-c', conf], { stdio: 'ignore', detached: true });
  const stop = stopper(child);
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/ready`, child, 'nginx');
  } catch (err) {
    await stop();
    throw err;
  }
  return { name: 'nginx', urlOf: (i) => `${base}/t/${i}`, stop };
}
