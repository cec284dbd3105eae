// What the module kit gives the press list and pages, through the whole app on SQLite or
// PostgreSQL: the filtered list as CSV and XLSX (read back by a strict parser), the report link and
// form for a clipping, and single-line fields that refuse control characters with a message.

import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import {
  CONTROL_CHARACTER,
  expectFormRefused,
  expectOneLineError,
  ONE_LINE,
} from '../../../test/refusals.ts';
import { expectNotReportable, expectReportable } from '../../../test/reports.ts';
import { csvDownload, expectLineBreaksKept, storeText, xlsxDownload } from '../../../test/spreadsheets.ts';
import { clippingForm, countClippings, postClippingForm } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['press'] });
const { client: editor } = await hub.signedIn('editor');

describe('exports of the list', () => {
  it('gives the filtered list as CSV that a strict parser reads, one row per clipping', async () => {
    const { rows } = await csvDownload(
      hub.client(),
      '/press/export.csv?outlet=Song+Huong+Magazine',
      'press.csv',
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.published_on)).toEqual(['2016-11-26', '2016-10-12']);
    expect(rows[0]?.page).toMatch(/^http:\/\/hub\.test\/press\/\d+$/);
    // The list page links to the export of the same selection.
    const list = await hub.client().get('/press?outlet=Song+Huong+Magazine');
    expect(list.text).toContain('href="/press/export.csv?outlet=Song+Huong+Magazine"');
  });

  it('gives the whole list as an XLSX workbook', async () => {
    const sheet = await xlsxDownload(hub.client(), '/press/export.xlsx');
    expect(sheet.name).toBe('Press');
    expect(sheet.getRow(1).getCell(2).value).toBe('outlet');
    expect(sheet.rowCount).toBe((await countClippings(hub)) + 1);
  });
});

describe('reporting a clipping', () => {
  it('links every clipping page to the report form, which files a report for the moderators', async () => {
    const id = (await hub.deps.db.selectFrom('press_clippings').select('id').executeTakeFirstOrThrow()).id;
    const { reader } = await expectReportable(hub, {
      page: `/press/${id}`,
      type: 'press-clipping',
      key: String(id),
      message: 'The link is broken.',
    });
    // A clipping that does not exist cannot be reported.
    await expectNotReportable(reader, { type: 'press-clipping', key: '999999' });
  });
});

describe('control characters', () => {
  it('refuses a line break in the outlet and U+0000 in the summary, keeping everything typed', async () => {
    const before = await countClippings(hub);
    const res = await postClippingForm(editor, '/press/new', '/press/new', {
      ...clippingForm({ outlet: 'Vientiane\nTimes', summary: 'A hub\u0000 opens' }),
    });
    expectFormRefused(res, [ONE_LINE, CONTROL_CHARACTER], ['value="Creative hub STELLA opens its doors"']);
    expect(await countClippings(hub)).toBe(before);

    const api = await editor.request('/api/v1/press', {
      json: { ...clippingForm(), title: 'Line one\r\nline two' },
      headers: { 'x-csrf-token': editor.csrfToken() },
    });
    expectOneLineError(api, 'title');
  });
});

describe('line breaks in a cell', () => {
  // Last in the file: it changes seeded clippings.
  it('keep an outlet stored on several lines in one cell of its clipping’s row', async () => {
    await storeText(hub, { table: 'press_clippings', column: 'outlet', where: ['outlet', 'National Times'] });
    await expectLineBreaksKept(hub.client(), '/press/export.csv', 'outlet');
  });
});

describe('download my data', () => {
  it('holds the clippings the member added, and nobody else’s', async () => {
    const { client: author } = await hub.signedIn('editor');
    const res = await postClippingForm(
      author,
      '/press/new',
      '/press/new',
      clippingForm({ title: 'Mine: the Hue festival seen by Song Huong' }),
    );
    expect(res.status).toBe(303);
    const data = JSON.parse((await author.get('/account/export.json')).text).modules.press;
    expect(data.clippings).toEqual([
      expect.objectContaining({
        title: 'Mine: the Hue festival seen by Song Huong',
        outlet: 'Vientiane Times',
      }),
    ]);
    const others = JSON.parse((await editor.get('/account/export.json')).text).modules.press;
    expect(others.clippings.map((c: { title: string }) => c.title)).not.toContain(
      'Mine: the Hue festival seen by Song Huong',
    );
  });
});
