// The operator's hub in a real browser on a phone (360 px): an administrator renames the hub and
// gives it a colour on /admin/site. A colour too light for links is refused with its ratio and the
// typed name kept; then the header, the page title and the accent (a stylesheet the strict CSP
// lets through) show the new name and colour. axe (WCAG A/AA) and no sideways scrolling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type Hub,
  horizontalOverflow,
  openPage,
  PHONE,
  runAxe,
  screenshot,
  startHub,
} from './harness.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

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

const save = (page: Page) => page.locator('form[action="/admin/site"] button[type="submit"]').click();

describe('site settings at 360 × 740', () => {
  it('renames the hub and sets its colour; the header and the title follow', async () => {
    const { page } = await openPage(hub, { viewport: PHONE });
    await page.goto('/login');
    await page.locator('#f-email').fill(ADMIN_EMAIL);
    await page.locator('#f-password').fill(ADMIN_PASSWORD);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL('**/account');

    await page.goto('/admin/site');
    await checkPage(page, 'site-01-settings');
    await page.locator('#f-names_en').fill('Mekong Makers');
    await page.locator('#f-accent').fill('#ffcc00');
    await save(page);
    await page.waitForLoadState();
    await expect.poll(() => page.locator('#f-accent-error').textContent()).toContain('1.44:1');
    expect(await page.locator('#f-names_en').inputValue()).toBe('Mekong Makers');
    await checkPage(page, 'site-02-refused');

    await page.locator('#f-accent').fill('#1a5fb4');
    await save(page);
    await page.waitForURL('**/admin/site');
    await expect.poll(() => page.locator('.brand span').textContent()).toBe('Mekong Makers');
    expect(await page.title()).toContain('Mekong Makers');
    const accent = await page.evaluate(() =>
      getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
    );
    expect(accent).toBe('#1a5fb4');

    await page.goto('/about');
    expect(await page.title()).toBe('About this hub · Mekong Makers');
    await checkPage(page, 'site-03-about');
  });
});
