// The measures' counts per country and code (counts.ts) kept by the actions, on SQLite or
// PostgreSQL: adding, editing (other tags, another country) and deleting a measure, through the
// pages and the API, moves the comparison's numbers at once, and after every step the kept counts
// equal the measures counted afresh.
import { describe, expect, it } from 'vitest';
import { bearer, platformForFile, visibleText } from '../../../test/harness.ts';
import { expectCountsExact, measureForm, measureJson } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory', 'events', 'library', 'policies'] });
const { client: author } = await hub.signedIn('member', { name: 'Counted Author' });
const { token } = await hub.signedInWithToken('member', { name: 'API Author' });

/** A number of the comparison of Thailand and Cambodia: a country's total, or one row of a chart. */
async function compared(country: 'TH' | 'KH', chart?: { kind: string; label: string }): Promise<number> {
  const html = (await hub.client().get('/measures/compare?country=TH&country=KH')).text;
  if (!chart) {
    const m = html.match(new RegExp(`href="/measures\\?country=${country}">[^<]+</a></th><td>(\\d+)</td>`));
    return Number(m?.[1]);
  }
  const start = html.indexOf(`id="chart-${chart.kind}-${country}"`);
  if (start < 0) return 0; // No chart: the country has no measures.
  const table = html.slice(start, html.indexOf('</table>', start));
  const m = table.match(new RegExp(`>${chart.label}</th><td>(\\d+)</td>`));
  return Number(m?.[1]);
}

const HERITAGE = { kind: 'domain', label: 'Cultural and natural heritage' };
const DISTRIBUTION = { kind: 'stage', label: 'Distribution' };

describe('the kept counts', () => {
  it('are those of the demo measures, counted by the migration and the seed', async () => {
    await expectCountsExact(hub);
  });

  it('follow a measure added, edited and deleted on the pages, and the comparison with them', async () => {
    const before = {
      th: await compared('TH'),
      kh: await compared('KH'),
      thStage: await compared('TH', DISTRIBUTION),
      thHeritage: await compared('TH', HERITAGE),
    };
    await author.get('/measures/new');
    const added = await author.request('/measures/new', {
      form: measureForm({ title: 'Counted measure', country: 'TH', stages: ['distribution'] }),
    });
    expect(added.status, visibleText(added.text).slice(0, 300)).toBe(303);
    const id = Number(added.location?.split('/').pop());
    expect(await compared('TH')).toBe(before.th + 1);
    expect(await compared('TH', DISTRIBUTION)).toBe(before.thStage + 1);
    await expectCountsExact(hub);

    // Other tags, then another country: out of the old rows, into the new ones.
    await author.get(`/measures/${id}/edit`);
    const edited = await author.request(`/measures/${id}/edit`, {
      form: measureForm({
        title: 'Counted measure',
        country: 'TH',
        stages: ['creation'],
        domains: ['heritage'],
      }),
    });
    expect(edited.status, visibleText(edited.text).slice(0, 300)).toBe(303);
    expect(await compared('TH', DISTRIBUTION)).toBe(before.thStage);
    expect(await compared('TH', HERITAGE)).toBe(before.thHeritage + 1);
    await expectCountsExact(hub);
    const moved = await author.request(`/measures/${id}/edit`, {
      form: measureForm({ title: 'Counted measure', country: 'KH', stages: ['distribution'] }),
    });
    expect(moved.status, visibleText(moved.text).slice(0, 300)).toBe(303);
    expect(await compared('TH')).toBe(before.th);
    expect(await compared('TH', HERITAGE)).toBe(before.thHeritage);
    expect(await compared('KH')).toBe(before.kh + 1);
    expect(await compared('KH', DISTRIBUTION)).toBe(1);
    await expectCountsExact(hub);

    const deleted = await author.request(`/measures/${id}/delete`, { form: {} });
    expect(deleted.status, visibleText(deleted.text).slice(0, 300)).toBe(303);
    expect(await compared('KH')).toBe(before.kh);
    expect(await compared('KH', DISTRIBUTION)).toBe(0);
    await expectCountsExact(hub);
  });

  it('follow the API’s create, PATCH and DELETE, and so do the list’s kept totals', async () => {
    const listed = async (query: string) =>
      (await (await hub.app.request(`/api/v1/measures?${query}`)).json()).total as number;
    const queries = [
      'goal=governance&stage=distribution',
      'stage=distribution',
      '',
      'country=TH&stage=participation',
    ];
    const totals = async () => Promise.all(queries.map(listed));
    const listedBefore = await totals();
    expect(await totals()).toEqual(listedBefore); // read again: from what is kept
    const before = await compared('TH');
    const created = await hub.app.request('/api/v1/measures', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify(measureJson({ stages: ['distribution', 'participation'] })),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect(await compared('TH')).toBe(before + 1);
    expect(await totals()).toEqual(listedBefore.map((n) => n + 1));
    await expectCountsExact(hub);
    const patched = await hub.app.request(`/api/v1/measures/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', ...bearer(token) },
      body: JSON.stringify({ country: 'KH', stages: ['production'] }),
    });
    expect(patched.status).toBe(200);
    expect(await compared('TH')).toBe(before);
    // Moved to Cambodia, to another stage: in the list of all of them only.
    expect(await totals()).toEqual(listedBefore.map((n, i) => (i === 2 ? n + 1 : n)));
    await expectCountsExact(hub);
    const removed = await hub.app.request(`/api/v1/measures/${id}`, {
      method: 'DELETE',
      headers: bearer(token),
    });
    expect(removed.status).toBe(204);
    expect(await totals()).toEqual(listedBefore);
    await expectCountsExact(hub);
  });
});
