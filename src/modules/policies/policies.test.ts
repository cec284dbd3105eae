// The policies module through the whole app, on SQLite or PostgreSQL: the demo measures, the list
// and its filters, exports and feed, a measure's page (JSON-LD), the form and every refusal (a
// member editing another's measure, a focal point another country's), the comparison, the country
// block and figure, and /api/v1/measures.
import { describe, expect, it } from 'vitest';
import { bearer, jsonLdOf, platformForFile, visibleText } from '../../../test/harness.ts';
import { expectFormRefused } from '../../../test/refusals.ts';
import { csvDownload, xlsxDownload } from '../../../test/spreadsheets.ts';
import { grantRole } from '../../platform/scoped-roles.ts';
import { countryMeasuresBlock, loadCountryMeasures, measuresFigure } from './blocks.tsx';
import { countMeasures, measureForm, measureJson } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory', 'events', 'library', 'policies'] });
const { client: author, user: authorUser } = await hub.signedIn('member', { name: 'Measure Author' });
const { client: other, token: otherToken } = await hub.signedInWithToken('member', { name: 'Other Member' });
const { client: editor } = await hub.signedIn('editor');
const {
  client: focal,
  user: focalUser,
  token: focalToken,
} = await hub.signedInWithToken('member', {
  name: 'Lao Focal Point',
});
await grantRole(hub.deps.db, {
  kind: 'country',
  key: 'LA',
  userId: focalUser.id,
  role: 'focal_point',
  by: null,
});

const idOf = async (titlePart: string) =>
  (
    await hub.deps.db
      .selectFrom('policy_measures')
      .select('id')
      .where('title', 'like', `%${titlePart}%`)
      .executeTakeFirstOrThrow()
  ).id;

const listedIds = (html: string) =>
  [...html.matchAll(/<a href="\/measures\/(\d+)" lang=/g)].map((m) => Number(m[1]));

async function addMeasure(client: typeof author, overrides: Record<string, string | string[]> = {}) {
  await client.get('/measures/new');
  const res = await client.request('/measures/new', { form: measureForm(overrides) });
  expect(res.status, visibleText(res.text).slice(0, 500)).toBe(303);
  return Number(res.location?.split('/').pop());
}

describe('the demo measures', () => {
  it('holds what the source documents say of Lao PDR, Viet Nam and Qingdao, and no budget', async () => {
    const rows = await hub.deps.db
      .selectFrom('policy_measures')
      .select(['country', 'source', 'budget_amount', 'event_id', 'website'])
      .execute();
    expect(rows.length).toBe(5);
    expect(rows.filter((r) => r.country === 'LA')).toHaveLength(3);
    expect(rows.every((r) => r.budget_amount === null)).toBe(true);
    expect(rows.filter((r) => r.source === 'civil_society')).toHaveLength(1);
    const stella = await hub.client().get(`/measures/${await idOf('STELLA')}`);
    const text = visibleText(stella.text);
    expect(text).toContain('29 individuals and organisations');
    expect(stella.text).toContain('href="/directory/stella"');
    expect(text).toContain('Ministry of Information, Culture and Tourism (public)');
    expect(text).toContain('Partnering with civil society');
  });

  it('marks a measure resting on a policy document as Legislation, another as CreativeWork', async () => {
    const vn = await hub.client().get(`/measures/${await idOf('1755')}`);
    const ld = jsonLdOf(vn.text);
    expect(ld['@type']).toBe('Legislation');
    expect(ld.legislationJurisdiction).toBe('VN');
    expect(JSON.stringify(ld.isBasedOn)).toContain('/library/decision-1755-qd-ttg');
    const film = jsonLdOf((await hub.client().get(`/measures/${await idOf('Qingdao')}`)).text);
    expect(film['@type']).toBe('CreativeWork');
  });
});

describe('the list', () => {
  it('filters by stage, country, goal (through the areas), source and youth, all in the URL', async () => {
    const stella = await idOf('STELLA');
    const byStage = await hub.client().get('/measures?stage=distribution');
    expect(listedIds(byStage.text)).toEqual([stella]);
    const laos = listedIds((await hub.client().get('/measures?country=LA')).text);
    expect(laos).toHaveLength(3);
    const governance = listedIds((await hub.client().get('/measures?goal=governance&country=LA')).text);
    expect(governance).toHaveLength(3);
    expect(listedIds((await hub.client().get('/measures?source=civil_society')).text)).toEqual([stella]);
    expect(listedIds((await hub.client().get('/measures?goal=human_rights')).text)).toEqual([]);
    // A value that cannot be used is dropped, not a 500.
    const odd = await hub.client().get('/measures?country=XX&stage=nope&year=abc&page=-3');
    expect(odd.status).toBe(200);
    expect(listedIds(odd.text).length).toBeGreaterThanOrEqual(5);
  });

  it('finds words, sorts by title, and exports the selection as CSV and XLSX', async () => {
    expect(listedIds((await hub.client().get('/measures?q=moomcreative')).text)).toEqual([]);
    expect(listedIds((await hub.client().get('/measures?q=coordination')).text)).toEqual([
      await idOf('Coordination mechanism'),
    ]);
    const { rows } = await csvDownload(
      hub.client(),
      '/measures/export.csv?country=LA&sort=title',
      'measures',
    );
    expect(rows.map((r) => r.country)).toEqual(['LA', 'LA', 'LA']);
    expect(rows[0]?.title?.startsWith('Coordination')).toBe(true);
    const sheet = await xlsxDownload(hub.client(), '/measures/export.xlsx?stage=distribution', 'measures');
    expect(sheet.rowCount).toBe(2);
    expect(String(sheet.getRow(2).getCell(3).value)).toContain('STELLA');
  });

  it('has an Atom feed with the filters', async () => {
    const feed = await hub.client().get('/measures/feed.atom?country=VN');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect(feed.text).toContain('1755');
    expect(feed.text).not.toContain('STELLA');
  });
});

describe('who may write', () => {
  it('sends visitors to the login page', async () => {
    const visitor = hub.client();
    const form = await visitor.get('/measures/new');
    expect(form.status).toBe(303);
    expect(form.location).toContain('/login');
    await visitor.get('/measures');
    expect((await visitor.request('/measures/new', { form: measureForm() })).status).toBe(401);
    const id = await idOf('STELLA');
    expect((await visitor.get(`/measures/${id}/edit`)).status).toBe(303);
  });

  it('lets any member add a measure, linking the directory’s organisations and keeping a name', async () => {
    const id = await addMeasure(author);
    const page = await author.get(`/measures/${id}`);
    expect(page.text).toContain('href="/directory/lao-mict"');
    expect(visibleText(page.text)).toContain('A body not in the directory');
    expect(visibleText(page.text)).toContain('Lao Filmmakers Association (civil society)');
    const tags = await hub.deps.db
      .selectFrom('policy_measure_tags')
      .select(['kind', 'code'])
      .where('measure_id', '=', id)
      .where('kind', '=', 'goal')
      .orderBy('code')
      .execute();
    // Goals come from the areas, by the framework's mapping.
    expect(tags.map((t) => t.code)).toEqual(['governance', 'human_rights']);
    // It is aimed at young people: the youth filter finds it, and none of the demo measures.
    expect(listedIds((await hub.client().get('/measures?youth=1')).text)).toEqual([id]);
  });

  it('refuses bad input with the form again and the draft kept (422)', async () => {
    const before = await countMeasures(hub);
    await author.get('/measures/new');
    const res = await author.request('/measures/new', {
      form: measureForm({
        title: 'Draft kept here',
        report_year: '1800',
        budget_amount: 'lots',
        budget_currency: 'dollars',
      }),
    });
    expectFormRefused(
      res,
      ['Give a year between 1990 and 2100.', 'Write the amount as a number', 'A currency is three letters'],
      ['value="Draft kept here"', 'Grants for **first films**.'],
    );
    const unknownDoc = await author.request('/measures/new', {
      form: measureForm({ title: 'Another draft', documents: 'no-such-law' }),
    });
    expectFormRefused(unknownDoc, ['There is no such document in the library.'], ['value="Another draft"']);
    expect(await countMeasures(hub)).toBe(before);
  });

  it('refuses a member editing another member’s measure (403), lets the author and editors', async () => {
    const id = await addMeasure(author, { title: 'Author’s own measure' });
    expect((await other.get(`/measures/${id}/edit`)).status).toBe(403);
    await other.get('/measures');
    expect(
      (await other.request(`/measures/${id}/edit`, { form: measureForm({ title: 'Taken over' }) })).status,
    ).toBe(403);
    expect((await other.request(`/measures/${id}/delete`, { form: {} })).status).toBe(403);
    expect(visibleText((await other.get(`/measures/${id}`)).text)).not.toContain('Edit');

    await author.get(`/measures/${id}/edit`);
    const own = await author.request(`/measures/${id}/edit`, {
      form: measureForm({ title: 'Author’s measure, renamed' }),
    });
    expect(own.status).toBe(303);
    await editor.get(`/measures/${id}/edit`);
    const edited = await editor.request(`/measures/${id}/edit`, {
      form: measureForm({ title: 'Edited by the editor' }),
    });
    expect(edited.status).toBe(303);
    const row = await hub.deps.db
      .selectFrom('policy_measures')
      .select(['title', 'created_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Edited by the editor', created_by: authorUser.id });
  });

  it('lets a focal point edit every measure of their country and not another country’s (403)', async () => {
    const lao = await addMeasure(other, { title: 'Lao measure by another', country: 'LA' });
    const thai = await addMeasure(other, { title: 'Thai measure by another', country: 'TH' });
    await focal.get(`/measures/${lao}/edit`);
    expect(
      (
        await focal.request(`/measures/${lao}/edit`, {
          form: measureForm({ title: 'Checked by the focal point' }),
        })
      ).status,
    ).toBe(303);
    expect((await focal.get(`/measures/${thai}/edit`)).status).toBe(403);
    await focal.get('/measures');
    expect(
      (await focal.request(`/measures/${thai}/edit`, { form: measureForm({ country: 'TH' }) })).status,
    ).toBe(403);
    // Nor may they move their country's measure to another country.
    await focal.get(`/measures/${lao}/edit`);
    const moved = await focal.request(`/measures/${lao}/edit`, {
      form: measureForm({ country: 'TH', title: 'Moved' }),
    });
    expectFormRefused(
      moved,
      ['You may not file a measure under a country where you are not a focal point.'],
      ['value="Moved"'],
    );
    expect(
      (
        await hub.deps.db
          .selectFrom('policy_measures')
          .select('country')
          .where('id', '=', lao)
          .executeTakeFirstOrThrow()
      ).country,
    ).toBe('LA');
    // Through the API too.
    const api = await hub.app.request(`/api/v1/measures/${thai}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(focalToken) },
      body: JSON.stringify({ title: 'x' }),
    });
    expect(api.status).toBe(403);
  });
});

describe('the comparison', () => {
  it('puts 2 to 4 countries side by side as charts with tables', async () => {
    const res = await hub.client().get('/measures/compare?country=VN&country=LA&country=KH');
    expect(res.status).toBe(200);
    for (const id of ['per-goal', 'per-area', 'per-stage', 'per-domain'])
      expect(res.text).toContain(`id="${id}"`);
    expect(res.text).toContain('id="chart-goal-LA"');
    expect(res.text).toContain('<svg');
    const text = visibleText(res.text);
    expect(text).toContain('Cambodia');
    expect(text).toContain('No measures yet.');
    // The form keeps the choice (three selects chosen, the fourth empty).
    expect(res.text.match(/<option value="VN" selected/g)).toHaveLength(1);
    const one = await hub.client().get('/measures/compare?country=VN&country=nope');
    expect(one.status).toBe(200);
    expect(visibleText(one.text)).toContain('Choose 2 to 4 countries to compare.');
  });
});

describe('the country page’s block and figure', () => {
  it('counts a country’s measures by goal and stage, and nothing for a country without any', async () => {
    const ctx = { deps: hub.deps, viewer: null, locale: 'en' as const, timeZone: 'UTC' };
    const data = await loadCountryMeasures(ctx, { code: 'LA' });
    expect(data?.total).toBeGreaterThanOrEqual(3);
    expect(data?.goals.find((g) => g.code === 'governance')?.count).toBeGreaterThanOrEqual(3);
    expect(data?.stages.find((s) => s.code === 'distribution')?.count).toBe(1);
    expect(await countryMeasuresBlock.load(ctx, { code: 'KH' })).toBeNull();
    const counts = await measuresFigure.counts(ctx);
    expect(counts.get('VN')).toBe(1);
    expect(counts.has('KH')).toBe(false);
    expect(measuresFigure.href('LA')).toBe('/measures?country=LA');
  });
});

describe('/api/v1/measures', () => {
  it('lists with the filters, reads, creates, patches and deletes with the page’s rules', async () => {
    const list = JSON.parse((await hub.client().get('/api/v1/measures?country=LA&stage=distribution')).text);
    expect(list.items.map((m: { title: string }) => m.title)).toEqual([expect.stringContaining('STELLA')]);
    expect((await hub.client().get('/api/v1/measures?stage=nope')).status).toBe(422);
    const created = await hub.app.request('/api/v1/measures', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(otherToken) },
      body: JSON.stringify(measureJson()),
    });
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body.goals).toEqual(['governance']);
    const patched = await hub.app.request(`/api/v1/measures/${body.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(otherToken) },
      body: JSON.stringify({ status: 'ended', budget_amount: 1500000, budget_currency: 'thb' }),
    });
    expect(patched.status).toBe(200);
    const after = await patched.json();
    expect(after).toMatchObject({
      status: 'ended',
      title: 'Creative economy masterplan',
      budget: { amount: 1500000, currency: 'THB' },
    });
    expect(after.stages).toEqual(['distribution']);
    const bad = await hub.app.request('/api/v1/measures', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(otherToken) },
      body: JSON.stringify(measureJson({ country: 'ZZ', areas: ['nope'] })),
    });
    expect(bad.status).toBe(422);
    const visitor = await hub.app.request('/api/v1/measures', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(measureJson()),
    });
    expect(visitor.status).toBe(401);
    const removed = await hub.app.request(`/api/v1/measures/${body.id}`, {
      method: 'DELETE',
      headers: bearer(otherToken),
    });
    expect(removed.status).toBe(204);
    expect((await hub.client().get(`/api/v1/measures/${body.id}`)).status).toBe(404);
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/measures', '/measures/{id}']));
  });
});
