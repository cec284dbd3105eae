// The event report and the certificates in a real browser on a phone: Qingdao's key figures from
// its demo roster (21 participants from 11 countries, 62 % women, 7 observers) with the SVG charts
// and their tables, in English and Lao; an organiser adds a walk-in with a Lao name through the
// roster form using the keyboard, checks her in for a day, and prints her certificate with
// Chromium (page.pdf(), A4 landscape) — the PDF's text, read back with unpdf, has the Lao name and
// one page; a screenshot shows it shaped. axe (WCAG A/AA) on each page and no sideways scrolling at
// 360 px.
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
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
  uiString,
} from './harness.ts';

const QINGDAO = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';
const KHON_KAEN = 'training-creative-industry-associations-management-khon-kaen-2024';
const LAO_NAME = 'ນາງ ສຸດາລັດ ແກ້ວມະນີ';

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

describe('the event report at 360 × 740', () => {
  it('shows Qingdao’s published figures as text, charts and tables, in English and Lao', async () => {
    const { page } = await openPage(hub, { viewport: PHONE });
    await page.goto(`/events/${QINGDAO}`);
    await page.getByRole('link', { name: uiString('en', 'participants.reportLink') }).click();
    await page.waitForURL(`**/events/${QINGDAO}/report`);
    expect(await page.locator('.key-figures').textContent()).toContain(
      '21 participants from 11 countries, 62% of them women',
    );
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#chart-countries tbody tr').count()).toBe(11);
    await checkPage(page, 'events-report-01-qingdao');

    // The event page's blocks: the Hue dialogue's press coverage, linked from its clippings.
    await page.goto('/events/policy-dialogue-creative-hubs-hue-2016');
    expect(await page.locator('#press li').count()).toBe(5);
    await checkPage(page, 'events-report-01b-event-press');

    const lao = await openPage(hub, { viewport: PHONE, lang: 'lo' });
    await lao.page.goto(`/events/${QINGDAO}/report`);
    expect(await lao.page.locator('html').getAttribute('lang')).toBe('lo');
    expect(await lao.page.locator('.key-figures').textContent()).toContain('ຜູ້ເຂົ້າຮ່ວມ 21 ຄົນ ຈາກ 11 ປະເທດ');
    await checkPage(lao.page, 'events-report-02-qingdao-lo');
  });

  it('lets an organiser add a walk-in, check her in, and print her certificate to PDF', async () => {
    const { context, page } = await openPage(hub, { viewport: PHONE });
    await page.goto('/login');
    await page.locator('#f-email').fill(ADMIN_EMAIL);
    await page.locator('#f-password').fill(ADMIN_PASSWORD);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL('**/account');

    await page.goto(`/events/${KHON_KAEN}/roster`);
    await checkPage(page, 'events-report-03-roster');
    await page
      .getByRole('link', { name: uiString('en', 'participants.add') })
      .first()
      .click();
    await page.waitForURL('**/roster/new');
    // By keyboard, as a person without a pointer fills it in.
    await page.locator('#f-name').focus();
    await page.keyboard.type(LAO_NAME);
    await page.locator('#f-country').selectOption('LA');
    await page.locator('#f-gender').selectOption('woman');
    await page.locator('#f-category_id').selectOption({ index: 1 });
    await checkPage(page, 'events-report-04-add');
    await page.locator('#f-name').press('Enter');
    await page.waitForURL(`**/events/${KHON_KAEN}/roster`);
    const row = page.getByRole('row').filter({ hasText: LAO_NAME });
    expect(await row.count()).toBe(1);
    const href = (await row.getByRole('link', { name: LAO_NAME, exact: true }).getAttribute('href')) ?? '';
    const id = href.split('/').pop();

    await page.goto(`/events/${KHON_KAEN}/checkin?day=2024-09-11`);
    await page.locator(`#present-${id}`).check();
    await checkPage(page, 'events-report-05-checkin');
    await page.getByRole('button', { name: uiString('en', 'participants.saveCheckin') }).click();
    await page.waitForURL('**/checkin?day=2024-09-11');
    expect(await page.locator(`#present-${id}`).isChecked()).toBe(true);

    await page.goto(`/events/${KHON_KAEN}/after`);
    await checkPage(page, 'events-report-05b-after');

    const certificate = await context.newPage();
    await certificate.setViewportSize(PHONE);
    await certificate.goto(`/events/${KHON_KAEN}/certificates/${id}`);
    expect(await certificate.locator('.name').textContent()).toBe(LAO_NAME);
    await checkPage(certificate, 'events-report-06-certificate-screen');
    await certificate.emulateMedia({ media: 'print' });
    await certificate.setViewportSize({ width: 1123, height: 794 });
    await screenshot(certificate, 'events-report-07-certificate-print');
    const pdf = await certificate.pdf({
      format: 'A4',
      landscape: true,
      preferCSSPageSize: true,
      printBackground: true,
    });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(1);
    const page1 = await doc.getPage(1);
    const [, , width, height] = page1.view;
    // A4 landscape in points: 842 × 595.
    expect(Math.round(width ?? 0)).toBe(842);
    expect(Math.round(height ?? 0)).toBe(595);
    const { text } = await extractText(doc, { mergePages: true });
    const flat = text.normalize('NFKC').replace(/\s+/g, '');
    expect(flat).toContain(LAO_NAME.normalize('NFKC').replace(/\s+/g, ''));
    expect(text).toContain('Certificate of attendance');
    expect(text).toContain('present on 1 day of 5');
  });
});
