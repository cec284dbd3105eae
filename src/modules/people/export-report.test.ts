// What the module kit gives the people directory, through the whole app on SQLite or PostgreSQL:
// the filtered list as CSV and XLSX (read back by a strict parser), the filter panel, the report
// link and form of a profile, single-line fields that refuse control characters with a message,
// and "download my data" with the member's profile and claims.
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../test/harness.ts';
import { parseVcards } from '../../../test/ical.ts';
import {
  CONTROL_CHARACTER,
  expectFormRefused,
  expectOneLineError,
  ONE_LINE,
} from '../../../test/refusals.ts';
import { expectNotReportable, expectReportable } from '../../../test/reports.ts';
import { csvDownload, expectLineBreaksKept, storeText, xlsxDownload } from '../../../test/spreadsheets.ts';
import { createProfile, profileForm, seededPlatform } from './test-helpers.ts';

const hub = await seededPlatform();
const { client: editor } = await hub.signedIn('editor');

const countPeople = async () =>
  Number(
    (
      await hub.deps.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the list', () => {
  it('has its filters in the panel that folds on a phone, with the fields named as before', async () => {
    const res = await hub.client().get('/directory/people?country=CN');
    expect(res.text).toContain('<details class="filter-panel">');
    for (const name of ['q', 'country', 'domain', 'language', 'organisation', 'sort'])
      expect(res.text).toContain(`id="filter-${name}"`);
    // One filter narrows the list: the folded line says so.
    expect(visibleText(res.text)).toContain('Filters 1 on');
  });

  it('gives the filtered list as CSV that a strict parser reads, one row per person', async () => {
    const list = await hub.client().get('/directory/people?country=CN&page=1');
    expect(list.text).toContain('href="/directory/people/export.xlsx?country=CN"');
    const { rows } = await csvDownload(hub.client(), '/directory/people/export.csv?country=CN');
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'name',
      'name_translit',
      'title',
      'organisations',
      'country',
      'domains',
      'languages',
      'skills',
      'links',
      'email',
      'phone',
      'url',
      'updated_at',
    ]);
    expect(rows.map((r) => r.name)).toEqual(['Li Ming', 'Marielza Oliveira', 'Shen Yubiao']);
    expect(rows.find((r) => r.name === 'Li Ming')).toMatchObject({
      // Organisations with their role in brackets, as the import reads them back.
      organisations: '青岛市文化广电新闻出版局 (Director General)',
      country: 'CN',
      url: 'http://hub.test/directory/people/li-ming',
    });
  });

  it('gives the whole list as an XLSX workbook with the CSV’s columns', async () => {
    const sheet = await xlsxDownload(
      hub.client(),
      '/directory/people/export.xlsx',
      /creative-hub-people-[\d-]+\.xlsx/,
    );
    expect(sheet.name).toBe('People');
    expect(sheet.getRow(1).getCell(1).value).toBe('name');
    expect(sheet.getRow(1).getCell(13).value).toBe('updated_at');
    expect(sheet.rowCount).toBe((await countPeople()) + 1);
  });
});

describe('reporting a profile', () => {
  it('links the profile to the report form, which files a report for the moderators', async () => {
    const { reader, page } = await expectReportable(hub, {
      page: '/directory/people/li-ming',
      type: 'person',
      key: 'li-ming',
      message: 'Wrong title.',
    });
    expect(visibleText(page.text)).toContain('Report a problem with this profile');
    // A profile that does not exist cannot be reported.
    await expectNotReportable(reader, { type: 'person', key: 'no-such-person' });
  });
});

describe('control characters', () => {
  it('refuses a line break in the name and U+0000 in the bio, keeping everything typed', async () => {
    const before = await countPeople();
    await editor.get('/directory/people/new?owner=none');
    const res = await editor.request('/directory/people/new', {
      form: profileForm({ owner: 'none', name: 'Keo\nSophea', bio: 'Designs\u0000 ikat', title: 'Weaver' }),
    });
    expectFormRefused(res, [ONE_LINE, CONTROL_CHARACTER], ['value="Weaver"']);
    expect(await countPeople()).toBe(before);

    const api = await editor.request('/api/v1/people', {
      json: { owner: 'none', name: 'Keo Sophea', lang: 'en', phone: '+855\t12 345' },
      headers: { 'x-csrf-token': editor.csrfToken() },
    });
    expectOneLineError(api, 'phone');
    expect(await countPeople()).toBe(before);
  });
});

describe('download my data', () => {
  it('holds the member’s own profile, in full, and the claims they made', async () => {
    const { client } = await hub.signedIn('member');
    // A claim on a profile nobody owns, then a profile of their own (the claim stays pending).
    await client.get('/directory/people/li-ming');
    expect(
      (await client.request('/directory/people/li-ming/claim', { form: { message: 'It is me.' } })).status,
    ).toBe(303);
    const location = await createProfile(
      client,
      profileForm({
        name: 'Bounmy Keo',
        email: 'bounmy@example.org',
        org_slug: 'stella',
        org_role: 'Weaver',
      }),
    );

    const res = await client.get('/account/export.json');
    expect(res.status).toBe(200);
    const { modules } = JSON.parse(res.text) as {
      modules: { people: { profiles: unknown[]; claims: unknown[] } };
    };
    expect(modules.people.profiles).toEqual([
      expect.objectContaining({
        slug: location.replace('/directory/people/', ''),
        name: 'Bounmy Keo',
        email: 'bounmy@example.org',
        contact_visibility: 'hidden',
        organisations: [expect.objectContaining({ slug: 'stella', role: 'Weaver' })],
      }),
    ]);
    expect(modules.people.claims).toEqual([
      expect.objectContaining({ profile: 'li-ming', message: 'It is me.', status: 'pending' }),
    ]);

    // Another member's download holds nothing of it.
    const { client: other } = await hub.signedIn('member');
    const theirs = JSON.parse((await other.get('/account/export.json')).text);
    expect(theirs.modules.people).toEqual({ profiles: [], claims: [] });
  });
});

describe('line breaks in a cell', () => {
  // Last in the file: it changes a seeded profile.
  it('keep a title stored on several lines in one cell of its person’s row', async () => {
    await storeText(hub, { table: 'people', column: 'title', where: ['slug', 'viengeo-souksavatdy'] });
    await expectLineBreaksKept(hub.client(), '/directory/people/export.csv', 'title');
  });
});

describe('the list as vCards', () => {
  it('folds a long Khmer name at 75 octets and keeps line breaks in a value as text, read by ical.js', async () => {
    const name = 'មជ្ឈមណ្ឌលច្នៃប្រឌិត ព្រះនាង សុខ សុភា នៃខេត្តសៀមរាប ព្រះរាជាណាចក្រកម្ពុជា';
    const page = await createProfile(editor, profileForm({ name, lang: 'km' }));
    const slug = page.replace('/directory/people/', '');
    await storeText(
      hub,
      { table: 'people', column: 'title', where: ['slug', slug] },
      'Weaver\rTEL:+85512345678',
    );
    const vcf = await hub.client().get('/directory/people/export.vcf?country=KH');
    expect(vcf.status).toBe(200);
    const card = parseVcards(vcf.text).find((c) => c.getFirstPropertyValue('fn') === name);
    expect(card?.getFirstPropertyValue('title')).toBe('Weaver\nTEL:+85512345678');
    expect(card?.hasProperty('tel')).toBe(false);
  });
});
