// The countries' pages through the whole app with the demo content, on SQLite or PostgreSQL: the
// list with the modules' counts (and their links to the filtered lists), a country's page built
// from the modules' blocks, what those blocks keep hidden (drafts, unpublished documents and
// organisations, secret groups), the addresses (lower case, unknown codes), the page's JSON-LD,
// OpenGraph and sitemap entries, and /api/v1/countries.
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLdOf, platformForFile, visibleText } from '../../../test/harness.ts';
import { grantRole } from '../../platform/scoped-roles.ts';
import { markLibraryChanged } from '../library/index.ts';
import { forgetCounts } from './listing.ts';

const hub = await platformForFile({
  seed: ['directory', 'people', 'events', 'library', 'press', 'news', 'groups', 'countries'],
});
const db = hub.deps.db;
const visitor = hub.client();

/** The ids of the blocks (sections) of a country's page, in order. */
const blockIds = (html: string) =>
  [...html.matchAll(/<section class="block card" id="([a-z-]+)"/g)].map((m) => m[1]);

const undo: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const step of undo.splice(0).reverse()) await step();
  forgetCounts(db);
});

describe('/countries', () => {
  it('lists the region and any other country with content, with counts linking to the filtered lists', async () => {
    const res = await visitor.get('/countries');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    for (const name of ['Laos', 'Vietnam', 'Cambodia', 'Timor-Leste', 'North Korea', 'Mongolia', 'France'])
      expect(text, name).toContain(name);
    // Germany is neither in the region nor in the demo content.
    expect(text).not.toContain('Germany');
    expect(res.text).toContain('<a href="/directory?country=VN"><strong>15</strong> organisations</a>');
    expect(res.text).toContain('<a href="/press?country=VN"><strong>5</strong> press articles</a>');
    expect(res.text).toContain('<a href="/library?country=LA"><strong>3</strong> documents</a>');
    expect(res.text).toContain('<a href="/events?country=LA"><strong>2</strong> events</a>');
    const lao = visibleText((await visitor.get('/countries?lang=lo')).text);
    expect(lao).toContain('ບັນດາປະເທດ');
    expect(lao).toContain('ຫວຽດນາມ');
  });

  it('names the countries in the sitemap', async () => {
    const xml = (await visitor.get('/sitemap.xml')).text;
    for (const path of ['/countries', '/countries/LA', '/countries/TL', '/countries/FR'])
      expect(xml, path).toContain(`<loc>http://hub.test${path}</loc>`);
    expect(xml).not.toContain('/countries/DE<');
  });
});

describe('a country’s page', () => {
  it('shows the status, then the blocks of every module that holds something about it', async () => {
    const res = await visitor.get('/countries/VN');
    expect(res.status).toBe(200);
    expect(blockIds(res.text)).toEqual([
      'country-organisations',
      'country-library',
      'country-events-past',
      'country-press',
      'country-news',
    ]);
    const text = visibleText(res.text);
    expect(text).toContain('Decision No. 1755/QĐ-TTg');
    expect(text).toContain('Policy Dialogue on Creative hubs and Creative industries');
    expect(res.text).toContain('href="/directory?country=VN"');
    expect(res.text).toContain('href="/directory?kind=creative_hub&amp;country=VN"');
    expect(res.text).toContain('href="/library?country=VN"');
    expect(res.text).toContain('href="/events?when=past&amp;country=VN"');
    expect(res.text).toContain('href="/press?country=VN"');
    expect(res.text).toContain('href="/news?country=VN"');
    // The map is drawn on the server.
    expect(res.text).toContain('<svg');
  });

  it('carries a schema.org Country and OpenGraph tags, in the reader’s language', async () => {
    const res = await visitor.get('/countries/LA');
    expect(jsonLdOf(res.text)).toMatchObject({
      '@type': 'Country',
      name: 'Laos',
      identifier: 'LA',
      url: 'http://hub.test/countries/LA',
    });
    expect(res.text).toContain('<meta property="og:title" content="Laos"/>');
    expect(res.text).toContain('<meta property="og:url" content="http://hub.test/countries/LA"/>');
    const lao = await visitor.get('/countries/LA?lang=lo');
    expect(jsonLdOf(lao.text)).toMatchObject({ name: 'ລາວ' });
    expect(visibleText(lao.text)).toContain('ເປັນພາຄີຂອງສົນທິສັນຍາປີ 2005');
  });

  it('sends a lower-case code to the page’s address and has no page for unknown codes', async () => {
    const lower = await visitor.get('/countries/la?lang=lo');
    expect(lower.status).toBe(301);
    expect(lower.location).toBe('/countries/LA?lang=lo');
    expect((await visitor.get('/countries/XX')).status).toBe(404);
    expect((await visitor.get('/countries/LAO')).status).toBe(404);
    // A real country outside the region with nothing about it has no page; one with content has.
    expect((await visitor.get('/countries/DE')).status).toBe(404);
    expect((await visitor.get('/countries/FR')).status).toBe(200);
    expect((await visitor.get('/countries/TL')).status).toBe(200);
  });

  it('shows the focal points, linking to a published profile', async () => {
    const withProfile = await hub.createUser({ name: 'Account Name' });
    const person = await db
      .selectFrom('people')
      .select(['id', 'slug', 'name'])
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const before = await db
      .selectFrom('people')
      .select('user_id')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    await db.updateTable('people').set({ user_id: withProfile.id }).where('id', '=', person.id).execute();
    const without = await hub.createUser({ name: 'Noy Without-Profile' });
    for (const u of [withProfile, without])
      await grantRole(db, { kind: 'country', key: 'KH', userId: u.id, role: 'focal_point', by: null });
    undo.push(() =>
      db.updateTable('people').set({ user_id: before.user_id }).where('id', '=', person.id).execute(),
    );
    undo.push(() => db.deleteFrom('scoped_roles').where('scope_key', '=', 'KH').execute());
    const res = await visitor.get('/countries/KH');
    expect(blockIds(res.text)[0]).toBe('country-focal-points');
    expect(res.text).toContain(`href="/directory/people/${person.slug}"`);
    const text = visibleText(res.text);
    expect(text).toContain('Focal points');
    expect(text).toContain(person.name);
    expect(text).toContain('Noy Without-Profile');
    expect(text).not.toContain('Account Name');
  });
});

describe('what the blocks keep hidden', () => {
  it('leaves out unpublished documents, draft events, unpublished organisations and their counts', async () => {
    await visitor.get('/countries'); // the counts as they are now, kept a minute
    // The page as a visitor saw it is kept (platform/visitor-cache.ts) until something is written.
    expect(visibleText((await visitor.get('/countries/LA')).text)).toContain('Law on Enterprises');
    const doc = await db
      .selectFrom('documents')
      .select(['id', 'title', 'published_at'])
      .where('title', 'like', 'Law on Enterprises%')
      .executeTakeFirstOrThrow();
    // Written here as the library's actions would, with the new version of the library every
    // write stores, so its kept counts are read anew.
    const libraryChanged = () => markLibraryChanged(db);
    await db.updateTable('documents').set({ published_at: null }).where('id', '=', doc.id).execute();
    await libraryChanged();
    undo.push(async () => {
      await db
        .updateTable('documents')
        .set({ published_at: doc.published_at })
        .where('id', '=', doc.id)
        .execute();
      await libraryChanged();
    });
    const event = await db
      .selectFrom('events')
      .select(['id', 'title', 'status'])
      .where('country', '=', 'LA')
      .where('starts_on', '>', '2020-01-01')
      .executeTakeFirstOrThrow();
    await db.updateTable('events').set({ status: 'draft' }).where('id', '=', event.id).execute();
    undo.push(() =>
      db.updateTable('events').set({ status: event.status }).where('id', '=', event.id).execute(),
    );
    const org = await db
      .selectFrom('organisations')
      .select(['id', 'name', 'status'])
      .where('slug', '=', 'stella')
      .executeTakeFirstOrThrow();
    await db.updateTable('organisations').set({ status: 'pending' }).where('id', '=', org.id).execute();
    undo.push(() =>
      db.updateTable('organisations').set({ status: org.status }).where('id', '=', org.id).execute(),
    );

    const { client: admin } = await hub.signedIn('admin');
    for (const reader of [visitor, admin]) {
      const res = await reader.get('/countries/LA');
      const text = visibleText(res.text);
      expect(text).not.toContain(doc.title);
      expect(text).not.toContain(event.title);
      expect(text).not.toContain(org.name);
      expect(text).toContain('All documents (2)');
      expect(blockIds(res.text)).not.toContain('country-events-upcoming');
    }
    // The counts are kept a minute (listing.ts): a minute later they are these.
    expect((await visitor.get('/countries')).text).toContain(
      '<a href="/library?country=LA"><strong>3</strong> documents</a>',
    );
    forgetCounts(db);
    const list = (await visitor.get('/countries')).text;
    expect(list).toContain('<a href="/library?country=LA"><strong>2</strong> documents</a>');
    expect(list).toContain('<a href="/events?country=LA"><strong>1</strong> events</a>');
    expect(list).toContain('<a href="/directory?country=LA"><strong>2</strong> organisations</a>');
  });

  it('leaves out the press and news of a draft event and of unpublished posts', async () => {
    const events = await db
      .selectFrom('events')
      .select(['id', 'status'])
      .where('country', '=', 'VN')
      .execute();
    for (const e of events) {
      await db.updateTable('events').set({ status: 'draft' }).where('id', '=', e.id).execute();
      undo.push(() => db.updateTable('events').set({ status: e.status }).where('id', '=', e.id).execute());
    }
    const posts = await db
      .selectFrom('posts')
      .innerJoin('organisations', 'organisations.id', 'posts.organisation_id')
      .select(['posts.id', 'posts.published_at'])
      .where('organisations.country', '=', 'VN')
      .execute();
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      await db.updateTable('posts').set({ published_at: null }).where('id', '=', p.id).execute();
      undo.push(() =>
        db.updateTable('posts').set({ published_at: p.published_at }).where('id', '=', p.id).execute(),
      );
    }
    const res = await visitor.get('/countries/VN');
    expect(blockIds(res.text)).toEqual(['country-organisations', 'country-library']);
    expect((await visitor.get('/api/v1/countries/VN')).text).toContain('"press":0');
  });

  it('shows a secret country team only to its members', async () => {
    const team = await db
      .selectFrom('groups')
      .select(['id', 'name', 'visibility'])
      .where('kind', '=', 'country_team')
      .where('country', '=', 'LA')
      .executeTakeFirstOrThrow();
    expect(blockIds((await visitor.get('/countries/LA')).text)).toContain('country-teams');
    await db.updateTable('groups').set({ visibility: 'secret' }).where('id', '=', team.id).execute();
    undo.push(() =>
      db.updateTable('groups').set({ visibility: team.visibility }).where('id', '=', team.id).execute(),
    );
    const { client: insider, user } = await hub.signedIn('member');
    await db
      .insertInto('group_members')
      .values({ group_id: team.id, user_id: user.id, role: 'member', created_at: new Date().toISOString() })
      .execute();
    const { client: outsider } = await hub.signedIn('member');
    for (const reader of [visitor, outsider]) {
      const res = await reader.get('/countries/LA');
      expect(blockIds(res.text)).not.toContain('country-teams');
      expect(visibleText(res.text)).not.toContain(team.name);
    }
    const inside = await insider.get('/countries/LA');
    expect(blockIds(inside.text)).toContain('country-teams');
    expect(inside.text).toContain('href="/groups?kind=country_team&amp;country=LA"');
  });
});

describe('the lists filtered by a country', () => {
  it('keep the country as a hidden field of the filters (press, news)', async () => {
    const press = await visitor.get('/press?country=VN');
    expect(press.text).toContain('<input type="hidden" name="country" value="VN"/>');
    expect(visibleText(press.text)).toContain('A policy dialogue on the role of creative hubs');
    expect(visibleText((await visitor.get('/press?country=LA')).text)).not.toContain('A policy dialogue');
    const news = await visitor.get('/news?country=VN');
    expect(news.text).toContain('<input type="hidden" name="country" value="VN"/>');
    expect(visibleText(news.text)).toContain('Policy dialogue on creative hubs');
    expect(visibleText((await visitor.get('/news?country=TH')).text)).not.toContain(
      'Policy dialogue on creative hubs',
    );
  });
});

describe('/api/v1/countries', () => {
  it('lists the countries with their status and counts', async () => {
    const res = await visitor.get('/api/v1/countries');
    expect(res.status).toBe(200);
    const { items } = JSON.parse(res.text) as {
      items: { code: string; status: unknown; counts: Record<string, number> }[];
    };
    const vn = items.find((i) => i.code === 'VN');
    // Every module's figure is there (0 where it has none); these are the ones the test's seed fills.
    expect(vn?.counts).toMatchObject({ organisations: 15, documents: 4, events: 1, press: 5 });
    expect(items.find((i) => i.code === 'LA')?.status).toMatchObject({ party: true, partySince: null });
    expect(items.some((i) => i.code === 'DE')).toBe(false);
  });

  it('answers one country, 404 for codes that have no page', async () => {
    const res = await visitor.get('/api/v1/countries/TH', { 'accept-language': 'th' });
    expect(JSON.parse(res.text)).toMatchObject({
      code: 'TH',
      name: 'ไทย',
      status: null,
      counts: { organisations: 2 },
    });
    for (const code of ['th', 'XX', 'DE'])
      expect((await visitor.get(`/api/v1/countries/${code}`)).status, code).toBe(404);
  });

  it('is in the OpenAPI document', async () => {
    const doc = JSON.parse((await visitor.get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/countries', '/countries/{code}', '/countries/{code}/status']),
    );
    expect(doc.paths['/countries/{code}/status'].patch).toBeDefined();
  });
});
