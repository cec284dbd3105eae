// What the module kit gives the directory, through the whole app on SQLite or PostgreSQL: the
// selection as CSV and XLSX (read back by a strict parser and by exceljs), the report link and form
// of an organisation, single-line fields that refuse control characters on the page and in the
// API, the API's input schema in the OpenAPI document, and a member's part of "download my data".
import { describe, expect, it } from 'vitest';
import { rowCount } from '../../../test/counts.ts';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { parseVcards } from '../../../test/ical.ts';
import {
  CONTROL_CHARACTER,
  expectFormRefused,
  expectOneLineError,
  ONE_LINE,
} from '../../../test/refusals.ts';
import { expectNotReportable, expectReportable } from '../../../test/reports.ts';
import {
  csvDownload,
  csvTable,
  expectLineBreaksKept,
  LINE_BREAKS,
  storeText,
  xlsxDownload,
} from '../../../test/spreadsheets.ts';
import { organisationForm } from './test-fixtures.ts';

const hub = await platformForFile({ seed: ['directory'] });

const HEADER = (
  'name,name_translit,kind,country,province,city,address,latitude,longitude,website,email,phone,' +
  'founded_year,verified,domains,stages,languages,url,updated_at'
).split(',');

describe('exports of the selection', () => {
  it('gives the filtered list as CSV that a strict parser reads, and the list links to it', async () => {
    const { res, rows: records } = await csvDownload(
      hub.client(),
      '/directory/export.csv?country=LA&kind=government',
    );
    expect(csvTable(res.text)[0]).toEqual(HEADER);
    expect(records.map((r) => r.url).sort()).toEqual([
      'http://hub.test/directory/lao-heritage-department',
      'http://hub.test/directory/lao-mict',
    ]);
    expect(records.every((r) => r.kind === 'government' && r.country === 'LA')).toBe(true);
    expect(records.every((r) => r.verified === 'yes' || r.verified === 'no')).toBe(true);

    const list = await hub.client().get('/directory?country=LA&kind=government&view=list&page=1');
    for (const format of ['csv', 'xlsx', 'json', 'vcf'])
      expect(list.text).toContain(`href="/directory/export.${format}?kind=government&amp;country=LA"`);
  });

  it('gives the same selection as an XLSX workbook', async () => {
    const sheet = await xlsxDownload(
      hub.client(),
      '/directory/export.xlsx?country=LA',
      /creative-hub-directory-[\d-]+\.xlsx/,
    );
    expect(sheet.name).toBe('Directory');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER]);
    const csv = await hub.client().get('/directory/export.csv?country=LA');
    expect(sheet.rowCount).toBe(csvTable(csv.text).length);
    // Coordinates stay numbers in the workbook.
    const stella = sheet.getRows(2, sheet.rowCount - 1)?.find((r) => r.getCell(1).value === 'STELLA');
    expect(stella?.getCell(8).value).toBe(17.9757);
  });
});

describe('line breaks in a cell', () => {
  it('keep an address stored on several lines in one cell of one row', async () => {
    await storeText(hub, { table: 'organisations', column: 'address', where: ['slug', 'stella'] });
    const rows = await expectLineBreaksKept(hub.client(), '/directory/export.csv?country=LA', 'address');
    expect(rows.find((r) => r.address === LINE_BREAKS)?.name).toBe('STELLA');
  });
});

describe('the selection as vCards', () => {
  it('folds a long Lao name at 75 octets and keeps line breaks in a value as text, read by ical.js', async () => {
    const name = 'ສູນສ້າງສັນ ແລະ ສິລະປະຫັດຖະກຳ ແຂວງຫຼວງພະບາງ ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ';
    const { client } = await hub.signedIn();
    const res = await client.request('/api/v1/organisations', {
      headers: { 'x-csrf-token': client.csrfToken() },
      json: { kind: 'association', name, lang: 'lo', country: 'LA', city: 'Luang Prabang' },
    });
    expect(res.status, res.text).toBe(201);
    const { slug } = JSON.parse(res.text);
    await storeText(
      hub,
      { table: 'organisations', column: 'address', where: ['slug', slug] },
      'Unit 4\rBan Phanom\nEND:VCARD',
    );
    const vcf = await hub.client().get('/directory/export.vcf?country=LA');
    expect(vcf.status).toBe(200);
    const cards = parseVcards(vcf.text);
    const card = cards.find((c) => c.getFirstPropertyValue('fn') === name);
    expect(card?.getFirstPropertyValue('adr')).toEqual([
      '',
      '',
      'Unit 4\nBan Phanom\nEND:VCARD',
      'Luang Prabang',
      '',
      '',
      'LA',
    ]);
    expect(cards.every((c) => c.getFirstPropertyValue('version') === '4.0')).toBe(true);
    expect(cards.length).toBe(vcf.text.match(/^BEGIN:VCARD\r$/gm)?.length);
  });
});

describe('reporting an organisation', () => {
  it('links every profile to the report form, which files a report for the moderators', async () => {
    const { reader, page } = await expectReportable(hub, {
      page: '/directory/stella',
      type: 'organisation',
      key: 'stella',
      message: 'The address is old.',
    });
    expect(visibleText(page.text)).toContain('Report a problem with this profile');
    // An organisation that does not exist cannot be reported.
    await expectNotReportable(reader, { type: 'organisation', key: 'no-such-hub' });
  });
});

describe('control characters and the API body', () => {
  const count = () => rowCount(hub, 'organisations');

  it('refuses a line break in the name and U+0000 in the description, keeping everything typed', async () => {
    const { client } = await hub.signedIn();
    const before = await count();
    const res = await client.submit('/directory/new', '/directory/new', {
      ...organisationForm({ name: 'Ban Phanom\nWeavers', description: 'Silk\u0000 weavers', city: 'Pakse' }),
    });
    expectFormRefused(res, [ONE_LINE, CONTROL_CHARACTER], ['value="Pakse"']);
    expect(await count()).toBe(before);
  });

  it('refuses them in the API too, a body that is not JSON, and documents the input schema', async () => {
    const { client } = await hub.signedIn();
    const headers = { 'x-csrf-token': client.csrfToken() };
    const body = { kind: 'association', name: 'Takeo Weavers', lang: 'en', country: 'KH' };
    const tab = await client.request('/api/v1/organisations', {
      headers,
      json: { ...body, city: 'Takeo\tcity' },
    });
    expectOneLineError(tab, 'city');

    const form = await client.request('/api/v1/organisations', { headers, form: body });
    expect(form.status).toBe(415);

    const parent = await client.request('/api/v1/organisations', {
      headers,
      json: { ...body, parent: 'nope' },
    });
    expect(parent.status).toBe(422);
    expect(JSON.parse(parent.text).errors.parent).toBe('No such organisation in the directory.');

    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(doc.components.schemas.OrganisationInput.required).toEqual(
      expect.arrayContaining(['kind', 'name', 'lang', 'country']),
    );
    expect(doc.components.schemas.OrganisationInput.properties).toHaveProperty('links');
    expect(Object.keys(doc.paths['/organisations/{slug}'])).toEqual(
      expect.arrayContaining(['get', 'patch', 'delete']),
    );
  });
});

describe('download my data', () => {
  it('holds the member’s organisations with their role, and the invitations sent and received', async () => {
    const { client: owner } = await hub.signedIn('member', { email: 'owner@example.org' });
    const created = await owner.submit(
      '/directory/new',
      '/directory/new',
      organisationForm({ name: 'Data Weavers' }),
    );
    expect(created.status).toBe(303);
    const slug = (created.location ?? '').replace('/directory/', '');
    const invited = await owner.submit(`/directory/${slug}/members`, `/directory/${slug}/members/invite`, {
      email: 'guest@example.org',
      role: 'editor',
    });
    expect(invited.status).toBe(303);

    const data = JSON.parse((await owner.get('/account/export.json')).text).modules.directory;
    expect(data.memberships).toEqual([
      expect.objectContaining({ organisation: 'Data Weavers', organisation_slug: slug, role: 'owner' }),
    ]);
    expect(data.memberships[0].since).toMatch(/^\d{4}-/);
    expect(data.invitations.sent).toEqual([
      expect.objectContaining({ organisation_slug: slug, email: 'guest@example.org', role: 'editor' }),
    ]);
    expect(data.invitations.received).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('token');

    const { client: guest } = await hub.signedIn('member', { email: 'guest@example.org' });
    const theirs = JSON.parse((await guest.get('/account/export.json')).text).modules.directory;
    expect(theirs.memberships).toEqual([]);
    expect(theirs.invitations.received).toEqual([
      expect.objectContaining({
        organisation: 'Data Weavers',
        invited_by: expect.any(String),
        accepted_at: null,
      }),
    ]);
  });
});
