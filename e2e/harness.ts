// The end-to-end harness: a real SMTP peer (the one of the integration tests), the platform itself as a
// child process (`node --import tsx src/main.ts start`) on a fresh data directory, and Debian's
// Chromium driven by playwright-core. `startHub()` starts all three; `hub.stop()` ends them and
// removes the data directory — also when a start-up step fails half-way.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { catalogDirs } from '../src/platform/i18n.ts';
import { type ReceivedMail, SmtpPeer } from '../test/smtp-peer.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

export const ADMIN_EMAIL = 'admin@e2e.example.org';
export const ADMIN_PASSWORD = 'e2e-admin-password-42';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// ── The platform ──────────────────────────────────────────────────────────────

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
export async function startPlatform(options: { smtpUrl: string }): Promise<Platform> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startPlatformOnce(options);
    } catch (err) {
      if (attempt < 3 && String(err).includes('EADDRINUSE')) continue;
      throw err;
    }
  }
}

async function startPlatformOnce(options: { smtpUrl: string }): Promise<Platform> {
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
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'start', '--port', String(port)], {
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

// ── Everything together ───────────────────────────────────────────────────────

export interface Hub {
  baseUrl: string;
  mail: SmtpPeer;
  platform: Platform;
  browser: Browser;
  stop: () => Promise<void>;
}

export async function startHub(): Promise<Hub> {
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    const errors: unknown[] = [];
    // Browser first (it holds keep-alive connections), then the platform, then the mail peer.
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (err) {
        errors.push(err);
      }
    }
    if (errors.length) throw new AggregateError(errors, 'Stopping the e2e hub failed');
  };
  try {
    const mail = new SmtpPeer();
    const smtpUrl = await mail.start();
    cleanups.push(() => mail.stop());
    const platform = await startPlatform({ smtpUrl });
    cleanups.push(async () => {
      await platform.stop();
      // LOG_LEVEL=warn: whatever the platform logged (JSON lines) is worth seeing.
      const logged = platform
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      if (logged.length) console.warn(`The platform logged:\n${logged.join('\n')}`);
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    return { baseUrl: platform.baseUrl, mail, platform, browser, stop };
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
}

// ── Browser helpers ───────────────────────────────────────────────────────────

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * A fresh context (own cookies) and page. `lang: 'lo'` sets the hub's language cookie;
 * `storageState` starts with the cookies of an earlier context (e.g. a logged-in member).
 */
export async function openPage(
  hub: Hub,
  options: {
    viewport?: { width: number; height: number };
    lang?: string;
    colorScheme?: 'light' | 'dark';
    storageState?: StorageState;
  } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await hub.browser.newContext({
    viewport: options.viewport ?? PHONE,
    locale: 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    baseURL: hub.baseUrl,
    storageState: options.storageState,
  });
  if (options.lang) {
    await context.addCookies([{ name: 'hub_lang', value: options.lang, url: hub.baseUrl }]);
  }
  const page = await context.newPage();
  return { context, page };
}

/** A full-page screenshot in e2e/artifacts/ (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.promises.mkdir(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The axe-core rules the suites hold the pages to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's WCAG A and AA rules (AXE_TAGS) on the page as it is now. By default @axe-core/playwright
 * runs axe.runPartial() in every frame and then axe.finishRun() in a new blank page, injecting axe's
 * 550 KB source twice; that is for cross-origin frames. A page of the hub has none (no frame at
 * all), and there axe.run() in the page itself (axe's "legacy mode") gives the same results — every
 * violation, pass, incomplete and inapplicable rule, compared on the suites' pages — in half the
 * time (4.4 s → 2.1 s a page here). A page with frames gets the default mode.
 */
export async function runAxe(page: Page): Promise<Awaited<ReturnType<AxeBuilder['analyze']>>> {
  const builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  return (page.frames().length === 1 ? builder.setLegacyMode() : builder).analyze();
}

/**
 * The UI string `key` in `locale`, read from the locale files (the platform's and every module's)
 * at test time, with the same key-by-key English fallback as the platform: the tests follow the
 * translators.
 */
export function uiString(locale: string, key: string): string {
  const read = (dir: string, l: string): Record<string, unknown> => {
    const file = path.join(dir, `${l}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  };
  for (const l of [locale, 'en']) {
    for (const { dir } of catalogDirs()) {
      const message = read(dir, l)[key];
      if (typeof message === 'string') return message;
    }
  }
  throw new Error(`No UI string "${key}" in ${locale} or en`);
}

export function uniqueEmail(prefix = 'member'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.example.org`;
}

/** Finds the first http(s) link in a mail's text that contains `fragment`. */
export function linkIn(mail: ReceivedMail, fragment: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(fragment));
  if (!link) throw new Error(`No link with "${fragment}" in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}

/** Registers through the form, confirms through the mailed link and logs in; ends on /account. */
export async function registerVerifyAndLogIn(
  hub: Hub,
  page: Page,
  account: { name: string; email: string; password: string },
  locale = 'en',
): Promise<void> {
  await page.goto('/register');
  await page.locator('#f-name').fill(account.name);
  await page.locator('#f-email').fill(account.email);
  await page.locator('#f-password').fill(account.password);
  await page.locator('form[action="/register"] button[type="submit"]').click();
  await page
    .getByRole('heading', { level: 1, name: uiString(locale, 'register.checkEmailTitle'), exact: true })
    .waitFor();
  const mail = await hub.mail.next(account.email, 20_000);
  const confirmed = await page.goto(linkIn(mail, '/verify-email?token='));
  if (confirmed?.status() !== 200) throw new Error(`The verification link answered ${confirmed?.status()}`);
  await page.goto('/login');
  await page.locator('#f-email').fill(account.email);
  await page.locator('#f-password').fill(account.password);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL('**/account');
}

/**
 * How wide the document is, and which elements stick out of the viewport: to the right (makes the
 * page scroll sideways) or to the left (cut off, unreachable). Hidden elements, 1-px visually
 * hidden text and the content of scroll boxes are not counted.
 */
export async function horizontalOverflow(
  page: Page,
): Promise<{ scrollWidth: number; culprits: string[]; cutOffLeft: string[] }> {
  // No named helper functions inside: the bundler may wrap them in a `__name()` the page lacks.
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    const cutOffLeft: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      // Closed <details> content keeps a layout box in Chromium: skip what is not rendered.
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      // Content of a scroll box (e.g. .table-scroll) is meant to be wider: the box itself counts.
      let scroller = el.parentElement;
      while (scroller && scroller !== document.body && getComputedStyle(scroller).overflowX === 'visible') {
        scroller = scroller.parentElement;
      }
      if (scroller && scroller !== document.body) continue;
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ')[0]}` : '';
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
      if (r.right > width + 0.5) culprits.push(`${label} (right edge ${Math.round(r.right)})`);
      if (r.left < -0.5 && r.bottom > 0) cutOffLeft.push(`${label} (left edge ${Math.round(r.left)})`);
    }
    return {
      scrollWidth: document.documentElement.scrollWidth,
      culprits: culprits.slice(0, 10),
      cutOffLeft: cutOffLeft.slice(0, 10),
    };
  });
}

/**
 * Unfolds a list's filter panel the way a person on a phone does (its summary line); on a wide
 * screen the panel is open already and nothing is clicked.
 */
export async function openFilters(page: Page): Promise<void> {
  const summary = page.locator('main details.filter-panel > summary');
  if (await summary.isVisible()) {
    const open = await page
      .locator('main details.filter-panel')
      .evaluate((d) => (d as HTMLDetailsElement).open);
    if (!open) await summary.click();
  }
}
