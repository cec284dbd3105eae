// The search page and API through the whole app.
import { beforeAll, describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import type { HubModule } from '../../platform/context.ts';
import { indexRecord, type SearchableRecord } from '../../search/index.ts';
import { indexNeedsRebuild, reindexAll } from '../../search/rebuild.ts';

const records: SearchableRecord[] = [
  {
    type: 'organisation',
    recordId: 'stella',
    title: 'STELLA creative hub',
    body: 'A creative hub in Vientiane, Lao PDR.',
    url: '/directory/stella',
    country: 'LA',
    visibility: 'public',
    lang: 'en',
  },
  {
    type: 'organisation',
    recordId: 'heritage-space',
    title: 'Heritage Space',
    body: 'Không gian sáng tạo ở Hà Nội và Huế.',
    url: '/directory/heritage-space',
    country: 'VN',
    visibility: 'public',
    lang: 'vi',
  },
  {
    type: 'document',
    recordId: 'draft-1',
    title: 'Draft creative industries roadmap',
    body: 'Not yet public.',
    url: '/library/draft-1',
    visibility: 'private',
    ownerId: 999,
  },
];

// A module that declares the organisation type, as the directory module will.
const fakeDirectory: HubModule = {
  id: 'fake-directory',
  searchProviders: [
    {
      type: 'organisation',
      label: 'search.facetType',
      async *records() {
        for (const r of records.filter((r) => r.type === 'organisation')) yield r;
      },
    },
  ],
};

const hub = await platformForFile({ extraModules: [fakeDirectory] });
beforeAll(async () => {
  for (const r of records) await indexRecord(hub.deps.db, r);
});

describe('/search', () => {
  it('shows the search box in the header of every page, and how to search on an empty query', async () => {
    const home = await hub.client().get('/');
    expect(home.text).toContain('action="/search"');
    expect(home.text).toMatch(/<script type="module" src="\/assets\/search\.[0-9a-f]{10}\.js"/);
    const empty = await hub.client().get('/search');
    expect(empty.status).toBe(200);
    expect(visibleText(empty.text)).toContain('How to search');
  });

  it('lists results with marked words, facets and the kind of each record', async () => {
    const res = await hub.client().get('/search?q=creative');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('1 result for “creative”');
    expect(res.text).toContain('<a href="/directory/stella">STELLA creative hub</a>');
    expect(res.text).toContain('<mark>creative</mark>');
    expect(text).not.toContain('Draft creative industries roadmap');
    // The filters offer what the results hold, with how many of each.
    expect(res.text).toMatch(/<option value="LA"[^>]*>Laos \(1\)<\/option>/);
    expect(res.text).toMatch(/<option value="organisation"[^>]*>Kind \(1\)<\/option>/);
  });

  it('narrows the results in the filter panel, keeping the words; clearing the filters keeps them too', async () => {
    const res = await hub.client().get('/search?q=creative+hub&country=LA');
    expect(res.text).toContain('<details class="filter-panel">');
    expect(res.text).toMatch(/<select id="filter-country" name="country">/);
    expect(res.text).toMatch(/<option value="LA" selected="">Laos \(1\)<\/option>/);
    expect(res.text).toContain('<input type="hidden" name="q" value="creative hub"/>');
    expect(res.text).toContain('href="/search?q=creative+hub">Clear the filters</a>');
    // The search box keeps the filters for the next words.
    expect(res.text).toContain('<input type="hidden" name="country" value="LA"/>');
  });

  it('finds Vietnamese without tone marks and filters by country', async () => {
    const res = await hub.client().get('/search?q=hue&country=VN');
    expect(visibleText(res.text)).toContain('Heritage Space');
    const none = await hub.client().get('/search?q=hue&country=LA');
    expect(visibleText(none.text)).toContain('Nothing found.');
    expect(visibleText(none.text)).toContain('Remove a filter');
  });

  it('answers strange and hostile queries with a normal page', async () => {
    for (const q of [
      '"',
      '*',
      'NEAR',
      ':',
      "'",
      '%',
      '\\',
      'a'.repeat(20_000),
      '%E0%A4%A',
      '%00',
      '<script>alert(1)</script>',
      '-x',
    ]) {
      const res = await hub
        .client()
        .get(`/search?q=${encodeURIComponent(q)}&type=%27&lang=%3C&country=ZZ&cursor=%%%`);
      expect(res.status, q).toBe(200);
      expect(res.text).not.toContain('<script>alert(1)</script>');
    }
    const invalidUtf8 = await hub.client().get('/search?q=%C3%28%FF');
    expect(invalidUtf8.status).toBe(200);
    const onlyExcluded = await hub.client().get('/search?q=-creative');
    expect(visibleText(onlyExcluded.text)).toContain('Add at least one word to look for');
  });

  it('shows members-only and private records only to those allowed', async () => {
    await indexRecord(hub.deps.db, {
      type: 'document',
      recordId: 'm1',
      title: 'Members bulletin on weaving',
      body: '',
      url: '/m1',
      visibility: 'members',
    });
    expect(visibleText((await hub.client().get('/search?q=weaving')).text)).toContain('Nothing found');
    const { client } = await hub.signedIn();
    expect(visibleText((await client.get('/search?q=weaving')).text)).toContain(
      'Members bulletin on weaving',
    );
  });
});

describe('/api/v1/search', () => {
  it('returns results, facets and a cursor as JSON', async () => {
    const res = await hub.client().get('/api/v1/search?q=hub&limit=1');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ type: 'organisation', id: 'stella', url: '/directory/stella' });
    expect(
      body.items[0].snippet.some((p: { mark: boolean; text: string }) => p.mark && p.text === 'hub'),
    ).toBe(true);
    expect(body.facets.country).toEqual({ LA: 1 });
  });

  it('refuses a limit out of range with problem+json, and answers an empty query normally', async () => {
    const bad = await hub.client().get('/api/v1/search?q=hub&limit=1000');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const empty = await hub.client().get('/api/v1/search');
    expect(JSON.parse(empty.text)).toMatchObject({ total: 0, items: [], problem: 'empty' });
  });

  it('suggests titles while typing', async () => {
    const res = await hub.client().get('/api/v1/search/suggest?q=heri');
    expect(JSON.parse(res.text).suggestions).toEqual([
      { type: 'organisation', title: 'Heritage Space', url: '/directory/heritage-space' },
    ]);
    expect(JSON.parse((await hub.client().get('/api/v1/search/suggest?q=draf')).text).suggestions).toEqual(
      [],
    );
  });

  it('is described in the OpenAPI document', async () => {
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/search', '/search/suggest']));
  });
});

describe('rebuilding the index', () => {
  it('fills the index again from the modules and records the ICU it was built with', async () => {
    const providers = hub.deps.modules.flatMap((m) => m.searchProviders ?? []);
    const count = await reindexAll(hub.deps.db, providers);
    expect(count).toBe(2);
    expect((await indexNeedsRebuild(hub.deps.db)).stale).toBe(false);
    expect((await indexNeedsRebuild(hub.deps.db)).current).toContain(`ICU ${process.versions.icu}`);
    // Rebuilt from the providers only: records indexed by nobody's provider are gone.
    expect(visibleText((await hub.client().get('/search?q=heritage')).text)).toContain('Heritage Space');
    await hub.deps.db
      .updateTable('settings')
      .set({ value: 'tokenizer 0, ICU 1.0' })
      .where('key', '=', 'search.index_version')
      .execute();
    expect((await indexNeedsRebuild(hub.deps.db)).stale).toBe(true);
  });
});
