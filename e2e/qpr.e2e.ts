// The QPR workspace in a real browser at 360 × 740: the coordinator (an administrator) assigns the
// gender-equality section of Lao PDR's demo report; the contributor drafts it in Lao, twice; a
// member of STELLA sends a measure from the civil-society form; the coordinator accepts it; the
// DOCX export, read back with mammoth, holds the Lao text and the measure; the history restores the
// first version. No sideways scrolling on the pages the contributor and the CSO member use.
import path from 'node:path';
import Database from 'better-sqlite3';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  downloadedBytes,
  type Hub,
  horizontalOverflow,
  hubCommand,
  openPage,
  PHONE,
  screenshot,
  startHub,
  uiString,
} from './harness.ts';

const LAO = '/qpr/LA/2024-2027';
const SECTION = `${LAO}/sections/area.gender_equality`;
const FIRST = 'ແມ່ຍິງສິລະປິນໄດ້ຮັບການສະໜັບສະໜູນ';
const SECOND = 'ແມ່ຍິງສິລະປິນໄດ້ຮັບທຶນຊ່ວຍເຫຼືອ';
const MEASURE = 'Community music schools in Luang Prabang';
const CONTRIBUTOR = { email: 'ministry@e2e.example.org', password: 'e2e-ministry-password-42' };
const CSO = { email: 'stella-member@e2e.example.org', password: 'e2e-stella-password-42' };

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
  for (const [who, name] of [
    [CONTRIBUTOR, 'Ministry Contributor'],
    [CSO, 'STELLA Member'],
  ] as const)
    await hubCommand(
      hub.platform,
      'user',
      'create',
      '--email',
      who.email,
      '--name',
      name,
      '--password',
      who.password,
    );
  // STELLA's member, as its owner's invitation would make her (the directory's own journey).
  const db = new Database(path.join(hub.platform.dataDir, 'hub.sqlite'));
  db.prepare(
    `INSERT INTO organisation_members (organisation_id, user_id, role, created_at)
     SELECT o.id, u.id, 'editor', ? FROM organisations o, users u WHERE o.slug = 'stella' AND u.email = ?`,
  ).run(new Date().toISOString(), CSO.email);
  db.close();
});
afterAll(async () => {
  await hub?.stop();
});

async function logIn(account: { email: string; password: string }, lang?: string) {
  const opened = await openPage(hub, { viewport: PHONE, lang });
  const { page } = opened;
  await page.goto('/login');
  await page.locator('#f-email').fill(account.email);
  await page.locator('#f-password').fill(account.password);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL('**/account');
  return opened;
}

async function fitsThePhone(page: Page, name: string) {
  await screenshot(page, name);
  expect((await horizontalOverflow(page)).culprits, name).toEqual([]);
}

describe('the QPR workspace at 360 × 740', () => {
  it('assigns, drafts in Lao, takes in a civil-society measure, exports DOCX and restores a version', async () => {
    const coordinator = await logIn({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const admin = coordinator.page;
    await admin.goto(SECTION);
    await admin.locator('#f-assignee').fill(CONTRIBUTOR.email);
    await admin.locator('#f-due_on').fill('2027-03-31');
    await admin.locator(`form[action="${SECTION}/assign"] button[type="submit"]`).click();
    await admin.getByText(uiString('en', 'qpr.assigned')).waitFor();

    const contributor = await logIn(CONTRIBUTOR, 'lo');
    const page = contributor.page;
    await page.goto('/qpr');
    await page.locator(`a[href="${LAO}"]`).click();
    await page.locator(`a[href="${SECTION}"]`).click();
    for (const text of [FIRST, SECOND]) {
      await page.locator('#f-body').fill(text);
      await page.locator('#f-lang').selectOption('lo');
      await page.locator(`form[action="${SECTION}"] button[type="submit"]`).click();
      await page.getByText(uiString('lo', 'qpr.saved')).waitFor();
    }
    await fitsThePhone(page, 'qpr-01-section-lo');

    const cso = await logIn(CSO);
    await cso.page.goto(`${LAO}/civil-society`);
    await cso.page.locator('#f-kind').selectOption('measure');
    await cso.page.locator('#f-title').fill(MEASURE);
    await cso.page.locator('#f-area').selectOption('cultural_creative_sectors');
    await cso.page.locator('#f-description').fill('Free lessons for young musicians.');
    await cso.page.getByRole('button', { name: uiString('en', 'qpr.send') }).click();
    await cso.page.getByText(uiString('en', 'qpr.inputSent')).waitFor();
    await fitsThePhone(cso.page, 'qpr-02-civil-society');

    await admin.goto(`${LAO}/civil-society`);
    await admin.getByRole('button', { name: uiString('en', 'qpr.decide') }).click();
    await admin.getByText(uiString('en', 'qpr.decided')).waitFor();
    await admin.goto(LAO);
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('link', { name: uiString('en', 'qpr.exportDocx') }).click(),
    ]);
    const { value } = await mammoth.extractRawText({ buffer: await downloadedBytes(download) });
    expect(value).toContain(SECOND);
    expect(value).toContain(MEASURE);

    await page.goto(`${SECTION}/history`);
    await fitsThePhone(page, 'qpr-03-history-lo');
    expect(await page.locator('.message-body ins').first().textContent()).toBe('ທຶນຊ່ວຍເຫຼືອ');
    await page.getByRole('button', { name: uiString('lo', 'qpr.restore').replace('{version}', '1') }).click();
    await page.goto(SECTION);
    expect(await page.locator('#f-body').inputValue()).toBe(FIRST);
    for (const opened of [coordinator, contributor, cso]) await opened.context.close();
  });
});
