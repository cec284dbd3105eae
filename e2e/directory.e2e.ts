// The directory in a real browser on a phone: a member adds an organisation through the form,
// filters the directory down to it, finds it on the map, follows the map to its page, and
// downloads the selection as CSV. UI strings come from the locale files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadedBytes,
  type Hub,
  openFilters,
  openPage,
  PHONE,
  registerVerifyAndLogIn,
  screenshot,
  startHub,
  uiString,
  uniqueEmail,
} from './harness.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

const en = (key: string) => uiString('en', key);

describe('directory journey at 360 × 740', () => {
  it('adds an organisation, filters to it, sees it on the map and exports the selection', async () => {
    const { context, page } = await openPage(hub, { viewport: PHONE });
    try {
      await registerVerifyAndLogIn(hub, page, {
        name: 'Kanha Directory',
        email: uniqueEmail('directory'),
        password: 'a long enough directory password',
      });
      await page.goto('/directory');
      await screenshot(page, 'dir-01-directory');
      await page.getByRole('link', { name: en('directory.add'), exact: true }).click();
      await page.locator('#f-kind').selectOption('artisan_group');
      await page.locator('#f-name').fill('Takeo Silk Weavers Group');
      await page.locator('#f-description').fill('Hand-woven **silk** from Takeo province.');
      await page.locator('#f-country').selectOption('KH');
      await page.locator('#f-city').fill('Takeo');
      await page.locator('#f-latitude').fill('10.9908');
      await page.locator('#f-longitude').fill('104.7850');
      await page.getByLabel(en('vocab.domain.visual_arts_crafts'), { exact: true }).check();
      await screenshot(page, 'dir-02-form');
      await page.locator('form.org-form button[type="submit"]').click();
      await page.waitForURL('**/directory/takeo-silk-weavers-group');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
        'Takeo Silk Weavers Group',
      );
      await screenshot(page, 'dir-03-profile');

      // Filter the directory to it: Cambodia, artisans.
      await page.goto('/directory');
      await openFilters(page);
      await page.locator('#filter-country').selectOption('KH');
      await page.locator('#filter-kind').selectOption('artisan_group');
      await page.getByRole('button', { name: en('list.filter'), exact: true }).click();
      await page.waitForURL(/country=KH/);
      expect(new URL(page.url()).searchParams.get('kind')).toBe('artisan_group');
      const cards = page.locator('.org-card');
      expect(await cards.count()).toBe(1);
      expect(await cards.first().textContent()).toContain('Takeo Silk Weavers Group');
      await screenshot(page, 'dir-04-filtered');

      // On the map: one point, linking to the profile.
      const point = page.locator('.map-points a');
      expect(await point.count()).toBe(1);
      expect(await point.locator('title').textContent()).toContain('Takeo Silk Weavers Group');
      await point.locator('circle').click();
      await page.waitForURL('**/directory/takeo-silk-weavers-group');

      // The selection as CSV.
      await page.goBack();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'CSV', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^creative-hub-directory-[\d-]+\.csv$/);
      const csv = (await downloadedBytes(download)).toString('utf8');
      expect(csv.split('\r\n').filter(Boolean)).toHaveLength(2);
      expect(csv).toContain('Takeo Silk Weavers Group');
    } finally {
      await context.close();
    }
  });
});
