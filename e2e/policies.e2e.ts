// Policies and measures in a real browser at 360 × 740, in Vietnamese: the demo measures filtered by
// value-chain stage through the filter panel, the comparison of Viet Nam, Lao PDR and Cambodia picked
// with the form (no script needed), and the filtered selection exported as XLSX — read back as a
// real workbook with the rows. axe (WCAG A/AA) and no sideways scrolling on each page.
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadedBytes,
  type Hub,
  horizontalOverflow,
  openFilters,
  openPage,
  PHONE,
  runAxe,
  screenshot,
  startHub,
  switchLanguage,
  uiString,
} from './harness.ts';

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub?.stop();
});

const vi = (key: string) => uiString('vi', key);

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  const overflow = await horizontalOverflow(page);
  expect(overflow.culprits, name).toEqual([]);
  const blocking = (await runAxe(page)).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

describe('policies and measures at 360 × 740 in Vietnamese', () => {
  it('filters by value-chain stage, compares three countries and exports the selection as XLSX', async () => {
    const { context, page } = await openPage(hub, { viewport: PHONE });
    try {
      await page.goto('/measures');
      await switchLanguage(page, 'vi');
      expect(await page.locator('h1').textContent()).toContain(vi('policies.title'));
      const all = await page.locator('.measure-card').count();
      expect(all).toBeGreaterThanOrEqual(5);
      await checkPage(page, 'policies-01-list');

      await openFilters(page);
      await page.locator('#filter-stage').selectOption('distribution');
      await page.getByRole('button', { name: vi('list.filter'), exact: true }).click();
      await page.waitForURL(/stage=distribution/);
      expect(await page.locator('.measure-card').count()).toBe(1);
      expect(await page.locator('.measure-card h2').textContent()).toContain('STELLA');
      await checkPage(page, 'policies-02-filtered');

      // The selection as XLSX: a real workbook with the heading and the one row.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'XLSX', exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/measures.*\.xlsx$/);
      const bytes = await downloadedBytes(download);
      expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a ZIP container, as XLSX is
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(bytes).buffer);
      const sheet = wb.worksheets[0];
      expect(sheet?.rowCount).toBe(2);
      expect(sheet?.getRow(1).getCell(1).value).toBe('country');
      expect(sheet?.getRow(2).getCell(1).value).toBe('LA');
      expect(String(sheet?.getRow(2).getCell(3).value)).toContain('STELLA');

      // The comparison, picked with the form.
      await page.goto('/measures/compare');
      await page.locator('#compare-0').selectOption('VN');
      await page.locator('#compare-1').selectOption('LA');
      await page.locator('#compare-2').selectOption('KH');
      await page.getByRole('button', { name: vi('policies.compareButton'), exact: true }).click();
      await page.waitForURL(/country=VN&country=LA&country=KH/);
      expect(await page.locator('#per-stage svg[role="img"]').count()).toBe(2); // Cambodia has none yet
      expect(await page.locator('#per-goal h3').allTextContents()).toEqual(['Việt Nam', 'Lào', 'Campuchia']);
      await checkPage(page, 'policies-03-compare');
    } finally {
      await context.close();
    }
  });
});
