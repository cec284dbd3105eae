// axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on every kind of page (home, sign-in, directory,
// library, news, press, events, search, the report form, the account page of a logged-in member):
// each in English and in Lao on a 360 px phone — the Lao run checks what a language changes (lang
// attributes, longer words, other line breaks) — and in English on a 1280 px desktop where the wide
// layout differs (WIDE_LAYOUTS). Plus the error state in dark mode. Fails on `serious` and `critical` violations; prints
// the moderate and minor ones, and what axe could not decide ("incomplete") for a human to check.
import { IntlMessageFormat } from 'intl-messageformat';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  type Hub,
  keptPage,
  openPage,
  PHONE,
  registerVerifyAndLogIn,
  runAxe,
  type StorageState,
  screenshot,
  startHub,
  switchLanguage,
  uiString,
  uniqueEmail,
} from './harness.ts';

const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  page: string;
  impact: string;
  rule: string;
  help: string;
  targets: string[];
}

let hub: Hub;
/** Cookies of a logged-in member, for the account page. */
let member: StorageState;
const reported: Finding[] = [];

beforeAll(async () => {
  hub = await startHub();
  const { context, page } = await openPage(hub);
  await registerVerifyAndLogIn(hub, page, {
    name: 'Axe Member',
    email: uniqueEmail('axe'),
    password: 'a long enough axe password',
  });
  // With a token the account page also shows its table of tokens.
  await page.locator('#token-name').fill('monthly export');
  await page.getByRole('button', { name: uiString('en', 'account.createToken'), exact: true }).click();
  await page.locator('#new-token').waitFor();
  member = await context.storageState();
  await context.close();
});

afterAll(async () => {
  if (reported.length) {
    const lines = reported.map(
      (f) => `  [${f.impact}] ${f.page}: ${f.rule} — ${f.help}\n      ${f.targets.join('\n      ')}`,
    );
    console.info(`axe: non-blocking findings (moderate/minor):\n${lines.join('\n')}`);
  } else {
    console.info('axe: no moderate or minor findings either.');
  }
  await hub?.stop();
});

type PageCase = {
  name: string;
  /** Needs the logged-in member. */
  member?: boolean;
  /** Brings the page into the state to check. */
  open: (page: Page, lang: 'en' | 'lo') => Promise<void>;
};

const PAGES: PageCase[] = [
  { name: 'home', open: async (page) => void (await page.goto('/')) },
  { name: 'login', open: async (page) => void (await page.goto('/login')) },
  { name: 'register', open: async (page) => void (await page.goto('/register')) },
  { name: 'directory', open: async (page) => void (await page.goto('/directory')) },
  { name: 'directory-profile', open: async (page) => void (await page.goto('/directory/lao-mict')) },
  { name: 'people', open: async (page) => void (await page.goto('/directory/people')) },
  {
    name: 'person-profile',
    open: async (page) => void (await page.goto('/directory/people/viengeo-souksavatdy')),
  },
  {
    name: 'report-form',
    member: true,
    open: async (page) => void (await page.goto('/report?type=organisation&key=stella')),
  },
  // The member's notifications: the inbox with the bell, the choices per kind, what one follows.
  { name: 'notifications', member: true, open: async (page) => void (await page.goto('/notifications')) },
  {
    name: 'notification-settings',
    member: true,
    open: async (page) => void (await page.goto('/notifications/settings')),
  },
  {
    name: 'following',
    member: true,
    open: async (page) => void (await page.goto('/notifications/following')),
  },
  { name: 'search-results', open: async (page) => void (await page.goto('/search?q=hue')) },
  { name: 'library', open: async (page) => void (await page.goto('/library')) },
  { name: 'library-document', open: async (page) => void (await page.goto('/library/decision-1755-qd-ttg')) },
  { name: 'library-collections', open: async (page) => void (await page.goto('/library/collections')) },
  { name: 'news', open: async (page) => void (await page.goto('/news')) },
  {
    name: 'news-post',
    open: async (page) => void (await page.goto('/news/hue-policy-dialogue-creative-hubs-2016')),
  },
  { name: 'press', open: async (page) => void (await page.goto('/press?sort=outlet')) },
  { name: 'groups', open: async (page) => void (await page.goto('/groups')) },
  { name: 'group', open: async (page) => void (await page.goto('/groups/mekong-digital-skills-network')) },
  { name: 'events-past', open: async (page) => void (await page.goto('/events?when=past')) },
  // The countries, and a country's page made of every module's blocks (its map among them).
  { name: 'countries', open: async (page) => void (await page.goto('/countries')) },
  { name: 'country', open: async (page) => void (await page.goto('/countries/LA')) },
  // The forum, the network's partner search, and a page the operator wrote.
  { name: 'forum', open: async (page) => void (await page.goto('/forum')) },
  { name: 'forum-category', open: async (page) => void (await page.goto('/forum/c/policy')) },
  { name: 'network-find', member: true, open: async (page) => void (await page.goto('/network/find')) },
  { name: 'about', open: async (page) => void (await page.goto('/about')) },
  { name: 'events-calendar', open: async (page) => void (await page.goto('/events/calendar?month=2016-11')) },
  {
    name: 'event',
    open: async (page) => void (await page.goto('/events/policy-dialogue-creative-hubs-hue-2016')),
  },
  // "Nothing found", with its facets column, and the tips.
  { name: 'search', open: async (page) => void (await page.goto('/search')) },
  {
    name: 'search-nothing-found',
    open: async (page) =>
      void (await page.goto('/search?q=%E0%BA%9C%E0%BB%89%E0%BA%B2%E0%BB%84%E0%BB%9D+silk')),
  },
  {
    name: 'register-errors',
    open: async (page, lang) => {
      await page.goto('/register');
      // A browser without constraint validation (or a user agent that ignores it) sends the form
      // as it is; the server must answer with the errors. `novalidate` makes Chromium do that.
      const form = page.locator('form[action="/register"]');
      await form.evaluate((f) => f.setAttribute('novalidate', ''));
      await page.locator('#f-name').fill('   ');
      await page.locator('#f-email').fill('not-an-email');
      await page.locator('#f-password').fill('short');
      await form.locator('button[type="submit"]').click();
      const summary = page.locator('main [role="alert"]');
      await summary.waitFor({ state: 'visible' });
      // The summary counts the three errors; every field says what is wrong and is linked to it.
      const fixErrors = new IntlMessageFormat(uiString(lang, 'form.fixErrors'), lang).format({ count: 3 });
      expect((await summary.textContent())?.trim()).toBe(fixErrors);
      for (const [field, key] of [
        ['name', 'form.required'],
        ['email', 'form.invalidEmail'],
        ['password', 'accounts.passwordTooShort'],
      ] as const) {
        const input = page.locator(`#f-${field}`);
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await input.getAttribute('aria-describedby')).toContain(`f-${field}-error`);
        expect((await page.locator(`#f-${field}-error`).textContent())?.trim()).toBe(uiString(lang, key));
      }
      // Typed values are kept (except the password).
      expect(await page.locator('#f-email').inputValue()).toBe('not-an-email');
      expect(await page.locator('#f-password').inputValue()).toBe('');
    },
  },
];

const ACCOUNT: PageCase = {
  name: 'account',
  member: true,
  open: async (page, lang) => {
    await page.goto('/account');
    // The member's own language setting wins over the cookie: switch it with the language menu.
    if ((await page.locator('html').getAttribute('lang')) !== lang) await switchLanguage(page, lang);
    await page.locator('.token-list li').first().waitFor();
  },
};

const VIEWPORTS = [
  { label: '360', size: PHONE },
  { label: '1280', size: DESKTOP },
] as const;

async function checkWithAxe(
  pageCase: PageCase,
  lang: 'en' | 'lo',
  viewport: { label: string; size: { width: number; height: number } },
  colorScheme: 'light' | 'dark' = 'light',
) {
  // One page per state (viewport, language, colour scheme, the member or a visitor) for the run.
  const page = await keptPage(hub, {
    viewport: viewport.size,
    lang: lang === 'lo' ? 'lo' : undefined,
    colorScheme,
    storageState: pageCase.member ? member : undefined,
  });
  await pageCase.open(page, lang);
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);
  const scheme = colorScheme === 'dark' ? '-dark' : '';
  await screenshot(page, `a11y-${pageCase.name}-${lang}-${viewport.label}${scheme}`);
  const results = await runAxe(page);
  const where = `${pageCase.name} ${lang} ${viewport.label}px${scheme}`;
  const blocking: string[] = [];
  for (const v of results.violations) {
    if (BLOCKING.has(v.impact ?? '')) {
      blocking.push(
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes
          .map((n) => `    ${n.target.join(' ')}\n      ${n.html}\n      ${n.failureSummary ?? ''}`)
          .join('\n')}`,
      );
    } else {
      reported.push({
        page: where,
        impact: v.impact ?? 'unknown',
        rule: v.id,
        help: v.help,
        targets: v.nodes.map((n) => `${n.target.join(' ')}  ${n.html}`),
      });
    }
  }
  if (results.incomplete.length) {
    const list = results.incomplete.map((i) => `${i.id} (${i.nodes.length})`).join(', ');
    console.info(`axe ${where}: for a human to check — ${list}`);
  }
  expect(blocking, `axe on ${where}:\n${blocking.join('\n')}`).toEqual([]);
}

/**
 * The pages whose wide layout differs from the phone's in what axe looks at (columns side by side,
 * tables, the map, the filter panel open, the header in one line): checked at 1280 px too.
 */
const WIDE_LAYOUTS = new Set([
  'home',
  'directory',
  'library',
  'events-calendar',
  'event',
  'country',
  'search-results',
  'register-errors',
  'account',
]);

const RUNS = [
  { lang: 'en', viewport: VIEWPORTS[0], pages: [...PAGES, ACCOUNT] },
  { lang: 'en', viewport: VIEWPORTS[1], pages: [...PAGES, ACCOUNT].filter((p) => WIDE_LAYOUTS.has(p.name)) },
  { lang: 'lo', viewport: VIEWPORTS[0], pages: [...PAGES, ACCOUNT] },
] as const;

describe.each(RUNS)('axe in $lang at $viewport.label px', ({ lang, viewport, pages }) => {
  for (const pageCase of pages) {
    it(`${pageCase.name} has no serious or critical violations`, () =>
      checkWithAxe(pageCase, lang, viewport));
  }
});

describe('axe in dark mode (prefers-color-scheme: dark)', () => {
  const registerErrors = PAGES.find((p) => p.name === 'register-errors')!;
  for (const lang of ['en', 'lo'] as const) {
    it(`register-errors in ${lang} at 360 px has no serious or critical violations`, () =>
      checkWithAxe(registerErrors, lang, VIEWPORTS[0], 'dark'));
  }
});
