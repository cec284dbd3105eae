// The platform as the browser tests meet it: `node dist/src/main.js start` (the compiled code, as
// `npm start` runs it; e2e/global-setup.ts compiles it once per run) as a child process
// on a free port, on a fresh data directory (migrated, the first administrator and the demo content
// added at start), with the parent's environment minus what would point it elsewhere.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `node` and these: the compiled platform, with stack traces pointing at the TypeScript. */
const COMPILED_MAIN = ['--enable-source-maps', 'dist/src/main.js'];

export const ADMIN_EMAIL = 'admin@e2e.example.org';
export const ADMIN_PASSWORD = 'e2e-admin-password-42';

export interface Platform {
  port: number;
  baseUrl: string;
  dataDir: string;
  /** What the process has written to stdout and stderr so far. */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ends a child process: SIGTERM, then SIGKILL when it has not gone after `graceMs`. */
async function endProcess(child: ChildProcess, graceMs = 8000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const gone = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!gone) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Starts the platform on a free port (trying another when the port was taken meanwhile). */
/** `env`: settings of the platform beside those of every run (e.g. OIDC_* for a provider). */
export async function startPlatform(options: {
  smtpUrl: string;
  env?: Record<string, string>;
}): Promise<Platform> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPlatformOnce(options);
    } catch (err) {
      if (attempt < 3 && String(err).includes('EADDRINUSE')) continue;
      throw err;
    }
  }
}

async function startPlatformOnce(options: {
  smtpUrl: string;
  env?: Record<string, string>;
}): Promise<Platform> {
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'hub-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The parent's environment minus anything that would point the platform elsewhere.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        ![
          'DATABASE_URL',
          'PORT',
          'HOST',
          'SITE_NAME',
          'DEFAULT_LOCALE',
          'MAIL_FROM',
          'TRUST_PROXY',
          'DEFAULT_TIME_ZONE',
          'SESSION_DAYS',
          'BODY_LIMIT_KB',
        ].includes(k),
    ),
  );
  const child = spawn(process.execPath, [...COMPILED_MAIN, 'start', '--port', String(port)], {
    cwd: ROOT,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SMTP_URL: options.smtpUrl,
      BASE_URL: baseUrl,
      OUTBOX_POLL_SECONDS: '0.5',
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Last line of defence: never leave the server or its data behind when the test process ends
  // without reaching stop() (vitest interrupted, a worker torn down).
  const killOnExit = () => {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      await endProcess(child);
    } finally {
      process.removeListener('exit', killOnExit);
      await fs.promises.rm(dataDir, { recursive: true, force: true });
    }
  };

  try {
    const deadline = Date.now() + 45_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `The platform exited (${child.exitCode ?? child.signalCode}) before it served:\n${log}`,
        );
      }
      try {
        const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`The platform did not answer /healthz in time:\n${log}`);
      await sleep(150);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, baseUrl, dataDir, output: () => log, stop };
}

/**
 * `hub <args>` run as an administrator would on the server: a second process on the running
 * platform's database (its DATA_DIR). Its output; a failure throws with what it said.
 */
export async function hubCommand(platform: Platform, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [...COMPILED_MAIN, ...args], {
      cwd: ROOT,
      // vitest sets BASE_URL to "/" (Vite's), which the platform's configuration refuses.
      env: {
        ...process.env,
        DATABASE_URL: '',
        BASE_URL: platform.baseUrl,
        DATA_DIR: platform.dataDir,
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
    });
    return stdout;
  } catch (err) {
    throw new Error(`hub ${args.join(' ')} failed: ${(err as { stderr?: string }).stderr ?? err}`);
  }
}
