// The library in a real browser on a phone: an editor opens a demo document, is refused a fake PDF
// (the form comes back with the label kept), uploads Chromium's multilingual PDF through the form,
// finds the document by a Lao word that is only inside the PDF — through the library's search box
// and through /search — and downloads it (bytes and headers checked). axe (WCAG A/AA) on the list,
// the document page and the upload form, no sideways scrolling at 360 px, and screenshots of the
// document page in English and in Lao.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeExe } from '../src/platform/files/test-files.ts';
import {
  downloadedBytes,
  type Hub,
  horizontalOverflow,
  hubCommand,
  openFilters,
  openPage,
  PHONE,
  ROOT,
  runAxe,
  screenshot,
  startHub,
  uiString,
} from './harness.ts';

const PDF = path.join(ROOT, 'test', 'fixtures', 'files', 'multilingual.pdf');
const DOCUMENT = '/library/creative4mekong-baseline-study';
// Lao for "creative industries": in the PDF, nowhere in the demo content.
const LAO_WORD = 'ອຸດສາຫະກຳສ້າງສັນ';
const EDITOR = { email: 'editor@e2e.example.org', password: 'e2e-editor-password-42' };

let hub: Hub;
beforeAll(async () => {
  hub = await startHub();
  // An editor, created as an administrator would on the server (`hub user create`).
  await hubCommand(
    hub.platform,
    'user',
    'create',
    '--email',
    EDITOR.email,
    '--name',
    'Souksavanh Library',
    '--role',
    'editor',
    '--password',
    EDITOR.password,
  );
});
afterAll(async () => {
  await hub?.stop();
});

const en = (key: string) => uiString('en', key);

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  const overflow = await horizontalOverflow(page);
  expect(overflow.culprits, name).toEqual([]);
  expect(overflow.scrollWidth, name).toBeLessThanOrEqual(PHONE.width);
  const results = await runAxe(page);
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
}

describe('library journey at 360 × 740', () => {
  it('uploads a PDF to a document, finds it by a word inside the PDF and downloads it', async () => {
    const { context, page } = await openPage(hub, { viewport: PHONE });
    await page.goto('/library');
    await checkPage(page, 'library-01-list');

    await page.goto('/login');
    await page.locator('#f-email').fill(EDITOR.email);
    await page.locator('#f-password').fill(EDITOR.password);
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.waitForURL('**/account');

    await page.goto(DOCUMENT);
    await page.getByRole('link', { name: en('library.files'), exact: true }).click();
    await page.waitForURL(`**${DOCUMENT}/files`);
    await checkPage(page, 'library-02-upload-form');

    // A program named .pdf is refused by its content; the form comes back with the label kept.
    await page
      .locator('#f-file')
      .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(makeExe()) });
    await page.locator('#f-label').fill('Dialogue report (printed)');
    await page.locator('form.file-form button[type="submit"]').click();
    await page.locator('#f-file-error').waitFor();
    expect(await page.locator('#f-file-error').textContent()).toBe(en('files.refused.type'));
    expect(await page.locator('#f-label').inputValue()).toBe('Dialogue report (printed)');
    await checkPage(page, 'library-03-upload-refused');

    await page.locator('#f-file').setInputFiles(PDF);
    await page.locator('#f-lang').selectOption('en');
    await page.locator('form.file-form button[type="submit"]').click();
    await page.waitForURL(`**${DOCUMENT}/files`);
    expect(await page.locator('.notice').first().textContent()).toContain(en('library.fileAdded'));

    // Anyone finds the document by a Lao word that is only inside the PDF.
    const { context: visitorContext, page: visitor } = await openPage(hub, { viewport: PHONE });
    await visitor.goto('/library');
    await openFilters(visitor);
    await visitor.locator('#filter-q').fill(LAO_WORD);
    await visitor.locator('#filter-q').press('Enter');
    await visitor.waitForURL(/\/library\?q=/);
    const cards = visitor.locator('.document-card .card-title a');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().getAttribute('href')).toBe(DOCUMENT);
    await visitor.locator('#header-q').fill(LAO_WORD);
    await visitor.locator('#header-q').press('Enter');
    await visitor.waitForURL(/\/search\?q=/);
    const hits = visitor.locator('.result-title a');
    expect(await hits.first().getAttribute('href')).toBe(DOCUMENT);
    await screenshot(visitor, 'library-04-search');

    await hits.first().click();
    await visitor.waitForURL(`**${DOCUMENT}`);
    const link = visitor.locator('.document-files a.file-link');
    expect(await link.textContent()).toBe('Dialogue report (printed)');
    await checkPage(visitor, 'library-05-document-en');

    // The download: the same bytes, under the uploaded name.
    const [download] = await Promise.all([visitor.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('multilingual.pdf');
    expect(new Uint8Array(await downloadedBytes(download))).toEqual(new Uint8Array(fs.readFileSync(PDF)));
    // Its headers, and a range as a PDF reader or a resumed download asks for it.
    const href = (await link.getAttribute('href')) ?? '';
    const res = await visitorContext.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect(res.headers()['content-disposition']).toBe(
      `attachment; filename="multilingual.pdf"; filename*=UTF-8''multilingual.pdf`,
    );
    expect(res.headers().etag).toBe(`"${href.split('/').at(-1)}"`);
    expect(res.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    const range = await visitorContext.request.get(href, { headers: { range: 'bytes=0-4' } });
    expect(range.status()).toBe(206);
    expect((await range.body()).toString()).toBe('%PDF-');

    // The same page for a Lao reader.
    const { context: laoContext, page: lao } = await openPage(hub, { viewport: PHONE, lang: 'lo' });
    await lao.goto(DOCUMENT);
    expect(await lao.locator('.document-files h2').textContent()).toBe(uiString('lo', 'library.files'));
    await checkPage(lao, 'library-06-document-lo');

    await Promise.all([laoContext.close(), visitorContext.close(), context.close()]);
  });
});
