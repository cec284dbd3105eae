// Importing people's profiles from CSV and XLSX through the whole app, on SQLite or PostgreSQL:
// the platform's import steps with the people target, all-or-nothing, and every refusal.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { rowCount } from '../../../test/counts.ts';
import { visibleText } from '../../../test/harness.ts';
import { formValues, importSteps } from '../../../test/import-steps.ts';
import { seededPlatform } from './test-helpers.ts';

const BASE = '/directory/people/import';

const hub = await seededPlatform();
const {
  client: editor,
  user: { id: editorId },
} = await hub.signedIn('editor');

const steps = importSteps(BASE);
const { upload, uploadId, preview, importAll } = steps;

const peopleCount = () => rowCount(hub, 'people');

const personNamed = (name: string) =>
  hub.deps.db.selectFrom('people').selectAll().where('name', '=', name).executeTakeFirstOrThrow();

const organisationsOf = async (personId: number) =>
  (
    await hub.deps.db
      .selectFrom('person_organisations')
      .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
      .select(['organisations.slug', 'person_organisations.role'])
      .where('person_organisations.person_id', '=', personId)
      .orderBy('person_organisations.position')
      .execute()
  ).map((r) => ({ slug: r.slug, role: r.role }));

const facets = async (personId: number, facet: 'domain' | 'language' | 'skill') =>
  (
    await hub.deps.db
      .selectFrom('person_facets')
      .select('value')
      .where('person_id', '=', personId)
      .where('facet', '=', facet)
      .orderBy('position')
      .execute()
  ).map((r) => r.value);

describe('importing a valid file', () => {
  it('imports every row of a CSV with a BOM, Lao, Khmer and Vietnamese names and organisations', async () => {
    const csv = `\ufeff${[
      'Full name,Name in Latin letters,Job title,Organisation,Country,Written in,Domains,Languages,Skills,Links,E-mail,Contact visibility',
      'ສົມພອນ ວົງສະຫວັນ,Somphone Vongsavanh,ຊ່າງແສ່ວ,stella (Weaver),Laos,lo,Visual arts and crafts,"lo, en","weaving; natural dyes",www.somphone.example.org,somphone@example.org,Members who are logged in',
      'សុខ ចាន់ដារ៉ា,Sok Chandara,Shadow puppeteer,,KH,km,performance,km,,,,',
      'Nguyễn Văn Thành,,Nhà nghiên cứu chính sách,"Hanoi Creative City (Curator); https://hub.test/directory/stella",Việt Nam,vi,,vi,,"https://a.example.org/thanh; https://b.example.org/thanh",,public',
    ].join('\r\n')}\r\n`;
    const before = await peopleCount();
    const { id, mapping, checked } = await preview(editor, 'people.csv', csv);
    // Guessed from the headers.
    expect(formValues(mapping.text, `${BASE}/${id}/preview`)).toMatchObject({
      col_0: 'name',
      col_1: 'name_translit',
      col_2: 'title',
      col_3: 'organisations',
      col_4: 'country',
      col_5: 'lang',
      col_6: 'domains',
      col_7: 'languages',
      col_8: 'skills',
      col_9: 'links',
      col_10: 'email',
      col_11: 'contact_visibility',
    });
    expect(checked.status).toBe(200);
    const report = visibleText(checked.text);
    expect(report, report.slice(0, 1500)).toContain('Every row is valid.');
    expect(report).toContain('Import 3 people');

    const done = await importAll(editor, id, checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    expect(done.location).toBe('/directory/people?sort=newest');
    const list = await editor.get(done.location ?? '');
    expect(visibleText(list.text)).toContain('3 profiles were imported from your file.');
    expect(visibleText(list.text)).toContain('ສົມພອນ ວົງສະຫວັນ');
    expect(await peopleCount()).toBe(before + 3);

    const lao = await personNamed('ສົມພອນ ວົງສະຫວັນ');
    expect(lao).toMatchObject({
      slug: 'somphone-vongsavanh',
      name_translit: 'Somphone Vongsavanh',
      title: 'ຊ່າງແສ່ວ',
      country: 'LA',
      lang: 'lo',
      email: 'somphone@example.org',
      contact_visibility: 'members',
      user_id: null,
      status: 'published',
      created_by: editorId,
    });
    expect(JSON.parse(lao.links)).toEqual(['https://www.somphone.example.org']);
    expect(await organisationsOf(lao.id)).toEqual([{ slug: 'stella', role: 'Weaver' }]);
    expect(await facets(lao.id, 'domain')).toEqual(['visual_arts_crafts']);
    expect(await facets(lao.id, 'language')).toEqual(['lo', 'en']);
    expect(await facets(lao.id, 'skill')).toEqual(['weaving', 'natural dyes']);

    const khmer = await personNamed('សុខ ចាន់ដារ៉ា');
    expect(khmer).toMatchObject({ country: 'KH', lang: 'km', contact_visibility: 'hidden', user_id: null });

    const vi = await personNamed('Nguyễn Văn Thành');
    expect(vi).toMatchObject({ country: 'VN', lang: 'vi', contact_visibility: 'public' });
    // By name with the role in brackets, and by the organisation's address.
    expect(await organisationsOf(vi.id)).toEqual([
      { slug: 'hanoi-creative-city', role: 'Curator' },
      { slug: 'stella', role: null },
    ]);
    expect(JSON.parse(vi.links)).toEqual(['https://a.example.org/thanh', 'https://b.example.org/thanh']);

    // In the search index, in the same transaction: found without tone marks, and by the Lao name.
    const visitor = hub.client();
    expect(visibleText((await visitor.get('/directory/people?q=nguyen+van+thanh')).text)).toContain(
      'Nguyễn Văn Thành',
    );
    expect(visibleText((await visitor.get('/directory/people?q=somphone')).text)).toContain('ສົມພອນ ວົງສະຫວັນ');
    expect(visibleText((await visitor.get('/directory/people?q=chandara')).text)).toContain('សុខ ចាន់ដារ៉ា');
    // Linked to the organisation: listed among its people, and the profile names it.
    const ofStella = visibleText((await visitor.get('/directory/people?organisation=stella')).text);
    expect(ofStella).toContain('ສົມພອນ ວົງສະຫວັນ');
    expect(ofStella).toContain('Nguyễn Văn Thành');
    const profile = await visitor.get(`/directory/people/${lao.slug}`);
    expect(profile.status).toBe(200);
    expect(visibleText(profile.text)).toContain('STELLA');

    const audit = await auditEntries(hub, { action: 'person.imported', subjectId: id });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_id).toBe(editorId);
    expect(audit[0]?.details).toMatchObject({ filename: 'people.csv', count: 3 });
    // The upload is forgotten once imported.
    expect((await editor.get(`${BASE}/${id}`)).status).toBe(404);
  });

  it('imports every row of an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    sheet.addRow(['Name', 'Position', 'Country code', 'Organisations', 'Working languages', 'Phone']);
    sheet.addRow(['Chan Sophea', 'Dancer', 'KH', null, 'km; en', '+855 12 345 678']);
    sheet.addRow(['ບຸນມີ ພົມມະຈັນ', 'Curator', 'LA', 'STELLA', 'Lao', null]);
    // A link shows its text; a formula counts by its result.
    sheet.getCell('D2').value = { text: 'stella', hyperlink: 'https://hub.test/directory/stella' };
    sheet.getCell('B3').value = { formula: 'UPPER("curator")', result: 'CURATOR' };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const before = await peopleCount();
    const { id, mapping, checked } = await preview(editor, 'people.xlsx', bytes, { default_lang: 'en' });
    expect(mapping.text).toContain('Country code');
    expect(visibleText(checked.text)).toContain('Every row is valid.');
    const done = await importAll(editor, id, checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    expect(await peopleCount()).toBe(before + 2);

    const sophea = await personNamed('Chan Sophea');
    expect(sophea).toMatchObject({ title: 'Dancer', country: 'KH', lang: 'en', phone: '+855 12 345 678' });
    expect(await facets(sophea.id, 'language')).toEqual(['km', 'en']);
    expect(await organisationsOf(sophea.id)).toEqual([{ slug: 'stella', role: null }]);
    const bounmy = await personNamed('ບຸນມີ ພົມມະຈັນ');
    expect(bounmy.title).toBe('CURATOR');
    expect(await organisationsOf(bounmy.id)).toEqual([{ slug: 'stella', role: null }]);
    expect(await facets(bounmy.id, 'language')).toEqual(['lo']);
  });

  it('keeps cells starting with = + - @ as text', async () => {
    const csv = [
      'name,title,bio,skills,country,lang',
      '"=HYPERLINK(""http://evil.example"",""click"")",+1 Director,@everyone,-weaving,TH,en',
      "'=SUM(A1:A9) Lek,,,,TH,en",
    ].join('\n');
    const { id, checked } = await preview(editor, 'formulas.csv', csv);
    expect(visibleText(checked.text)).toContain('Every row is valid.');
    const done = await importAll(editor, id, checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    const first = await personNamed('=HYPERLINK("http://evil.example","click")');
    expect(first).toMatchObject({ title: '+1 Director', bio: '@everyone' });
    expect(await facets(first.id, 'skill')).toEqual(['-weaving']);
    // The apostrophe our own CSV export adds before such a cell is taken off again.
    expect(await personNamed('=SUM(A1:A9) Lek')).toBeDefined();
  });
});

describe('checking the rows', () => {
  const good = ['Good Person One,Weaver,LA,stella', 'Good Person Two,Dancer,VN,'];
  const cases = [
    {
      what: 'an unknown country',
      row: 'Bad Country,Painter,Atlantis,',
      message: 'Country of work (C): “Atlantis” is not one of the values the hub knows.',
    },
    {
      what: 'an unknown organisation',
      row: 'Bad Organisation,Painter,LA,No Such Collective (Founder)',
      message: 'Organisations (D): “No Such Collective (Founder)” is not an organisation in the directory.',
    },
    {
      what: 'an over-long field',
      row: `Bad Title,${'x'.repeat(201)},LA,`,
      message: 'Title or position (B): This is too long.',
    },
  ];
  for (const c of cases) {
    it(`imports nothing from a file with one row with ${c.what}, and names the row and the field`, async () => {
      const csv = ['name,title,country,organisations', good[0], c.row, good[1]].join('\n');
      const before = await peopleCount();
      const { id, values, checked } = await preview(editor, 'bad.csv', csv, { default_lang: 'en' });
      expect(checked.status).toBe(200);
      const text = visibleText(checked.text);
      expect(text).toContain('1 row has errors');
      expect(checked.text).toContain('id="row-3"');
      expect(text).toContain(`3 ${c.row.split(',')[0]} error ${c.message}`);
      expect(checked.text).not.toContain(`action="${BASE}/${id}"`);
      // Even a forged import request is refused while any row has an error.
      const forged = await editor.request(`${BASE}/${id}`, { form: values });
      expect(forged.status).toBe(422);
      expect(await peopleCount()).toBe(before);
    });
  }

  it('asks for the web address name when several organisations share the name given', async () => {
    const now = new Date().toISOString();
    await hub.deps.db
      .insertInto('organisations')
      .values(
        ['twin-studio-a', 'twin-studio-b'].map((slug) => ({
          slug,
          kind: 'enterprise' as const,
          name: 'Twin Studio',
          lang: 'en',
          description: '',
          country: 'TH',
          links: '[]',
          contact_visibility: 'hidden' as const,
          status: 'published' as const,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const csv = 'name,country,lang,organisations\nTwin One,TH,en,twin studio\nTwin Two,TH,en,twin-studio-b\n';
    const { checked } = await preview(editor, 'twins.csv', csv);
    const text = visibleText(checked.text);
    expect(text).toContain('1 row has errors');
    expect(text).toContain(
      '2 Twin One error Organisations (D): Several organisations in the directory are called “twin studio”',
    );
  });

  it('reports in the reader’s language', async () => {
    await editor.request('/language', { form: { locale: 'vi', next: '/' } });
    const csv = 'name,country,organisations\nA,LA,no-such-org\n';
    const { checked } = await preview(editor, 'vi.csv', csv);
    expect(visibleText(checked.text)).toContain('“no-such-org” không phải là một tổ chức trong danh bạ.');
    await editor.request('/language', { form: { locale: 'en', next: '/' } });
  });

  it('flags likely duplicates, in the directory and within the file, and can leave them out', async () => {
    const csv = [
      'name,country,lang',
      'VIENGEO SOUKSAVATDY,LA,en',
      'Đoàn Kỳ Thanh,VN,vi',
      'Lina Chhim,KH,en',
      'lina  chhim,KH,en',
      'Viengeo Souksavatdy,TH,en',
    ].join('\n');
    const before = await peopleCount();
    const { id, checked } = await preview(editor, 'duplicates.csv', csv);
    const text = visibleText(checked.text);
    expect(text).toContain('Same name and country as a person already in the directory: Viengeo Souksavatdy');
    expect(checked.text).toContain('href="/directory/people/viengeo-souksavatdy"');
    // Folded like the search index folds: "Đoàn Kỳ Thanh" is the seed's "Doan Ky Thanh".
    expect(checked.text).toContain('href="/directory/people/doan-ky-thanh"');
    expect(text).toContain('Same name and country as row 4 of the file.');
    expect(text).toMatch(/2 VIENGEO SOUKSAVATDY possible duplicate/);
    expect(text).toMatch(/5 lina chhim possible duplicate/);
    expect(text).not.toMatch(/6 Viengeo Souksavatdy possible duplicate/);

    const done = await importAll(editor, id, checked, { skip_duplicates: '1' });
    expect(done.status).toBe(303);
    expect(await peopleCount()).toBe(before + 2);
  });

  it('refuses a mapping without a name', async () => {
    const up = await upload(editor, 'nameless.csv', 'name,country\nA,LA\n');
    const id = uploadId(up);
    const page = await editor.get(`${BASE}/${id}`);
    const values = formValues(page.text, `${BASE}/${id}/preview`);
    const nameless = await editor.request(`${BASE}/${id}/preview`, { form: { ...values, col_0: '' } });
    expect(nameless.status).toBe(422);
    expect(visibleText(nameless.text)).toContain("Choose the column that holds the people's names.");
  });
});

describe('refusals', () => {
  it('refuses a malformed CSV and an HTML page renamed .xlsx, and saves nothing', async () => {
    const uploads = () => hub.deps.db.selectFrom('directory_imports').select('id').execute();
    const before = (await uploads()).length;
    const broken = await upload(editor, 'broken.csv', 'name,country\n"Open quote,LA\nOther,VN\n');
    expect(broken.status).toBe(422);
    expect(visibleText(broken.text)).toContain(
      'a quotation mark (") is probably not closed. Nothing was saved.',
    );
    expect(broken.text).toContain(`action="${BASE}"`);

    const html = await upload(
      editor,
      'people.xlsx',
      '<!DOCTYPE html><html><body><table></table></body></html>',
    );
    expect(html.status).toBe(415);
    expect(visibleText(html.text)).toContain('is not an Excel workbook');

    const headerOnly = await upload(editor, 'header.csv', '\ufeffname,country\r\n');
    expect(headerOnly.status).toBe(422);
    expect(visibleText(headerOnly.text)).toContain('no people under it');
    expect((await uploads()).length).toBe(before);
  });

  it('refuses a file over 5 MB with 413', async () => {
    await steps.expectTooBigRefused(editor);
  });

  it('is for editors and admins: members get 403, visitors go to the login page', async () => {
    const memberClient = await steps.expectEditorsOnly(hub, ['people.csv', 'name\nA\n']);
    // The link is offered to those who may use it only.
    expect((await memberClient.get('/directory/people')).text).not.toContain(`href="${BASE}"`);
    expect((await editor.get('/directory/people')).text).toContain(`href="${BASE}"`);
  });

  it('keeps an upload to its own import: a people upload is not an organisation import', async () => {
    const up = await upload(editor, 'people.csv', 'name,country\nA,LA\n');
    const id = uploadId(up);
    expect((await editor.get(`${BASE}/${id}`)).status).toBe(200);
    expect((await editor.get(`/directory/import/${id}`)).status).toBe(404);
  });

  it('needs the CSRF token on the upload and on every step', async () => {
    await steps.expectCsrfOnEveryStep(
      editor,
      ['people.csv', 'name,country,lang\nCsrf Person,LA,en\n'],
      peopleCount,
    );
  });
});
