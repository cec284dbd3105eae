// The end-to-end harness: a real SMTP peer (the one of the integration tests), the platform itself as a
// child process (`node --import tsx src/main.ts start`, e2e/platform.ts) on a fresh data directory,
// and Debian's Chromium driven by playwright-core. `startHub()` starts the first two and connects to
// the run's browser, launched once by e2e/global-setup.ts (`launchBrowserServer()`); `hub.stop()`
// ends them, removes the data directory and leaves the browser — also when a start-up step fails
// half-way.
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserServer,
  chromium,
  type Download,
  type Page,
} from 'playwright-core';
import { inject } from 'vitest';
import { LOCALE_NAMES, type Locale } from '../src/locales/index.ts';
import { catalogDirs } from '../src/platform/i18n.ts';
import { type ReceivedMail, SmtpPeer } from '../test/smtp-peer.ts';
import { type Platform, ROOT, startPlatform } from './platform.ts';

export { ADMIN_EMAIL, ADMIN_PASSWORD, hubCommand, ROOT } from './platform.ts';
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

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

/** The run's Chromium, which each file's hub connects to (e2e/global-setup.ts). */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// ── Everything together ───────────────────────────────────────────────────────

export interface Hub {
  baseUrl: string;
  mail: SmtpPeer;
  platform: Platform;
  browser: Browser;
  stop: () => Promise<void>;
}

/** `env`: settings of the platform beside those of every run (e.g. OIDC_* for a provider). */
export async function startHub(options: { env?: Record<string, string> } = {}): Promise<Hub> {
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
    const platform = await startPlatform({ smtpUrl, env: options.env });
    cleanups.push(async () => {
      await platform.stop();
      // LOG_LEVEL=warn: whatever the platform logged (JSON lines) is worth seeing.
      const logged = platform
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      if (logged.length) console.warn(`The platform logged:\n${logged.join('\n')}`);
    });
    // Closing a connected browser closes this file's contexts and disconnects; the browser stays.
    const browser = await chromium.connect(inject('e2eBrowser'));
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

export interface PageOptions {
  viewport?: { width: number; height: number };
  lang?: string;
  colorScheme?: 'light' | 'dark';
  storageState?: StorageState;
}

/**
 * A fresh context (own cookies) and page. `lang: 'lo'` sets the hub's language cookie;
 * `storageState` starts with the cookies of an earlier context (e.g. a logged-in member).
 */
export async function openPage(
  hub: Hub,
  options: PageOptions = {},
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

const keptPages = new WeakMap<Hub, Map<string, Promise<{ context: BrowserContext; page: Page }>>>();

/**
 * A page in the state `options` describe (as openPage() makes it), kept for the tests of the file
 * that ask for the same state: for tests that each load a page (`page.goto()`) and look at it, one
 * after another, as a visitor does. A new context and page cost more than the check of many a
 * page, and a page is a new document all the same: the only cookie the platform sets on a GET is
 * the visitor's CSRF token, which changes nothing on a page. Tests that change what the next test
 * would see (sign in or out, a setting) get their own (openPage()). The hub's stop() closes them.
 */
export async function keptPage(hub: Hub, options: PageOptions = {}): Promise<Page> {
  const pages = keptPages.get(hub) ?? new Map();
  keptPages.set(hub, pages);
  const key = JSON.stringify(options);
  let opened = pages.get(key);
  // A page a failed test left closed is replaced.
  if (!opened || (await opened.catch(() => undefined))?.page.isClosed()) {
    opened = openPage(hub, options);
    pages.set(key, opened);
  }
  return (await opened).page;
}

/**
 * The bytes of a finished download. (The browser runs in another process: `download.path()` is not
 * available to a connected client, the stream is.)
 */
export async function downloadedBytes(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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

/** Switches the page's language with the header's language menu, as a reader does, and waits for it. */
export async function switchLanguage(page: Page, lang: Locale): Promise<void> {
  const menu = page.locator('details.menu', { has: page.locator('form[action="/language"]') });
  await menu.locator('summary').click();
  await menu.getByRole('button', { name: LOCALE_NAMES[lang], exact: true }).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
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
