// What the module kit gives the press list and pages, through the whole app on SQLite or
// PostgreSQL: the filtered list as CSV and XLSX (read back by a strict parser), the report link and
// form for a clipping, and single-line fields that refuse control characters with a message.

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { clippingForm, countClippings, postClippingForm } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['press'] });
const { client: editor } = await hub.signedIn('editor');

describe('exports of the list', () => {
  it('gives the filtered list as CSV that a strict parser reads, one row per clipping', async () => {
    const res = await hub.client().get('/press/export.csv?outlet=Song+Huong+Magazine');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('press.csv');
    const rows = parse(res.text, {
      bom: true,
      columns: true,
      // Every row has as many cells as the header: a cell's line break never splits a row.
      relax_column_count: false,
      relax_quotes: false,
    }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.published_on)).toEqual(['2016-11-26', '2016-10-12']);
    expect(rows[0]?.page).toMatch(/^http:\/\/hub\.test\/press\/\d+$/);
    // The list page links to the export of the same selection.
    const list = await hub.client().get('/press?outlet=Song+Huong+Magazine');
    expect(list.text).toContain('href="/press/export.csv?outlet=Song+Huong+Magazine"');
  });

  it('gives the whole list as an XLSX workbook', async () => {
    const res = await hub.app.request('/press/export.xlsx');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe('Press');
    expect(sheet?.getRow(1).getCell(2).value).toBe('outlet');
    expect(sheet?.rowCount).toBe((await countClippings(hub)) + 1);
  });
});

describe('reporting a clipping', () => {
  it('links every clipping page to the report form, which files a report for the moderators', async () => {
    const id = (await hub.deps.db.selectFrom('press_clippings').select('id').executeTakeFirstOrThrow()).id;
    const page = await hub.client().get(`/press/${id}`);
    expect(page.text).toContain(`href="/report?type=press-clipping&amp;key=${id}"`);

    const { client: reader } = await hub.signedIn('member');
    const form = await reader.get(`/report?type=press-clipping&key=${id}`);
    expect(form.status).toBe(200);
    const sent = await reader.request('/report', {
      form: { type: 'press-clipping', key: String(id), reason: 'incorrect', message: 'The link is broken.' },
    });
    expect(sent.status).toBe(303);
    const report = await hub.deps.db
      .selectFrom('reports')
      .selectAll()
      .where('target_type', '=', 'press-clipping')
      .executeTakeFirst();
    expect(report?.target_key).toBe(String(id));
    // A clipping that does not exist cannot be reported.
    expect((await reader.get('/report?type=press-clipping&key=999999')).status).toBe(404);
  });
});

describe('control characters', () => {
  it('refuses a line break in the outlet and U+0000 in the summary, keeping everything typed', async () => {
    const before = await countClippings(hub);
    const res = await postClippingForm(editor, '/press/new', '/press/new', {
      ...clippingForm({ outlet: 'Vientiane\nTimes', summary: 'A hub\u0000 opens' }),
    });
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain('Write this on one line, without tabs or control characters.');
    expect(visibleText(res.text)).toContain('This text contains an invisible control character.');
    expect(res.text).toContain('value="Creative hub STELLA opens its doors"');
    expect(await countClippings(hub)).toBe(before);

    const api = await editor.request('/api/v1/press', {
      json: { ...clippingForm(), title: 'Line one\r\nline two' },
      headers: { 'x-csrf-token': editor.csrfToken() },
    });
    expect(api.status).toBe(422);
    expect(JSON.parse(api.text).errors.title).toContain('one line');
  });
});
