// A new member's first visit on a small phone: home → Join → register → confirmation mail → log in
// → switch to Lao → log out. Every UI string is read from the locale files, never hard-coded, so
// the test follows the translators. Screenshots go to e2e/artifacts/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Hub, linkIn, openPage, PHONE, screenshot, startHub, uiString, uniqueEmail } from './harness.ts';

let hub: Hub;

beforeAll(async () => {
  hub = await startHub();
});

afterAll(async () => {
  await hub?.stop();
});

const en = (key: string) => uiString('en', key);
const lo = (key: string) => uiString('lo', key);

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

describe('keyboard', () => {
  it('reaches the skip link with the first Tab, and Enter moves to the main content', async () => {
    const { context, page } = await openPage(hub, { viewport: PHONE });
    try {
      await page.goto('/');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return el
          ? { tag: el.tagName, cls: el.className, href: el.getAttribute('href'), text: el.textContent }
          : null;
      });
      expect(focused).toMatchObject({ tag: 'A', cls: 'skip-link', href: '#main' });
      expect(focused?.text?.trim()).toBe(en('layout.skipToContent'));
      // The focused skip link must be on screen, not just in the DOM.
      const box = await page.locator('.skip-link').boundingBox();
      expect(box, 'skip link has a box').not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
      await screenshot(page, '00-skip-link-focused');

      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.hash === '#main');
      const active = await page.evaluate(() => document.activeElement?.id);
      expect(active).toBe('main');
    } finally {
      await context.close();
    }
  });
});

describe('account journey at 360 × 740', () => {
  it('joins, confirms the address, logs in, switches to Lao and logs out', async () => {
    const { context, page } = await openPage(hub, { viewport: PHONE });
    const email = uniqueEmail('journey');
    const password = 'a long enough journey password';
    const name = 'Somchai Journey';
    try {
      // 1. Home
      await page.goto('/');
      await h1(page, 'Creative Hub').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await screenshot(page, '01-home');

      // 2. Follow "Join" in the header, fill the form
      await page
        .locator('header')
        .getByRole('link', { name: en('layout.register'), exact: true })
        .click();
      await page.waitForURL('**/register');
      await h1(page, en('register.title')).waitFor();
      await page.getByLabel(en('register.name')).fill(name);
      await page.getByLabel(en('register.email')).fill(email);
      await page.getByLabel(en('register.password')).fill(password);
      await screenshot(page, '02-register');

      // 3. Submit → "check your email"
      await page.getByRole('button', { name: en('register.submit'), exact: true }).click();
      await h1(page, en('register.checkEmailTitle')).waitFor();
      expect(await page.locator('main').textContent()).toContain(email);
      await screenshot(page, '03-check-email');

      // 4. The mail arrives at the SMTP peer; its link confirms the address
      const mail = await hub.mail.next(email, 20_000);
      expect(mail.subject).toBe(en('mail.verify.subject').replace('{siteName}', 'Creative Hub'));
      expect(mail.text).toContain(name);
      const link = linkIn(mail, '/verify-email?token=');
      expect(link.startsWith(`${hub.baseUrl}/verify-email?token=`)).toBe(true);
      const confirmed = await page.goto(link);
      expect(confirmed?.status()).toBe(200);
      await h1(page, en('verify.doneTitle')).waitFor();
      await screenshot(page, '04-confirmed');

      // 5. Log in through the form (reached from the confirmation page's button)
      await page
        .locator('main')
        .getByRole('link', { name: en('layout.logIn'), exact: true })
        .click();
      await page.waitForURL('**/login');
      await h1(page, en('login.title')).waitFor();
      await page.getByLabel(en('login.email')).fill(email);
      await page.getByLabel(en('login.password')).fill(password);
      await screenshot(page, '05-login');
      await page
        .locator('main')
        .getByRole('button', { name: en('login.submit'), exact: true })
        .click();

      // 6. The account page
      await page.waitForURL('**/account');
      await h1(page, en('account.title')).waitFor();
      expect(await page.locator('main').textContent()).toContain(email);
      await screenshot(page, '06-account');

      // 7. Language switcher: open the <details> by its <summary>, press ລາວ
      const languageMenu = page.locator('details.menu', { has: page.locator('form[action="/language"]') });
      await languageMenu.locator('summary').click();
      const laoButton = languageMenu.getByRole('button', { name: 'ລາວ', exact: true });
      await laoButton.waitFor({ state: 'visible' });
      await screenshot(page, '06b-language-menu-open');
      await laoButton.click();
      await page.locator('html[lang="lo"]').waitFor({ state: 'attached' });
      expect(page.url()).toBe(`${hub.baseUrl}/account`);
      expect(await page.locator('html').getAttribute('lang')).toBe('lo');
      await h1(page, lo('account.title')).waitFor();
      expect(await languageMenu.locator('summary').textContent()).toContain('ລາວ');
      // The account menu's own strings are Lao too.
      const accountMenu = page.locator('details.menu', { has: page.locator('form[action="/logout"]') });
      await accountMenu.locator('summary').click();
      const logOut = accountMenu.getByRole('button', { name: lo('layout.logOut'), exact: true });
      await logOut.waitFor({ state: 'visible' });
      expect(await accountMenu.getByRole('link', { name: lo('layout.myAccount'), exact: true }).count()).toBe(
        1,
      );
      await screenshot(page, '07b-account-menu-lao');
      // Close the menu again for the page screenshot.
      await accountMenu.locator('summary').click();
      await screenshot(page, '07-account-lao');

      // 8. Log out through the account menu
      await accountMenu.locator('summary').click();
      await logOut.click();
      await page.waitForURL(`${hub.baseUrl}/`);
      const loggedOutLink = page
        .locator('header')
        .getByRole('link', { name: lo('layout.logIn'), exact: true });
      await loggedOutLink.waitFor({ state: 'visible' });
      expect(await page.locator('html').getAttribute('lang')).toBe('lo');
      expect(await page.locator('form[action="/logout"]').count()).toBe(0);
      expect((await page.getByRole('status').textContent())?.trim()).toBe(lo('logout.done'));
      await screenshot(page, '08-logged-out');

      // The session really is gone: the account page asks for a login.
      await page.goto('/account');
      await page.waitForURL('**/login?next=%2Faccount');
    } finally {
      await context.close();
    }
  });
});
