// The directory through the whole app, on SQLite or PostgreSQL, with the demo organisations of
// seed/directory loaded by the module's own seed.
import { describe, expect, it } from 'vitest';
import { addThroughForm } from '../../../test/forms.ts';
import { jsonLdOf, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { createApiToken } from '../../platform/auth.ts';
import { search } from '../../search/index.ts';
import { organisationForm } from './test-fixtures.ts';

const hub = await platformForFile({ seed: ['directory'] });
const { client: adminClient } = await hub.signedIn('admin');

const validForm = (overrides: Record<string, string> = {}) =>
  organisationForm({
    latitude: '19.8856',
    longitude: '102.1347',
    website: 'https://example.org/weavers',
    email: 'weavers@example.org',
    phone: '+856 20 555 0100',
    founded_year: '1998',
    ...overrides,
  });

const memberClient = () => hub.signedIn();

const createAs = (client: TestClient, overrides: Record<string, string> = {}) =>
  addThroughForm(client, '/directory/new', validForm(overrides));

describe('browsing', () => {
  it('lists the demo organisations with a map and filters them through the URL', async () => {
    const all = await hub.client().get('/directory');
    expect(all.status).toBe(200);
    expect(visibleText(all.text)).toContain('STELLA');
    expect(all.text).toContain('<svg viewBox="0 0 800 520"');
    expect(all.text).toMatch(/<circle cx="[\d.]+" cy="[\d.]+"/);

    const lao = await hub.client().get('/directory?country=LA');
    const text = visibleText(lao.text);
    expect(text).toContain('STELLA');
    expect(text).toContain('Ministry of Information, Culture and Tourism');
    expect(text).not.toContain('Sàn Art');

    const hubsInVietNam = await hub.client().get('/directory?country=VN&kind=creative_hub');
    const hubs = visibleText(hubsInVietNam.text);
    expect(hubs).toContain('Heritage Space');
    expect(hubs).not.toContain('Song Huong');
    expect(hubs).not.toContain('STELLA');

    const verifiedHubs = visibleText(
      (await hub.client().get('/directory?country=VN&kind=creative_hub&verified=1')).text,
    );
    expect(verifiedHubs).toContain('Sàn Art');
    expect(verifiedHubs).not.toContain('Heritage Space');
  });

  it('finds organisations by words, Vietnamese without tone marks included', async () => {
    const res = await hub.client().get('/directory?q=song+huong');
    expect(visibleText(res.text)).toContain('Sông Hương');
    const lao = await hub.client().get(`/directory?q=${encodeURIComponent('ວັດທະນະທຳ')}`);
    expect(visibleText(lao.text)).toContain('Ministry of Information, Culture and Tourism');
  });

  it('sorts names in the reader’s collation and pages through them', async () => {
    const page1 = await hub.client().get('/directory?sort=name', { 'accept-language': 'en' });
    const page2 = await hub.client().get('/directory?sort=name&page=2', { 'accept-language': 'en' });
    expect(page1.text).toContain('rel="next"');
    const names = (html: string) =>
      [...html.matchAll(/<h2 class="card-title"><a href="\/directory\/([^"]+)"/g)].map((m) => m[1]);
    const first = names(page1.text);
    expect(first).toHaveLength(24);
    expect(names(page2.text).some((slug) => first.includes(slug))).toBe(false);
  });

  it('sorts by newest and by last change', async () => {
    const { client } = await memberClient();
    const slug = (await createAs(client, { name: 'Newest Weavers of Sekong' })).split('/').pop();
    const first = async (sort: string) =>
      JSON.parse((await hub.client().get(`/api/v1/organisations?sort=${sort}&pageSize=1`)).text).items[0]
        ?.slug;
    expect(await first('newest')).toBe(slug);
    await hub.deps.db
      .updateTable('organisations')
      .set({ updated_at: new Date(Date.now() + 60_000).toISOString() })
      .where('slug', '=', 'lao-mict')
      .execute();
    expect(await first('updated')).toBe('lao-mict');
    const rows = (await hub.client().get('/directory?sort=newest&view=list')).text.split('<tbody>')[1] ?? '';
    expect(rows.match(/href="\/directory\/([^"]+)"/)?.[1]).toBe(slug);
  });

  it('drops filter values it cannot use instead of failing', async () => {
    const res = await hub.client().get('/directory?country=ZZ&kind=emperor&page=-1&sort=%27');
    expect(res.status).toBe(200);
  });

  it('shows a profile with schema.org data, and 404 for an unknown one', async () => {
    const res = await hub.client().get('/directory/stella');
    expect(res.status).toBe(200);
    const ld = jsonLdOf(res.text);
    expect(ld).toMatchObject({
      '@type': 'Organization',
      name: 'STELLA',
      address: { addressCountry: 'LA', addressLocality: 'Vientiane' },
    });
    expect(res.text).toContain('property="og:title" content="STELLA"');
    expect((await hub.client().get('/directory/no-such-hub')).status).toBe(404);
  });

  it('shows the reader’s language where a translation exists', async () => {
    const res = await hub.client().get('/directory/lao-mict', { 'accept-language': 'lo' });
    expect(res.text).toContain('<h1 lang="lo">ກະຊວງຖະແຫຼງຂ່າວ');
  });
});

describe('exports', () => {
  it('exports the current selection as CSV, JSON and vCard', async () => {
    const csv = await hub.client().get('/directory/export.csv?country=LA&kind=government');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(
      /attachment; filename="creative-hub-directory-[\d-]+\.csv"/,
    );
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^name,name_translit,kind,country/);
    expect(lines.length).toBe(3);
    const json = JSON.parse(
      (await hub.client().get('/directory/export.json?country=LA&kind=government')).text,
    );
    expect(json.count).toBe(2);
    const vcf = await hub.client().get('/directory/export.vcf?country=LA&kind=creative_hub');
    expect(vcf.headers.get('content-type')).toContain('text/vcard');
    expect(vcf.text.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(vcf.text).toContain('FN:STELLA');
    expect(vcf.text).toContain('GEO:geo:17.9757,102.6331');
  });

  it('neutralises formulas and hides contacts the reader may not see', async () => {
    const { client } = await memberClient();
    await createAs(client, {
      name: '=HYPERLINK("http://evil.example","click")',
      email: 'secret@example.org',
      city: 'Pakse',
      country: 'LA',
    });
    const csv = await hub.client().get('/directory/export.csv?city=Pakse');
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv.text).not.toContain('secret@example.org');
    const mine = await client.get('/directory/export.csv?city=Pakse');
    expect(mine.text).toContain('secret@example.org');
  });
});

describe('adding and editing', () => {
  it('sends visitors to log in, and lets members add an organisation that is searchable at once', async () => {
    expect((await hub.client().get('/directory/new')).location).toBe('/login?next=%2Fdirectory%2Fnew');
    const { user, client } = await memberClient();
    const location = await createAs(client);
    expect(location).toBe('/directory/ban-phanom-weavers');
    const profile = await client.get(location);
    expect(visibleText(profile.text)).toContain('Silk weavers of Ban Phanom near Luang Prabang.');
    expect(profile.text).toContain('<strong>Ban Phanom</strong>');
    expect(visibleText(profile.text)).toContain('weavers@example.org');
    // Members-only contact: a visitor does not see it.
    expect(visibleText((await hub.client().get(location)).text)).not.toContain('weavers@example.org');
    const found = await search(hub.deps.db, { q: 'phanom', viewer: null });
    expect(found.hits.map((h) => h.url)).toContain('/directory/ban-phanom-weavers');
    const member = await hub.deps.db
      .selectFrom('organisation_members')
      .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
      .select('role')
      .where('slug', '=', 'ban-phanom-weavers')
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    expect(member?.role).toBe('owner');
  });

  it('shows the form again with every value and a message per wrong field', async () => {
    const { client } = await memberClient();
    await client.get('/directory/new');
    const res = await client.request('/directory/new', {
      form: validForm({
        name: 'N'.repeat(201),
        country: 'ZZ',
        latitude: '91',
        longitude: 'east',
        website: 'javascript:alert(1)',
        founded_year: '3000',
        parent: 'no-such-parent',
        description: 'Kept draft text',
      }),
    });
    expectFormRefused(
      res,
      [
        'This is too long.',
        'Choose a country from the list.',
        'A latitude is a number from -90 to 90.',
        'A longitude is a number from -180 to 180.',
        'Enter a web address starting with http:// or https://.',
        'A year such as 2016.',
      ],
      ['Kept draft text', 'value="91"'],
    );
    const parentOnly = await client.request('/directory/new', {
      form: validForm({ name: 'Orphan group', parent: 'no-such-parent' }),
    });
    expect(parentOnly.status).toBe(422);
    expect(visibleText(parentOnly.text)).toContain('No such organisation in the directory.');
    const count = await hub.deps.db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Orphan group')
      .execute();
    expect(count).toHaveLength(0);
  });

  it('takes only a published parent, and never one below the organisation itself', async () => {
    const { client } = await memberClient();
    const pending = await createAs(client, { name: 'Waiting collective' });
    await hub.deps.db
      .updateTable('organisations')
      .set({ status: 'pending' })
      .where('slug', '=', pending.slice('/directory/'.length))
      .execute();
    const underPending = await client.request('/directory/new', {
      form: validForm({ name: 'Child of a pending one', parent: pending.slice('/directory/'.length) }),
    });
    expect(underPending.status).toBe(422);
    expect(visibleText(underPending.text)).toContain('No such organisation in the directory.');

    const top = await createAs(client, { name: 'Top network' });
    const middle = await createAs(client, { name: 'Middle office', parent: top.slice('/directory/'.length) });
    const bottom = await createAs(client, {
      name: 'Bottom unit',
      parent: middle.slice('/directory/'.length),
    });
    await client.get(`${top}/edit`);
    const cycle = await client.request(`${top}/edit`, {
      form: validForm({ name: 'Top network', parent: bottom.slice('/directory/'.length) }),
    });
    expect(cycle.status).toBe(422);
    expect(visibleText(cycle.text)).toContain('cannot also be below it');
    const row = await hub.deps.db
      .selectFrom('organisations')
      .select('parent_id')
      .where('slug', '=', top.slice('/directory/'.length))
      .executeTakeFirstOrThrow();
    expect(row.parent_id).toBeNull();
  });

  it('renders Markdown without scripts or javascript: links', async () => {
    const { client } = await memberClient();
    const location = await createAs(client, {
      name: 'Script test collective',
      description:
        '<script>alert(1)</script>\n\n[click](javascript:alert(2)) <img src=x onerror=alert(3)> [ok](https://example.org)',
    });
    const res = await hub.client().get(location);
    expect(res.text).not.toContain('<script>alert');
    expect(res.text).not.toMatch(/href="javascript:/i);
    expect(res.text).not.toMatch(/onerror=/);
    expect(res.text).toContain('href="https://example.org" rel="nofollow noopener noreferrer"');
  });

  it('lets its owners and the hub’s editors edit, records the history, and refuses others', async () => {
    const { client: owner } = await memberClient();
    const location = await createAs(owner, { name: 'Luang Prabang Paper Makers' });
    const slug = location.split('/').pop();
    const { client: stranger } = await memberClient();
    expect((await stranger.get(`${location}/edit`)).status).toBe(403);
    await stranger.get('/directory');
    const refused = await stranger.request(`${location}/edit`, { form: validForm({ name: 'Hijacked' }) });
    expect(refused.status).toBe(403);

    await owner.get(`${location}/edit`);
    const saved = await owner.request(`${location}/edit`, {
      form: validForm({ name: 'Luang Prabang Paper Makers', city: 'Ban Xang Khong' }),
    });
    expect(saved.status).toBe(303);
    const history = await hub.deps.db
      .selectFrom('organisation_history')
      .innerJoin('organisations', 'organisations.id', 'organisation_history.organisation_id')
      .select('changes')
      .where('slug', '=', slug ?? '')
      .execute();
    expect(JSON.parse(history[0]?.changes ?? '{}').city).toEqual({
      from: 'Luang Prabang',
      to: 'Ban Xang Khong',
    });
    const ownerView = await owner.get(location);
    expect(visibleText(ownerView.text)).toContain('History of changes');

    const { client: editorClient } = await hub.signedIn('editor');
    await editorClient.get(`${location}/edit`);
    expect(
      (
        await editorClient.request(`${location}/edit`, {
          form: validForm({ name: 'Luang Prabang Paper Makers', city: 'Luang Prabang' }),
        })
      ).status,
    ).toBe(303);
  });

  it('lets only owners and admins delete, and only admins verify', async () => {
    const { client: owner } = await memberClient();
    const location = await createAs(owner, { name: 'Short-lived group' });
    const { client: stranger } = await memberClient();
    await stranger.get('/directory');
    expect((await stranger.request(`${location}/delete`, { form: {} })).status).toBe(403);
    expect((await owner.request(`${location}/verify`, { form: { verified: '1' } })).status).toBe(403);
    await adminClient.get(location);
    expect((await adminClient.request(`${location}/verify`, { form: { verified: '1' } })).status).toBe(303);
    expect(visibleText((await hub.client().get(location)).text)).toContain('Verified');
    await owner.get(location);
    expect((await owner.request(`${location}/delete`, { form: {} })).status).toBe(303);
    expect((await hub.client().get(location)).status).toBe(404);
    const found = await search(hub.deps.db, { q: 'short-lived', viewer: null });
    expect(found.hits).toHaveLength(0);
  });

  it('holds new organisations for approval when the hub asks for it', async () => {
    const now = new Date().toISOString();
    await hub.deps.db
      .insertInto('settings')
      .values({ key: 'directory.approval', value: '1', updated_at: now })
      .execute();
    try {
      const { client } = await memberClient();
      const location = await createAs(client, { name: 'Awaiting approval guild' });
      expect(visibleText((await client.get(location)).text)).toContain('waits for approval');
      expect((await hub.client().get(location)).status).toBe(404);
      expect((await search(hub.deps.db, { q: 'awaiting approval guild', viewer: null })).hits).toHaveLength(
        0,
      );
      await adminClient.get(location);
      expect((await adminClient.request(`${location}/approve`, { form: {} })).status).toBe(303);
      expect((await hub.client().get(location)).status).toBe(200);
      expect((await search(hub.deps.db, { q: 'awaiting approval guild', viewer: null })).hits).toHaveLength(
        1,
      );
    } finally {
      await hub.deps.db.deleteFrom('settings').where('key', '=', 'directory.approval').execute();
    }
  });
});

describe('/api/v1/organisations', () => {
  it('lists with the page filters and reads one organisation', async () => {
    const list = JSON.parse(
      (await hub.client().get('/api/v1/organisations?country=LA&kind=government&sort=name')).text,
    );
    expect(list.total).toBe(2);
    expect(list.items.map((o: { slug: string }) => o.slug).sort()).toEqual([
      'lao-heritage-department',
      'lao-mict',
    ]);
    const one = await hub.client().get('/api/v1/organisations/stella');
    expect(JSON.parse(one.text)).toMatchObject({
      slug: 'stella',
      kind: 'creative_hub',
      country: 'LA',
      verified: true,
    });
    expect((await hub.client().get('/api/v1/organisations/nope')).status).toBe(404);
  });

  it('creates, changes and deletes with a token, with the same permissions as the pages', async () => {
    const user = await hub.createUser();
    const { token } = await createApiToken(hub.deps.db, user.id, 'sync');
    const auth = { authorization: `Bearer ${token}` };
    const api = hub.client();
    const created = await api.request('/api/v1/organisations', {
      method: 'POST',
      headers: auth,
      json: {
        kind: 'association',
        name: 'Siem Reap Artisans Association',
        lang: 'en',
        country: 'KH',
        city: 'Siem Reap',
        latitude: 13.3633,
        longitude: 103.8564,
        domains: ['visual_arts_crafts'],
      },
    });
    expect(created.status).toBe(201);
    const body = JSON.parse(created.text);
    expect(body).toMatchObject({ slug: 'siem-reap-artisans-association', domains: ['visual_arts_crafts'] });

    const patched = await api.request(`/api/v1/organisations/${body.slug}`, {
      method: 'PATCH',
      headers: auth,
      json: { founded_year: 2010 },
    });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text)).toMatchObject({ foundedYear: 2010, city: 'Siem Reap' });

    const invalid = await api.request(`/api/v1/organisations/${body.slug}`, {
      method: 'PATCH',
      headers: auth,
      json: { latitude: 200, country: 'ZZ' },
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(JSON.parse(invalid.text).errors).sort()).toEqual(['country', 'latitude']);

    const stranger = await hub.createUser();
    const other = (await createApiToken(hub.deps.db, stranger.id, 'x')).token;
    const refused = await api.request(`/api/v1/organisations/${body.slug}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${other}` },
      json: { name: 'Mine now' },
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await api.request(`/api/v1/organisations/${body.slug}`, {
          method: 'DELETE',
          headers: { authorization: `Bearer ${other}` },
        })
      ).status,
    ).toBe(403);
    expect((await api.request('/api/v1/organisations', { method: 'POST', json: { name: 'x' } })).status).toBe(
      401,
    );

    expect(
      (await api.request(`/api/v1/organisations/${body.slug}`, { method: 'DELETE', headers: auth })).status,
    ).toBe(204);
    expect((await api.get(`/api/v1/organisations/${body.slug}`)).status).toBe(404);
  });
});
