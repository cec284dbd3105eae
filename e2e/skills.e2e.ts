// A skills survey answered on a phone (360 × 740) with the connection lost half-way: an admin opens
// the demo survey, a respondent answers the first section online, goes offline (the browser's
// offline mode), answers the next section — kept on the device while the next one opens from the
// service worker's copy — and comes back online: the kept answers arrive on the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type Hub, openPage, PHONE, screenshot, startHub } from './harness.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

describe('a skills survey on a bad connection at 360 × 740', () => {
  it('keeps the answers typed offline and sends them when the connection is back', async () => {
    const admin = await openPage(hub, { viewport: PHONE });
    let surveyPath = '';
    try {
      await admin.page.goto('/login');
      await admin.page.locator('#f-email').fill(ADMIN_EMAIL);
      await admin.page.locator('#f-password').fill(ADMIN_PASSWORD);
      await admin.page.locator('form[action="/login"] button[type="submit"]').click();
      await admin.page.waitForURL('**/account');
      await admin.page.goto('/skills');
      await admin.page.getByRole('link', { name: /Mekong cluster/ }).click();
      surveyPath = new URL(admin.page.url()).pathname;
      await admin.page.getByRole('button', { name: 'Open for answers' }).click();
      await admin.page.getByText('open for answers').first().waitFor();
    } finally {
      await admin.context.close();
    }

    const { context, page } = await openPage(hub, { viewport: PHONE });
    try {
      await page.goto(surveyPath);
      await page.getByRole('button', { name: 'Answer the survey' }).click();
      await page.waitForURL(/\/skills\/r\/[\w-]+\/0$/);
      await page.getByLabel('Which role is closest to your work?').selectOption('artisan');
      await page.getByLabel('Country').selectOption('LA');
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/\/1$/);
      const section1 = page.url();
      const section2 = section1.replace(/\/1$/, '/2');
      // The service worker controls the page and holds the next section for the way offline.
      await page.waitForFunction(
        async (next) =>
          !!navigator.serviceWorker.controller && !!(await caches.match(new URL(next).pathname)),
        section2,
        { timeout: 15_000 },
      );

      await context.setOffline(true);
      const groups = page.locator('fieldset.competence');
      await expect(groups.count()).resolves.toBe(3);
      for (let i = 0; i < 3; i++) {
        const group = groups.nth(i);
        await group.getByRole('radio', { name: '5 · Essential' }).check();
        await group.getByRole('combobox').selectOption(String(i + 1));
      }
      await page.getByRole('button', { name: 'Save and continue' }).click();
      await page.waitForURL(/\/2$/);
      await page.getByRole('heading', { level: 1, name: 'Communication and collaboration' }).waitFor();
      await screenshot(page, 'skills-offline-section-2');

      await context.setOffline(false);
      await page.getByText('The answers kept on this device have been sent.').waitFor({ timeout: 15_000 });
      await page.goto(section1);
      for (let i = 0; i < 3; i++) {
        const group = groups.nth(i);
        await expect(group.getByRole('radio', { name: '5 · Essential' }).isChecked()).resolves.toBe(true);
        await expect(group.getByRole('combobox').inputValue()).resolves.toBe(String(i + 1));
      }
    } finally {
      await context.close();
    }
  });
});
