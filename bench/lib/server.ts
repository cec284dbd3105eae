// Runs the real server (`hub serve`) as a child process in its own process group, so that it and
// its cluster workers can be stopped together.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningServer {
  url: string;
  /** Process id of the server, and of its process group. */
  pid: number;
  /** Resolves when GET /healthz answers; rejects when the server stops or takes too long first. */
  ready: Promise<void>;
  /** Stops the server and its workers (safe to call more than once). */
  stop: () => Promise<void>;
  /** The last 4 000 characters the server wrote (stdout and stderr). */
  output: () => string;
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts `hub serve` on a free port. The server is returned at once, so that it can be stopped
 * even while it is starting; await `ready` before sending requests.
 */
export async function startServer(options: {
  dataDir: string;
  workers: number;
  timeoutMs?: number;
  /** More of the server's environment, e.g. DATABASE_URL (the tests' crash test on PostgreSQL). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Only what the benchmark chooses: an inherited DATABASE_URL, PORT or BASE_URL must not leak in.
  const { DATABASE_URL: _db, PORT: _port, BASE_URL: _base, HOST: _host, ...inherited } = process.env;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main.ts',
      'serve',
      '--port',
      String(port),
      ...(options.workers > 1 ? ['--workers', String(options.workers)] : []),
    ],
    {
      cwd: ROOT,
      env: {
        ...inherited,
        DATA_DIR: options.dataDir,
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  if (child.pid === undefined) throw new Error('Could not start the server');
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= stopGroup(child, exited);
    return stopping;
  };
  const ready = waitForHealth(url, child, () => output, options.timeoutMs ?? 60_000);
  // A failed start must not leave the server running; the caller still sees the rejection.
  ready.catch(() => stop());
  return { url, pid: child.pid, ready, stop, output: () => output };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server stopped before answering (exit ${child.exitCode ?? child.signalCode}):\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The server did not answer ${url}/healthz within ${timeoutMs / 1000} s:\n${output()}`);
}

/** SIGTERM to the whole process group (primary and workers), then SIGKILL after 5 s. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.pid === undefined) return;
  signalGroup(child.pid, 'SIGTERM');
  const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000).unref());
  if ((await Promise.race([exited, timer])) === 'timeout') signalGroup(child.pid, 'SIGKILL');
  // Workers may outlive a primary that has gone; make sure nothing of the group is left.
  signalGroup(child.pid, 'SIGKILL');
}

/** Sends `signal` to the process group led by `pid`; ignores a group that is already gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
