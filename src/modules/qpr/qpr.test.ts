// The QPR workspace through the whole app, on SQLite or PostgreSQL: the demo report, who sees a
// draft (its team; 401/404 for everyone else, another country's coordinator included, by page, API,
// search and export), assignment with its notification, drafting in Lao with versions, a readable
// diff and restore, the refusals of a contributor outside their section, and the reminders' job.
// Civil-society inputs, exports and submission: inputs.test.ts.
import { describe, expect, it } from 'vitest';
import { bearer, platformForFile, visibleText } from '../../../test/harness.ts';
import { remindDueSections } from './jobs.ts';
import { LAO, laoTeam, notificationsOf, sectionOf, sectionRow } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory', 'events', 'library', 'policies', 'qpr'] });
const team = await laoTeam(hub);
const { coordinator, thaiCoordinator, contributor, other, outsider } = team;
const GENDER = 'area.gender_equality';
const LAO_TEXT = 'ແມ່ຍິງສິລະປິນໄດ້ຮັບການສະໜັບສະໜູນ';
const LAO_TEXT_2 = 'ແມ່ຍິງສິລະປິນໄດ້ຮັບທຶນຊ່ວຍເຫຼືອ';

const assign = (code: string, email: string, due = '2027-03-31') =>
  coordinator.client.request(`${sectionOf(code)}/assign`, { form: { assignee: email, due_on: due } });

describe('the demo report', () => {
  it('holds only what the source documents say: the consultation process, every other section empty', async () => {
    const page = await coordinator.client.get(sectionOf('consultation'));
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('64 participants');
    expect(text).toContain('Viengeo Souksavatdy');
    const written = await hub.deps.db
      .selectFrom('qpr_sections')
      .select('code')
      .where('version', '>', 0)
      .execute();
    expect(written.map((s) => s.code)).toEqual(['consultation']);
    const dashboard = visibleText((await coordinator.client.get(LAO)).text);
    expect(dashboard).toContain('QPR of Laos, 2024-2027');
    expect(dashboard).toContain('Gender equality');
  });

  it('links the measures of the policies database to their areas', async () => {
    const page = visibleText((await coordinator.client.get(sectionOf('area.civil_society'))).text);
    expect(page).toContain('Measures of the policies database');
  });
});

describe('a draft is its team’s', () => {
  it('sends a visitor to log in and answers 404 to an outsider and to another country’s coordinator', async () => {
    const visitor = hub.client();
    const res = await visitor.get(LAO);
    expect(res.status).toBe(303);
    expect(res.location).toContain('/login');
    expect((await visitor.get(`/api/v1/qpr/LA/2024-2027`)).status).toBe(401);
    for (const who of [outsider, thaiCoordinator]) {
      for (const path of [
        LAO,
        sectionOf('consultation'),
        `${sectionOf('consultation')}/history`,
        `${LAO}/report.docx`,
        `${LAO}/print`,
        `${LAO}/measures.csv`,
        `${LAO}/statistics.xlsx`,
        `${LAO}/civil-society`,
      ]) {
        expect((await who.client.get(path)).status, path).toBe(404);
      }
      expect((await who.client.get('/api/v1/qpr/LA/2024-2027', bearer(who.token))).status).toBe(404);
      const patch = await who.client.request('/api/v1/qpr/LA/2024-2027/sections/summary', {
        method: 'PATCH',
        json: { body: 'Not mine' },
        headers: bearer(who.token),
      });
      expect(patch.status).toBe(404);
    }
  });

  it('keeps the draft out of search, for another country’s coordinator and everyone', async () => {
    const res = await thaiCoordinator.client.get('/search?q=Souksavatdy');
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('/qpr/LA');
    const api = await thaiCoordinator.client.get(
      '/api/v1/search?q=Souksavatdy',
      bearer(thaiCoordinator.token),
    );
    expect(api.text).not.toContain('/qpr/LA');
  });

  it('lets only a coordinator start a report, and a focal point only for their own country', async () => {
    await outsider.client.get('/qpr');
    expect(
      (await outsider.client.request('/qpr', { form: { country: 'LA', cycle: '2024-2027' } })).status,
    ).toBe(403);
    await thaiCoordinator.client.get('/qpr');
    expect(
      (await thaiCoordinator.client.request('/qpr', { form: { country: 'LA', cycle: '2024-2027' } })).status,
    ).toBe(403);
    const again = await coordinator.client.request('/qpr', { form: { country: 'LA', cycle: '2024-2027' } });
    expect(again.status).toBe(422);
    expect(visibleText(again.text)).toContain('already started');
    const thai = await thaiCoordinator.client.request('/qpr', {
      form: { country: 'TH', cycle: '2024-2027' },
    });
    expect(thai.status).toBe(303);
    expect(thai.location).toBe('/qpr/TH/2024-2027');
    // The Lao coordinator does not see the Thai draft either.
    expect((await coordinator.client.get('/qpr/TH/2024-2027')).status).toBe(404);
  });
});

describe('assigning and drafting a section', () => {
  it('assigns a section with a due date and tells the assignee', async () => {
    expect((await assign(GENDER, contributor.user.email)).status).toBe(303);
    const told = await notificationsOf(hub, contributor.user.id, 'qpr.section-assigned');
    expect(told).toHaveLength(1);
    expect(told[0]?.url).toBe(sectionOf(GENDER));
    const refused = await assign(GENDER, 'nobody@example.org');
    expect(refused.status).toBe(422);
    expect(visibleText(refused.text)).toContain('No member has this email address');
    const list = visibleText((await contributor.client.get('/qpr')).text);
    expect(list).toContain('QPR of Laos, 2024-2027');
  });

  it('lets the contributor draft it in Lao, keeps each version, shows what changed and restores the first', async () => {
    const form = (body: string) => ({
      body,
      lang: 'lo',
      answer_gender_equality: 'yes',
      evidence_gender_equality: 'ກົດໝາຍວ່າດ້ວຍແມ່ຍິງ',
      stat_label: ['Women among registered artists', ''],
      stat_value: ['41%', ''],
      stat_year: ['2023', ''],
      stat_source: ['Ministry survey', ''],
    });
    expect((await contributor.client.get(sectionOf(GENDER))).status).toBe(200);
    expect((await contributor.client.request(sectionOf(GENDER), { form: form(LAO_TEXT) })).status).toBe(303);
    expect((await contributor.client.request(sectionOf(GENDER), { form: form(LAO_TEXT_2) })).status).toBe(
      303,
    );
    let row = await sectionRow(hub, GENDER);
    expect(row.version).toBe(2);
    expect(row.status).toBe('drafting');
    expect(row.body).toBe(LAO_TEXT_2);
    expect(JSON.parse(row.content).statistics).toEqual([
      { label: 'Women among registered artists', value: '41%', year: 2023, source: 'Ministry survey' },
    ]);
    // The same content again writes nothing.
    await contributor.client.request(sectionOf(GENDER), { form: form(LAO_TEXT_2) });
    expect((await sectionRow(hub, GENDER)).version).toBe(2);

    const history = await contributor.client.get(`${sectionOf(GENDER)}/history`);
    expect(history.text).toContain('<del>ການສະໜັບສະໜູນ</del>');
    expect(history.text).toContain('<ins>ທຶນຊ່ວຍເຫຼືອ</ins>');
    const restore = await contributor.client.request(`${sectionOf(GENDER)}/restore`, {
      form: { version: '1' },
    });
    expect(restore.status).toBe(303);
    row = await sectionRow(hub, GENDER);
    expect(row.version).toBe(3);
    expect(row.body).toBe(LAO_TEXT);
  });

  it('keeps what was typed when the input is refused', async () => {
    const res = await contributor.client.request(sectionOf(GENDER), {
      form: {
        body: 'Kept \u0007 text',
        lang: 'lo',
        stat_label: ['A count'],
        stat_value: ['12'],
        stat_year: ['1800'],
        stat_source: [''],
      },
    });
    expect(res.status).toBe(422);
    const text = visibleText(res.text);
    expect(text).toContain('invisible control character');
    expect(text).toContain('Write a year such as 2024.');
    expect(res.text).toContain('value="A count"');
    expect(res.text).toContain('value="1800"');
    expect((await sectionRow(hub, GENDER)).version).toBe(3);
  });

  it('refuses a contributor everywhere outside their section: writing, assigning, validating', async () => {
    const summary = sectionOf('summary');
    expect((await contributor.client.get(summary)).status).toBe(200);
    expect(
      (await contributor.client.request(summary, { form: { body: 'Not mine', lang: 'en' } })).status,
    ).toBe(403);
    expect(
      (
        await contributor.client.request(`${summary}/assign`, {
          form: { assignee: contributor.user.email, due_on: '' },
        })
      ).status,
    ).toBe(403);
    expect(
      (await contributor.client.request(`${sectionOf(GENDER)}/status`, { form: { status: 'validated' } }))
        .status,
    ).toBe(403);
    expect(
      (await contributor.client.request(`${sectionOf(GENDER)}/status`, { form: { status: 'review' } }))
        .status,
    ).toBe(303);
    const api = await contributor.client.request('/api/v1/qpr/LA/2024-2027/sections/summary', {
      method: 'PATCH',
      json: { body: 'Not mine' },
      headers: bearer(contributor.token),
    });
    expect(api.status).toBe(403);
    // A member assigned nothing is no part of the team.
    expect((await other.client.get(sectionOf(GENDER))).status).toBe(404);
    expect(
      (await coordinator.client.request(`${sectionOf(GENDER)}/status`, { form: { status: 'validated' } }))
        .status,
    ).toBe(303);
  });

  it('reads and updates a section through the API', async () => {
    const read = await contributor.client.get('/api/v1/qpr/LA/2024-2027', bearer(contributor.token));
    expect(read.status).toBe(200);
    const report = JSON.parse(read.text);
    expect(report.sections).toHaveLength(18);
    expect(report.sections.find((s: { code: string }) => s.code === GENDER).body).toBe(LAO_TEXT);
    const res = await contributor.client.request(`/api/v1/qpr/LA/2024-2027/sections/${GENDER}`, {
      method: 'PATCH',
      json: { answers: { gender_equality: { answer: 'no', evidence: '' } } },
      headers: bearer(contributor.token),
    });
    expect(res.status).toBe(200);
    const saved = JSON.parse(res.text);
    expect(saved.version).toBe(4);
    expect(saved.body).toBe(LAO_TEXT);
    expect(saved.statistics).toHaveLength(1);
    const bad = await contributor.client.request(`/api/v1/qpr/LA/2024-2027/sections/${GENDER}`, {
      method: 'PATCH',
      json: { answers: { artistic_freedom: { answer: 'yes', evidence: '' } } },
      headers: bearer(contributor.token),
    });
    expect(bad.status).toBe(422);
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(doc.paths['/qpr/{country}/{cycle}/sections/{code}'].patch).toBeDefined();
  });

  it('comments on a section (the team only)', async () => {
    const res = await contributor.client.request(`${sectionOf(GENDER)}/comments`, {
      form: { body: 'Figures checked' },
    });
    expect(res.status).toBe(303);
    expect(visibleText((await coordinator.client.get(sectionOf(GENDER))).text)).toContain('Figures checked');
    expect(
      (await contributor.client.request(`${sectionOf(GENDER)}/comments`, { form: { body: '' } })).status,
    ).toBe(422);
  });
});

describe('the dashboard and the reminders', () => {
  it('counts what is done, late and missing, and reminds an assignee once per due date', async () => {
    await assign('summary', other.user.email, '2020-01-01');
    const dashboard = visibleText((await coordinator.client.get(LAO)).text);
    expect(dashboard).toMatch(/Validated\s*1 of 18/);
    expect(dashboard).toMatch(/Late\s*1/);
    expect(dashboard).toMatch(/Not started, nobody assigned\s*15/);
    const now = new Date();
    expect(await remindDueSections(hub.deps, now)).toBe(1);
    expect(await remindDueSections(hub.deps, now)).toBe(0);
    const told = await notificationsOf(hub, other.user.id, 'qpr.section-due');
    expect(told).toHaveLength(1);
    expect(told[0]?.url).toBe(sectionOf('summary'));
    // The validated section of the contributor is not reminded, however near its date.
    expect(await notificationsOf(hub, contributor.user.id, 'qpr.section-due')).toHaveLength(0);
  });
});
