// Surveys through the whole app, on SQLite or PostgreSQL: starting one for an organisation,
// answering it one section per page through the secret link (resumed from another client, Zawgyi
// converted, bad input refused with the answers kept), what the answers say (small cells hidden
// on the page, in the exports and in the API), publishing, closing, and every refusal.
import { describe, expect, it } from 'vitest';
import { bearer, platformForFile, visibleText } from '../../../test/harness.ts';
import { joinOrganisation, organisationId } from '../../../test/organisations.ts';
import { csvDownload, xlsxDownload } from '../../../test/spreadsheets.ts';
import { answerAll, createOpenSurvey, itemsOf, type Plan, sectionForm, start } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory', 'skills'] });
const { client: manager, user: managerUser } = await hub.signedIn('member', { name: 'Survey Manager' });
await joinOrganisation(hub, managerUser.id, 'unesco-bangkok', 'editor');
const {
  client: outsider,
  user: outsiderUser,
  token: outsiderToken,
} = await hub.signedInWithToken('member', {
  name: 'Another Organisation',
});
await joinOrganisation(hub, outsiderUser.id, 'stella', 'owner');

const slug = await createOpenSurvey(
  hub,
  manager,
  'unesco-bangkok',
  'Digital skills of Lao and Thai artisans',
);

const lao: Plan = {
  role: 'artisan',
  country: 'LA',
  gender: 'woman',
  domain: 'visual_arts_crafts',
  importance: 4,
  level: 2,
  levels: { 'C.1': [5, 1] },
};
// Five from Lao PDR (one cell of five), two from Thailand (suppressed everywhere).
for (let i = 0; i < 5; i++) await answerAll(hub, hub.client(), slug, { ...lao, levels: { 'C.1': [5, i] } });
for (let i = 0; i < 2; i++)
  await answerAll(hub, hub.client(), slug, { ...lao, country: 'TH', gender: 'man' });

const c1Of = (cells: { competence: string }[]) =>
  cells.find((c) => c.competence === 'C.1') as Record<string, unknown>;

describe('the demo survey', () => {
  it("is UNESCO Bangkok's Mekong cluster mapping, a draft with no answers", async () => {
    const row = await hub.deps.db
      .selectFrom('skill_surveys')
      .select(['status', 'countries', 'id'])
      .where('title', 'like', '%Mekong cluster%')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
    expect(JSON.parse(row.countries)).toEqual(['KH', 'LA', 'MM', 'SG', 'TH', 'VN']);
    const answers = await hub.deps.db
      .selectFrom('skill_respondents')
      .select('id')
      .where('survey_id', '=', row.id)
      .execute();
    expect(answers).toHaveLength(0);
  });
});

describe('starting a survey', () => {
  it('refuses a visitor, an organisation one does not run, and bad input with the form kept', async () => {
    const visitor = hub.client();
    expect((await visitor.get('/skills/surveys/new')).status).toBe(303);
    await visitor.get('/skills');
    expect((await visitor.request('/skills/surveys/new', { form: {} })).status).toBe(401);
    await outsider.get('/skills/surveys/new');
    const foreign = await outsider.request('/skills/surveys/new', {
      form: {
        title: 'Not mine',
        lang: 'en',
        owner: `organisation:${await organisationId(hub, 'unesco-bangkok')}`,
        framework: 'digcomp-2-2-creative',
        countries: ['LA'],
      },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.text).toContain('Not mine');
    const noCountry = await manager.request('/skills/surveys/new', {
      form: { title: 'A kept title', lang: 'en', owner: 'organisation:1', framework: 'digcomp-2-2-creative' },
    });
    expect(noCountry.status).toBe(422);
    expect(noCountry.text).toContain('A kept title');
    expect(visibleText(noCountry.text)).toContain('Choose at least one country.');
  });

  it("keeps a draft to its managers, and the manager's page counts the answers", async () => {
    const draft = await createOpenSurvey(hub, manager, 'unesco-bangkok', 'A second survey', ['VN'], false);
    expect((await hub.client().get(`/skills/surveys/${draft}`)).status).toBe(404);
    expect((await outsider.get(`/skills/surveys/${draft}`)).status).toBe(404);
    expect((await manager.get(`/skills/surveys/${draft}`)).status).toBe(200);
    const visitor = hub.client();
    await visitor.get('/skills');
    expect((await visitor.request(`/skills/surveys/${draft}/start`, { form: {} })).status).toBe(409);
    const page = visibleText((await manager.get(`/skills/surveys/${slug}`)).text);
    expect(page).toContain('7 respondents have started, 7 submitted.');
  });
});

describe('answering', () => {
  it('saves each section, opens where one left off on another device, converts Zawgyi', async () => {
    const token = await start(hub.client(), slug);
    const items = await itemsOf(hub, slug);
    const device = hub.client();
    await device.get(`/skills/r/${token}/0`);
    const first = await device.request(`/skills/r/${token}/0`, {
      form: sectionForm(items, 0, { ...lao, province: 'ျမန္မာ' }),
    });
    expect(first.status).toBe(303);
    expect(first.location).toBe(`/skills/r/${token}/1`);
    const other = hub.client();
    const resumed = await other.get(`/skills/r/${token}`);
    expect(resumed.location).toBe(`/skills/r/${token}/1`);
    const back = await other.get(`/skills/r/${token}/0`);
    expect(back.text).toContain('value="မြန်မာ"');
  });

  it('refuses an answer out of range with the section kept, and an unknown link', async () => {
    const token = await start(hub.client(), slug);
    const items = await itemsOf(hub, slug);
    const client = hub.client();
    await client.get(`/skills/r/${token}/1`);
    const form = sectionForm(items, 1, lao);
    const first = items.find((i) => i.section === 1 && i.measure === 'importance');
    const bad = await client.request(`/skills/r/${token}/1`, {
      form: { ...form, [`q_${first?.question_id}`]: '9' },
    });
    expect(bad.status).toBe(422);
    const kept = items.find((i) => i.section === 1 && i.measure === 'ability');
    expect(bad.text).toMatch(/<option value="2" selected[^>]*>/);
    expect(bad.text).toContain(`name="q_${kept?.question_id}"`);
    expect((await hub.client().get('/skills/r/not-a-real-token-at-all-xx/0')).status).toBe(404);
  });

  it("shows a respondent their own levels against their role's", async () => {
    const client = hub.client();
    const token = await answerAll(hub, client, slug, { ...lao, levels: { 'C.1': [5, 1] } });
    const profile = visibleText((await client.get(`/skills/r/${token}/profile`)).text);
    expect(profile).toContain('Your role: Artisan');
    // Artisan needs C.1 at 4; level 1: a gap of 3.
    expect(profile).toMatch(/C\.1 Online sales and e-commerce 4 · Intermediate 1 · Foundation 3/);
  });
});

describe('what the answers say', () => {
  it('shows the figures of a cell of five, hides one of two, on the page', async () => {
    const page = await manager.get(`/skills/surveys/${slug}/results?by=country`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Training needs, highest first');
    expect(page.text).toContain('/events?type=training&amp;q=Online%20sales%20and%20e-commerce');
    expect(page.text).toContain('<svg');
    // The heatmap's table: Thailand's two respondents give no figure.
    expect(text).toMatch(/Thailand \(2\)/);
    expect(text).toMatch(/Per competence .* 1\.1 Browsing.*1\.2 Evaluating.*2\.1 Interacting/);
    expect(text).toMatch(/C\.1 2\.167 –/);
  });

  it('hides cells under 5 in the exports and the API, and keeps raw answers to the managers', async () => {
    const { rows } = await csvDownload(
      manager,
      `/skills/surveys/${slug}/results.csv?by=country`,
      `${slug}-summary`,
    );
    const th = rows.find((r) => r.group === 'country' && r.value === 'TH' && r.competence === 'C.1');
    expect(th).toMatchObject({ respondents: '<5', mean_gap: '', borich: '' });
    const la = rows.find((r) => r.group === 'country' && r.value === 'LA' && r.competence === 'C.1');
    expect(la?.respondents).toBe('6');
    const sheet = await xlsxDownload(
      manager,
      `/skills/surveys/${slug}/results.xlsx?by=gender`,
      `${slug}-summary`,
    );
    expect(sheet.rowCount).toBeGreaterThan(28);
    const api = await hub.app.request(`/api/v1/skills/surveys/${slug}/summary?by=country`, {
      headers: bearer(outsiderToken),
    });
    expect(api.status).toBe(403);
    const raw = await hub.app.request(`/api/v1/skills/surveys/${slug}/answers`, {
      headers: bearer(outsiderToken),
    });
    expect(raw.status).toBe(403);
    expect((await outsider.get(`/skills/surveys/${slug}/answers.csv`)).status).toBe(403);
    expect((await outsider.get(`/skills/surveys/${slug}/results`)).status).toBe(403);
    expect((await hub.client().get(`/skills/surveys/${slug}/results`)).status).toBe(303);
    expect((await hub.app.request(`/api/v1/skills/surveys/${slug}/summary`)).status).toBe(401);
    const answers = await manager.get(`/skills/surveys/${slug}/answers.csv`);
    expect(answers.status).toBe(200);
  });

  it('publishes the summary to everyone, still without the small cells', async () => {
    await manager.get(`/skills/surveys/${slug}`);
    expect(
      (await manager.request(`/skills/surveys/${slug}/publish`, { form: { published: '1' } })).status,
    ).toBe(303);
    const summary = JSON.parse(
      (await hub.client().get(`/api/v1/skills/surveys/${slug}/summary?by=country`)).text,
    );
    expect(summary.respondents).toBe(8);
    const groups = Object.fromEntries(
      summary.breakdown.groups.map((g: { value: string; cells: { competence: string }[] }) => [
        g.value,
        c1Of(g.cells),
      ]),
    );
    expect(groups.TH).toMatchObject({ suppressed: true, respondents: null, meanGap: null, borich: null });
    // Lao PDR, C.1: importance 5 ×6; levels 0, 1, 2, 3, 4 and 1 → 11/6; the artisan's 4 − level:
    // 4, 3, 2, 1, 0, 3 → 13/6, 5 of 6 below; 5 − (1 + level/2): 4, 3.5, 3, 2.5, 2, 3.5 → 18.5/6 × 5.
    expect(groups.LA).toEqual({
      competence: 'C.1',
      suppressed: false,
      respondents: 6,
      meanImportance: 5,
      meanLevel: 1.833,
      meanGap: 2.167,
      shareBelow: 0.833,
      borich: 15.417,
    });
    const page = await hub.client().get(`/skills/surveys/${slug}/summary?by=country&lang=lo`);
    expect(page.status).toBe(200);
    const csv = await csvDownload(
      hub.client(),
      `/skills/surveys/${slug}/summary.csv?by=gender`,
      `${slug}-summary`,
    );
    expect(csv.rows.find((r) => r.value === 'man' && r.competence === 'C.1')?.respondents).toBe('<5');
    expect((await hub.client().get(`/skills/surveys/${slug}/answers.csv`)).status).toBe(303);
    expect((await hub.client().get(`/api/v1/skills/surveys/${slug}/summary?by=nope`)).status).toBe(422);
  });
});

describe('a closed survey', () => {
  it('takes no more answers and no more changes', async () => {
    const token = await start(hub.client(), slug);
    const client = hub.client();
    await client.get(`/skills/r/${token}/0`);
    await manager.get(`/skills/surveys/${slug}`);
    expect(
      (await manager.request(`/skills/surveys/${slug}/status`, { form: { status: 'closed' } })).status,
    ).toBe(303);
    const items = await itemsOf(hub, slug);
    expect((await client.request(`/skills/r/${token}/0`, { form: sectionForm(items, 0, lao) })).status).toBe(
      409,
    );
    expect(
      (await manager.request(`/skills/surveys/${slug}/status`, { form: { status: 'open' } })).status,
    ).toBe(409);
    const visitor = hub.client();
    await visitor.get(`/skills/surveys/${slug}`);
    expect((await visitor.request(`/skills/surveys/${slug}/start`, { form: {} })).status).toBe(409);
    await outsider.get(`/skills/surveys/${slug}`);
    expect(
      (await outsider.request(`/skills/surveys/${slug}/status`, { form: { status: 'closed' } })).status,
    ).toBe(403);
  });
});
