// Nothing may stick out sideways on a 360 px phone: the document is never wider than the screen,
// in English and in Lao, logged out and logged in (with an API token listed on the account page).
// The header's disclosure menus, once open, must also be fully on screen.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_NAMES, LOCALES } from '../src/locales/index.ts';
import {
  DESKTOP,
  type Hub,
  horizontalOverflow,
  keptPage,
  openPage,
  PHONE,
  registerVerifyAndLogIn,
  screenshot,
  startHub,
  uiString,
  uniqueEmail,
} from './harness.ts';

let hub: Hub;
let member: { context: BrowserContext; page: Page };

beforeAll(async () => {
  hub = await startHub();
  member = await openPage(hub, { viewport: PHONE });
  await registerVerifyAndLogIn(hub, member.page, {
    // A long name without spaces is what breaks narrow headers first.
    name: 'Phetsamone Vongsavanhthongkham',
    email: uniqueEmail('layout'),
    password: 'a long enough layout password',
  });
  // A token makes the account page show its table as well.
  await member.page.locator('#token-name').fill('monthly export to the ministry');
  await member.page.getByRole('button', { name: uiString('en', 'account.createToken'), exact: true }).click();
  await member.page.locator('#new-token').waitFor();
});

afterAll(async () => {
  await member?.context.close();
  await hub?.stop();
});

const languageMenu = (page: Page) =>
  page.locator('details.menu', { has: page.locator('form[action="/language"]') });
const accountMenu = (page: Page) =>
  page.locator('details.menu', { has: page.locator('form[action="/logout"]') });

/** The platform's requirement: the document is never wider than the phone. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const { scrollWidth, culprits } = await horizontalOverflow(page);
  expect(
    scrollWidth,
    `${what} is ${scrollWidth} px wide; sticking out: ${culprits.join(', ')}`,
  ).toBeLessThanOrEqual(PHONE.width);
}

/** Nothing visible lies beyond either edge (left overflow does not scroll: it is just lost). */
async function expectAllOnScreen(page: Page, what: string) {
  const { culprits, cutOffLeft } = await horizontalOverflow(page);
  expect({ right: culprits, left: cutOffLeft }, `${what}: elements off screen`).toEqual({
    right: [],
    left: [],
  });
}

/** Makes the logged-in member's account use `lang`, through the language menu as a person would. */
async function useLanguage(page: Page, lang: 'en' | 'lo') {
  if ((await page.locator('html').getAttribute('lang')) === lang) return;
  await languageMenu(page).locator('summary').click();
  await languageMenu(page).getByRole('button', { name: LOCALE_NAMES[lang], exact: true }).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/** The pages of the library, news, press, events and groups, as the demo content fills them. */
const MODULE_PAGES = [
  '/library',
  '/library/decision-1755-qd-ttg',
  '/library/collections',
  '/news',
  '/news/hue-policy-dialogue-creative-hubs-2016',
  '/press',
  '/press?sort=outlet',
  '/events?when=past',
  '/events/calendar?month=2016-11',
  '/events/policy-dialogue-creative-hubs-hue-2016',
  '/groups',
  '/groups/mekong-digital-skills-network',
  '/countries',
  '/countries/LA',
  '/countries/KH',
];

describe.each(['en', 'lo'] as const)('no horizontal overflow at 360 px in %s', (lang) => {
  for (const path of [
    '/',
    '/login',
    '/register',
    '/search',
    '/search?q=silk+%22film+festival%22+-x',
    '/directory',
    '/directory/stella',
    '/directory/people',
    '/directory/people/viengeo-souksavatdy',
    ...MODULE_PAGES,
  ]) {
    it(`${path} fits, also with the language menu open`, async () => {
      // A visitor's page, kept from test to test (see keptPage()).
      const page = await keptPage(hub, { viewport: PHONE, lang: lang === 'lo' ? 'lo' : undefined });
      await page.goto(path);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      await expectNoSidewaysScroll(page, `${path} (${lang})`);
      await expectAllOnScreen(page, `${path} (${lang})`);
      await languageMenu(page).locator('summary').click();
      await expectNoSidewaysScroll(page, `${path} (${lang}) with the language menu open`);
    });
  }

  it('/account (logged in) fits, also with each menu open', async () => {
    const { page } = member;
    await page.goto('/account');
    // The account's own language wins over the cookie: switch it the way a member would.
    await useLanguage(page, lang);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('.token-list li').count()).toBe(1);
    await screenshot(page, `layout-account-${lang}-360`);
    await expectNoSidewaysScroll(page, `/account (${lang})`);
    await expectAllOnScreen(page, `/account (${lang})`);
    for (const [name, menu] of [
      ['language', languageMenu(page)],
      ['account', accountMenu(page)],
    ] as const) {
      await menu.locator('summary').click();
      await expectNoSidewaysScroll(page, `/account (${lang}) with the ${name} menu open`);
      await menu.locator('summary').click();
    }
  });
});

describe('open header menus are fully on screen at 360 px', () => {
  it('the account menu (logged in)', async () => {
    const { page } = member;
    await page.goto('/account');
    await accountMenu(page).locator('summary').click();
    await expectAllOnScreen(page, 'account menu on /account');
    await accountMenu(page).locator('summary').click();
  });

  // On a phone the language button is at the left edge of the wrapped header: its panel must span
  // the header rather than hang off the button (it once opened 80 px off screen).
  for (const [where, path] of [
    ['logged out, on /login', '/login'],
    ['logged in, on /account', '/account'],
  ] as const) {
    it(`the language menu (${where})`, async () => {
      const loggedIn = path === '/account';
      const { context, page } = loggedIn ? { ...member, context: undefined } : await openPage(hub);
      try {
        await page.goto(path);
        await languageMenu(page).locator('summary').click();
        await languageMenu(page).getByRole('button', { name: LOCALE_NAMES.lo, exact: true }).waitFor();
        await screenshot(page, `layout-language-menu-${loggedIn ? 'account' : 'login'}-360`);
        const { culprits, cutOffLeft } = await horizontalOverflow(page);
        expect(culprits, `language menu ${where}: off the right edge`).toEqual([]);
        expect(cutOffLeft, `language menu ${where}: off the left edge`).toEqual([]);
      } finally {
        if (loggedIn) await languageMenu(page).locator('summary').click();
        await context?.close();
      }
    });
  }
});

// Every language of the interface, not only English and Lao: Khmer and Burmese words are long and
// unbreakable, Vietnamese labels are longer than English ones. The lists and an event page.
// English and Lao are checked above with the language menu open too. The home page and the forum too.
describe.each(LOCALES.filter((l) => l !== 'en' && l !== 'lo'))(
  'the module pages fit 360 px in %s',
  (lang) => {
    for (const path of [
      '/',
      '/library',
      '/news',
      '/press',
      '/events?when=past',
      '/events/policy-dialogue-creative-hubs-hue-2016',
      '/forum',
      '/forum/c/policy',
    ]) {
      it(`${path} fits`, async () => {
        const page = await keptPage(hub, { viewport: PHONE, lang });
        await page.goto(path);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        await expectNoSidewaysScroll(page, `${path} (${lang})`);
        await expectAllOnScreen(page, `${path} (${lang})`);
      });
    }
  },
);

// The lists with filters: on a phone the filters fold into one line above the results, so the
// first screen shows how many there are and the first of them; on a wide screen the filters are
// open beside nothing to unfold. Khmer is the longest of the interface's languages.
describe.each(['en', 'km'] as const)('filters fold above the results on a phone in %s', (lang) => {
  for (const path of ['/directory', '/directory/people', '/library', '/news', '/press', '/events']) {
    it(`${path}: results on the first screen at 360 px, filters open at 1280 px`, async () => {
      const cookie = lang === 'en' ? undefined : lang;
      const phone = await keptPage(hub, { viewport: PHONE, lang: cookie });
      await phone.goto(path);
      const panel = phone.locator('main details.filter-panel');
      expect(await panel.count(), `${path} has a filter panel`).toBe(1);
      expect(await panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      const count = phone.locator('main [role="status"]').first();
      const box = await count.boundingBox();
      expect(box && box.y + box.height, `${path}: the count is on the first screen`).toBeLessThanOrEqual(
        PHONE.height,
      );
      // Unfolded by keyboard, every filter is there.
      await panel.locator('summary').focus();
      await phone.keyboard.press('Enter');
      expect(await panel.locator('select, input').first().isVisible()).toBe(true);
      await screenshot(phone, `filters-${path.replaceAll('/', '-').slice(1)}-${lang}-360`);

      const desktop = await keptPage(hub, { viewport: DESKTOP, lang: cookie });
      await desktop.goto(path);
      const widePanel = desktop.locator('main details.filter-panel');
      expect(await widePanel.locator('summary').isVisible()).toBe(false);
      expect(await widePanel.locator('select, input').first().isVisible()).toBe(true);
    });
  }
});
