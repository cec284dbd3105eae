// Press coverage in a real browser on a phone: the demo clippings of the Hue policy dialogue,
// filtered to one outlet; a clipping's page; an administrator adds a clipping with a screenshot
// through the form (after a refused javascript: link comes back with the message and the input
// kept), using the keyboard for the date. axe (WCAG A/AA) on each page and no sideways scrolling at
// 360 px.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type Hub,
  horizontalOverflow,
  openFilters,
  openPage,
  PHONE,
  runAxe,
  screenshot,
  startHub,
  uiString,
} from './harness.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

const en = (key: string) => uiString('en', key);

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  const overflow = await horizontalOverflow(page);
  expect(overflow.culprits, name).toEqual([]);
  const results = await runAxe(page);
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

describe('press journey at 360 × 740', () => {
  it('reads the demo coverage, filters it, and adds a clipping with a screenshot', async () => {
    const { page } = await openPage(hub, { viewport: PHONE });
    await page.goto('/press');
    expect(await page.locator('.clipping-card').count()).toBe(9);
    await checkPage(page, 'press-01-list');

    await openFilters(page);
    await page.locator('#filter-outlet').selectOption('Song Huong Magazine');
    await page.getByRole('button', { name: en('list.filter'), exact: true }).click();
    await page.waitForURL(/outlet=Song\+Huong\+Magazine/);
    expect(await page.locator('.clipping-card').count()).toBe(2);

    await page.locator('.clipping-card a').first().click();
    await page.waitForURL(/\/press\/\d+$/);
    expect(await page.locator('h1').getAttribute('lang')).toBe('vi');
    await checkPage(page, 'press-02-clipping');

    await page.goto('/login');
    await page.locator('#f-email').fill(ADMIN_EMAIL);
    await page.locator('#f-password').fill(ADMIN_PASSWORD);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL('**/account');

    await page.goto('/press/new');
    await checkPage(page, 'press-03-form');
    await page.locator('#f-title').fill('ສູນສ້າງສັນ ສະເຕລລາ ເປີດແລ້ວ');
    await page.locator('#f-lang').selectOption('lo');
    await page.locator('#f-url').fill('https://example.org/stella');
    // The date by keyboard, as a person without a pointer enters it.
    await page.locator('#f-published_on').focus();
    await page.keyboard.type('06232017');
    await page.locator('#f-outlet').fill('Pasaxon');
    await page.locator('#f-tr-title-0').fill('STELLA creative hub opens');
    await page.locator('#f-tr-lang-0').selectOption('en');
    const png = await sharp({ create: { width: 1280, height: 900, channels: 3, background: '#336699' } })
      .png()
      .toBuffer();
    await page
      .locator('#f-screenshot')
      .setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });
    // A javascript: link is refused by the server (the browser's own check is bypassed here).
    await page.locator('#f-url').evaluate((el) => {
      (el as HTMLInputElement).type = 'text';
      (el as HTMLInputElement).value = 'javascript:alert(1)';
    });
    await page.locator('form.clipping-form button[type="submit"]').click();
    await page.locator('#f-url-error').waitFor();
    expect(await page.locator('#f-title').inputValue()).toBe('ສູນສ້າງສັນ ສະເຕລລາ ເປີດແລ້ວ');
    await checkPage(page, 'press-04-form-error');

    await page.locator('#f-url').fill('https://example.org/stella');
    await page
      .locator('#f-screenshot')
      .setInputFiles({ name: 'shot.png', mimeType: 'image/png', buffer: png });
    await page.locator('form.clipping-form button[type="submit"]').click();
    await page.waitForURL(/\/press\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('ສູນສ້າງສັນ ສະເຕລລາ ເປີດແລ້ວ');
    expect(await page.locator('.lead').textContent()).toContain('STELLA creative hub opens');
    expect(await page.locator('time').getAttribute('datetime')).toBe('2017-06-23');
    expect(
      await page.locator('figure.screenshot img').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(320);
    await checkPage(page, 'press-05-added');
  });
});
