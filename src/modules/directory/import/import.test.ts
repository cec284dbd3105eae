// Importing organisations from CSV and XLSX through the whole app, on SQLite or PostgreSQL: upload,
// column matching, preview, all-or-nothing import, and every refusal.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { lastAuditEntry } from '../../../../test/audit.ts';
import { rowCount } from '../../../../test/counts.ts';
import { platformForFile, visibleText } from '../../../../test/harness.ts';
import { formValues, importSteps } from '../../../../test/import-steps.ts';
import { checkUpload, sharedExtraction } from '../../../platform/files/index.ts';
import { fixture, makePdf, makeXlsx, makeZip, repeatedBytes } from '../../../platform/files/test-files.ts';
import { MAX_ROWS } from '../../../platform/import/index.ts';

const hub = await platformForFile({ seed: ['directory'] });
const {
  client: editor,
  user: { id: editorId },
} = await hub.signedIn('editor');

const FIXTURE = fs.readFileSync(
  path.join(import.meta.dirname, '../../../platform/import/fixtures/organisations.csv'),
);

const steps = importSteps('/directory/import');
const { upload, uploadId, preview, importAll } = steps;

const organisationCount = () => rowCount(hub, 'organisations');

const organisationNamed = (name: string) =>
  hub.deps.db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

const facets = async (id: number, facet: 'domain' | 'stage' | 'language') =>
  (
    await hub.deps.db
      .selectFrom('organisation_facets')
      .select('value')
      .where('organisation_id', '=', id)
      .where('facet', '=', facet)
      .execute()
  )
    .map((r) => r.value)
    .sort();

describe('importing a valid file', () => {
  it('imports every row of a CSV with a BOM, a quoted multi-line description, Lao and Vietnamese names', async () => {
    expect([...FIXTURE.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const before = await organisationCount();
    const { id, checked } = await preview(editor, 'organisations.csv', FIXTURE);
    expect(checked.status).toBe(200);
    const report = visibleText(checked.text);
    expect(report).toContain('Every row is valid.');
    expect(report).toContain('Import 3 organisations');

    const done = await importAll(editor, id, checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    expect(done.location).toBe('/directory?sort=newest');
    const list = await editor.get(done.location ?? '');
    expect(visibleText(list.text)).toContain('3 organisations were imported from your file.');
    expect(await organisationCount()).toBe(before + 3);

    const { db } = hub.deps;
    const lao = await organisationNamed('ສະມາຄົມຊ່າງແສ່ວລາວ');
    expect(lao).toMatchObject({
      kind: 'association',
      country: 'LA',
      city: 'ວຽງຈັນ',
      lang: 'lo',
      website: 'https://www.laoweavers.example.org',
      email: 'info@laoweavers.example.org',
      founded_year: 2005,
      latitude: 17.9757,
      longitude: 102.6331,
      status: 'published',
      created_by: editorId,
    });
    expect(lao.description).toBe('Weavers of Laos.\nNatural dyes, "sinh" skirts and training.');
    expect(await facets(lao.id, 'domain')).toEqual(['intangible_heritage', 'visual_arts_crafts']);
    expect(await facets(lao.id, 'stage')).toEqual(['creation', 'production']);
    expect(await facets(lao.id, 'language')).toEqual(['en', 'lo']);

    const hue = await organisationNamed('Trung tâm Nghệ thuật Đương đại Huế');
    expect(hue).toMatchObject({ kind: 'creative_hub', country: 'VN', city: 'Huế', lang: 'vi' });
    expect(await facets(hue.id, 'language')).toEqual(['vi']);

    // In the search index, in the same transaction: found without tone marks.
    const found = await hub.client().get('/directory?q=nghe+thuat+duong+dai+hue');
    expect(visibleText(found.text)).toContain('Trung tâm Nghệ thuật Đương đại Huế');
    const profile = await hub.client().get(`/directory/${hue.slug}`);
    expect(profile.status).toBe(200);

    const audit = await lastAuditEntry(hub, { action: 'organisation.imported', subjectId: id });
    expect(audit.actor_id).toBe(editorId);
    expect(audit.details).toMatchObject({ filename: 'organisations.csv', count: 3 });
    // The upload is forgotten once imported.
    expect(await db.selectFrom('directory_imports').select('id').where('id', '=', id).execute()).toEqual([]);
    expect((await editor.get(`/directory/import/${id}`)).status).toBe(404);
  });

  it('imports every row of an XLSX workbook (numbers, links, formulas with results)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Organisations');
    sheet.addRow([
      'Name',
      'Kind',
      'Country code',
      'Town',
      'Web',
      'Year founded',
      'Latitude',
      'Longitude',
      'Languages',
    ]);
    sheet.addRow([
      'Phnom Penh Shadow Theatre',
      'cso',
      'KH',
      'Phnom Penh',
      null,
      1994,
      11.5564,
      104.9282,
      'km, en',
    ]);
    sheet.addRow(['ໂຮງລະຄອນແຫ່ງຊາດ', 'government', 'LA', 'Vientiane', null, 1991, 17.97, 102.6, 'Lao']);
    // A link shows its text, as a reader sees it: here the address without its scheme.
    sheet.getCell('E2').value = { text: 'shadow.example.org', hyperlink: 'https://shadow.example.org/' };
    sheet.getCell('F3').value = { formula: '1990+1', result: 1991 };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const before = await organisationCount();
    const { id, mapping, checked } = await preview(editor, 'theatres.xlsx', bytes, { default_lang: 'en' });
    expect(mapping.text).toContain('Country code');
    expect(visibleText(checked.text)).toContain('Every row is valid.');
    const done = await importAll(editor, id, checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    expect(await organisationCount()).toBe(before + 2);

    const shadow = await organisationNamed('Phnom Penh Shadow Theatre');
    expect(shadow).toMatchObject({
      kind: 'cso',
      country: 'KH',
      city: 'Phnom Penh',
      website: 'https://shadow.example.org',
      founded_year: 1994,
      latitude: 11.5564,
      lang: 'en',
    });
    expect(await facets(shadow.id, 'language')).toEqual(['en', 'km']);
    const lao = await organisationNamed('ໂຮງລະຄອນແຫ່ງຊາດ');
    expect(lao.founded_year).toBe(1991);
    expect(await facets(lao.id, 'language')).toEqual(['lo']);
  });

  it('keeps cells starting with = + - @ as text', async () => {
    const csv = [
      'name,country,kind,lang,city,address,description',
      '"=HYPERLINK(""http://evil.example"",""click"")",TH,cso,en,+66 Bangkok,-5 Moo 3,@everyone',
      "'=SUM(A1:A9) Studio,TH,enterprise,en,,,",
    ].join('\n');
    const { id, checked } = await preview(editor, 'formulas.csv', csv);
    expect(visibleText(checked.text)).toContain('Every row is valid.');
    const done = await importAll(editor, id, checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    const first = await organisationNamed('=HYPERLINK("http://evil.example","click")');
    expect(first).toMatchObject({ city: '+66 Bangkok', address: '-5 Moo 3', description: '@everyone' });
    // The apostrophe our own CSV export adds before such a cell is taken off again.
    expect(await organisationNamed('=SUM(A1:A9) Studio')).toBeDefined();
  });
});

describe('checking the rows', () => {
  it('imports nothing from a file with one bad row, and names the row and the field', async () => {
    const csv = [
      'name,kind,country,email,lang,parent',
      'Good One,cso,LA,one@example.org,en,lao-mict',
      'Bad Email,cso,LA,not-an-email,en,',
      'Good Two,enterprise,VN,two@example.org,en,',
    ].join('\r\n');
    const before = await organisationCount();
    const { id, checked } = await preview(editor, 'bad.csv', csv);
    expect(checked.status).toBe(200);
    const text = visibleText(checked.text);
    expect(text).toContain('1 row has errors');
    expect(checked.text).toContain('id="row-3"');
    expect(text).toMatch(/3 Bad Email error Email \(D\): Enter an email address such as name@example\.org\./);
    expect(checked.text).not.toContain(`action="/directory/import/${id}"`);

    // Back to the mapping, with the choices of the preview kept.
    const carried = formValues(checked.text, `/directory/import/${id}/mapping`);
    const back = await editor.request(`/directory/import/${id}/mapping`, { form: carried });
    expect(back.status).toBe(200);
    expect(formValues(back.text, `/directory/import/${id}/preview`)).toMatchObject({
      col_3: 'email',
      col_5: 'parent',
    });

    // Even a forged import request is refused while any row has an error.
    const forged = await editor.request(`/directory/import/${id}`, {
      form: {
        col_0: 'name',
        col_1: 'kind',
        col_2: 'country',
        col_3: 'email',
        col_4: 'lang',
        col_5: 'parent',
        default_lang: 'en',
      },
    });
    expect(forged.status).toBe(422);
    expect(await organisationCount()).toBe(before);
  });

  it('reports unknown values, unknown countries and parents in the reader’s language', async () => {
    const csv = [
      'name,kind,country,domains,lang,parent',
      'Alpha,emperor,LA,heritage,en,',
      'Beta,cso,Atlantis,heritage,en,',
      'Gamma,cso,LA,"heritage; cooking",en,',
      'Delta,cso,LA,heritage,en,no-such-parent',
    ].join('\n');
    const { checked } = await preview(editor, 'unknown.csv', csv);
    const text = visibleText(checked.text);
    expect(text).toContain('Kind (B): “emperor” is not one of the values the hub knows.');
    expect(text).toContain('Country (C): “Atlantis” is not one of the values the hub knows.');
    expect(text).toContain('Domains (D): “cooking” is not one of the values the hub knows.');
    expect(text).toContain('Part of (F): No such organisation in the directory.');
    expect(text).toContain('4 rows have errors');

    await editor.request('/language', { form: { locale: 'vi', next: '/' } });
    const { checked: inVietnamese } = await preview(editor, 'unknown.csv', csv);
    expect(visibleText(inVietnamese.text)).toContain('“emperor” không phải là một giá trị mà hệ thống biết.');
    await editor.request('/language', { form: { locale: 'en', next: '/' } });
  });

  it('flags likely duplicates, in the directory and within the file, and can leave them out', async () => {
    const csv = [
      'name,kind,country,lang',
      'SAN ART,creative_hub,VN,en',
      'Lotus Dance Company,cso,VN,en',
      'lotus  dance company,cso,VN,en',
      'San Art,creative_hub,TH,en',
    ].join('\n');
    const before = await organisationCount();
    const { id, checked } = await preview(editor, 'duplicates.csv', csv);
    const text = visibleText(checked.text);
    expect(text).toContain('Same name and country as an organisation already in the directory: Sàn Art');
    expect(checked.text).toContain('href="/directory/san-art"');
    expect(text).toContain('Same name and country as row 3 of the file.');
    expect(text).toMatch(/2 SAN ART possible duplicate/);
    expect(text).toMatch(/4 lotus dance company possible duplicate/);
    expect(text).not.toMatch(/5 San Art possible duplicate/);

    const done = await importAll(editor, id, checked, { skip_duplicates: '1' });
    expect(done.status).toBe(303);
    expect(await organisationCount()).toBe(before + 2);
  });

  it('pre-fills the mapping from the headers and refuses a mapping without a name or with a field twice', async () => {
    const csv = 'Tên tổ chức,Quốc gia,E-MAIL,Working languages,Website URL,Notes\nA,LA,a@example.org,lo,,x\n';
    const up = await upload(editor, 'vi.csv', csv);
    const id = uploadId(up);
    const page = await editor.get(`/directory/import/${id}`);
    const values = formValues(page.text, `/directory/import/${id}/preview`);
    expect(values).toMatchObject({
      col_0: 'name',
      col_1: 'country',
      col_2: 'email',
      col_3: 'languages',
      col_4: 'website',
      col_5: '',
      default_lang: 'en',
    });
    expect(visibleText(page.text)).toContain('Column A: Tên tổ chức');
    expect(visibleText(page.text)).toContain('For example: a@example.org');

    const twice = await editor.request(`/directory/import/${id}/preview`, {
      form: { ...values, col_5: 'email' },
    });
    expect(twice.status).toBe(422);
    expect(visibleText(twice.text)).toContain('Another column already fills this field.');
    // The choices are kept.
    expect(formValues(twice.text, `/directory/import/${id}/preview`).col_5).toBe('email');

    const nameless = await editor.request(`/directory/import/${id}/preview`, {
      form: { ...values, col_0: '' },
    });
    expect(nameless.status).toBe(422);
    expect(visibleText(nameless.text)).toContain("Choose the column that holds the organisations' names.");
  });

  it('uses the default kind, country and language for rows without them', async () => {
    const csv = 'name;city\nVientiane Book Club;Vientiane\n';
    const { checked } = await preview(editor, 'semicolons.csv', csv, {
      default_kind: 'association',
      default_country: 'LA',
      default_lang: 'lo',
    });
    expect(visibleText(checked.text)).toContain('Every row is valid.');
  });
});

describe('refusals', () => {
  it('refuses a malformed CSV and saves nothing', async () => {
    const res = await upload(editor, 'broken.csv', 'name,country\n"Open quote,LA\nOther,VN\n');
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain(
      'a quotation mark (") is probably not closed. Nothing was saved.',
    );
    expect(res.text).toContain('enctype="multipart/form-data"');
  });

  it('refuses an HTML page renamed .xlsx, a damaged workbook, an old .xls and a binary file', async () => {
    const html = await upload(
      editor,
      'export.xlsx',
      '<!DOCTYPE html><html><body><table></table></body></html>',
    );
    expect(html.status).toBe(415);
    expect(visibleText(html.text)).toContain('is not an Excel workbook');

    const htmlCsv = await upload(
      editor,
      'export.csv',
      '<html><body><table><tr><td>x</td></tr></table></body></html>',
    );
    expect(htmlCsv.status).toBe(415);
    expect(visibleText(htmlCsv.text)).toContain('The file is a web page, not a spreadsheet.');

    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(200).fill(7)]);
    const damaged = await upload(editor, 'damaged.xlsx', zip);
    expect(damaged.status).toBe(422);
    expect(visibleText(damaged.text)).toContain('The Excel file is damaged or is not a workbook');

    const xls = await upload(
      editor,
      'old.xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
    );
    expect(xls.status).toBe(415);
    expect(visibleText(xls.text)).toContain('old Excel file (.xls)');

    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const binary = await upload(editor, 'logo.csv', png);
    expect(binary.status).toBe(415);
    expect(visibleText(binary.text)).toContain('neither an Excel workbook nor a CSV file in UTF-8');

    const utf16 = new Uint8Array([...'name\n'].flatMap((ch) => [ch.charCodeAt(0), 0]));
    const nul = await upload(editor, 'utf16.csv', utf16);
    expect(nul.status).toBe(415);
    expect(visibleText(nul.text)).toContain('it holds binary data');
  });

  it('refuses a workbook that unpacks to more than 40 MB before opening it', async () => {
    // A few hundred KB that hold a 60 MB sheet: the sizes it declares are true, and still too much.
    const bomb = await makeZip([
      { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' },
      { name: 'xl/worksheets/sheet1.xml', content: repeatedBytes(60 * 1024 * 1024) },
    ]);
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const res = await upload(editor, 'directory.xlsx', bomb);
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('This workbook unpacks to more than 40 MB');
    expect(visibleText(res.text)).toContain('Nothing was saved.');
  });

  it('reads a workbook in the extraction process, in its queue: a member with files waiting is told to wait', async () => {
    const pool = sharedExtraction();
    // Three of the editor's files are being read or wait: the most one member may have.
    const slow = await makePdf({ pages: 20_000, text: { 1: 'Slow' } });
    const small = fixture('multilingual.pdf');
    const queued = [slow, small, small].map((bytes) =>
      checkUpload(bytes, { maxBytes: 10 * 1024 * 1024, uploader: editorId }),
    );
    while (pool.pendingOf(editorId) < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    const workbook = await makeXlsx([
      ['name', 'country'],
      ['Queued collective', 'LA'],
    ]);
    const res = await upload(editor, 'directory.xlsx', workbook);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(visibleText(res.text)).toContain('Too many files are waiting to be read right now.');
    await Promise.all(queued);
    // Once they are read, the same workbook goes through.
    const again = await upload(editor, 'directory.xlsx', workbook);
    expect(again.status).toBe(303);
    expect(pool.pids.length).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a file over 5 MB with 413', async () => {
    await steps.expectTooBigRefused(editor);
  });

  it('refuses more rows than the limit, and an empty file', async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, (_, i) => `Org ${i},LA`);
    const res = await upload(editor, 'many.csv', `name,country\n${rows.join('\n')}\n`);
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain(
      `The file has 5,001 rows; the hub imports at most 5,000 at a time.`,
    );

    const empty = await upload(editor, 'empty.csv', '');
    expect(empty.status).toBe(422);
    const headerOnly = await upload(editor, 'header.csv', '\ufeffname,country\r\n\r\n');
    expect(headerOnly.status).toBe(422);
    expect(visibleText(headerOnly.text)).toContain('no organisations under it');
  });

  it('is for editors and admins: members get 403, visitors go to the login page', async () => {
    await steps.expectEditorsOnly(hub, ['organisations.csv', FIXTURE]);
  });

  it('keeps each upload to its uploader, and for a day', async () => {
    const up = await upload(editor, 'organisations.csv', FIXTURE);
    const id = uploadId(up);
    const { client: otherClient } = await hub.signedIn('admin');
    expect((await otherClient.get(`/directory/import/${id}`)).status).toBe(404);

    await hub.deps.db
      .updateTable('directory_imports')
      .set({ created_at: new Date(Date.now() - 25 * 3600_000).toISOString() })
      .where('id', '=', id)
      .execute();
    const expired = await editor.get(`/directory/import/${id}`);
    expect(expired.status).toBe(404);
    expect(visibleText(expired.text)).toContain('uploads are kept for a day');
  });

  it('discards an upload on request', async () => {
    const up = await upload(editor, 'organisations.csv', FIXTURE);
    const id = uploadId(up);
    await editor.get(`/directory/import/${id}`);
    const res = await editor.request(`/directory/import/${id}/discard`, { form: {} });
    expect(res.status).toBe(303);
    expect((await editor.get(`/directory/import/${id}`)).status).toBe(404);
  });

  it('needs the CSRF token on the upload and on every step', async () => {
    await steps.expectCsrfOnEveryStep(editor, ['organisations.csv', FIXTURE], organisationCount);
  });
});
