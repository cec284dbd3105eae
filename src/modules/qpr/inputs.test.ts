// Civil-society inputs, the exports and the submission through the whole app, on SQLite or
// PostgreSQL: a member of an organisation of the country saves a draft and sends it; another
// organisation's member may not touch it; the coordinator declines one with a reason and accepts
// another into the measures database (source: civil society), and the submitters see the outcome;
// the DOCX (read back with mammoth), print page and spreadsheets hold the report; once submitted,
// every write is refused (409), and the report, once published, is on the country's page.
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { bearer, platformForFile, visibleText } from '../../../test/harness.ts';
import { LAO, laoTeam, notificationsOf, sectionOf } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory', 'events', 'library', 'policies', 'qpr'] });
const { coordinator, contributor, stella, mict, outsider, thaiCoordinator } = await laoTeam(hub);
const INPUTS = `${LAO}/civil-society`;
const MEASURE = 'Community music schools in Luang Prabang';
const LAO_TEXT = 'ຄວາມສະເໝີພາບຍິງຊາຍໃນຂະແໜງສິລະປະ';
const orgId = async (slug: string) =>
  (
    await hub.deps.db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).id;
const inputId = async (title: string) =>
  (
    await hub.deps.db
      .selectFrom('qpr_inputs')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
  ).id;

const inputForm = async (fields: Record<string, string>) => ({
  organisation: String(await orgId('stella')),
  kind: 'measure',
  title: MEASURE,
  lang: 'en',
  area: 'cultural_creative_sectors',
  description: 'Free lessons for **young musicians**.',
  send: '0',
  ...fields,
});

describe('civil-society inputs', () => {
  it('saves a draft as it goes, refuses to send it untitled, then sends it', async () => {
    await stella.client.get(INPUTS);
    const draft = await stella.client.request(INPUTS, { form: await inputForm({ title: '' }) });
    expect(draft.status).toBe(303);
    const id = Number(draft.location?.split('/').pop());
    const row = await hub.deps.db
      .selectFrom('qpr_inputs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('draft');
    const untitled = await stella.client.request(`${INPUTS}/${id}`, {
      form: await inputForm({ title: '', send: '1' }),
    });
    expect(untitled.status).toBe(422);
    expect(untitled.text).toContain('Free lessons for **young musicians**.');
    const sent = await stella.client.request(`${INPUTS}/${id}`, { form: await inputForm({ send: '1' }) });
    expect(sent.status).toBe(303);
    expect(visibleText((await stella.client.get(INPUTS)).text)).toContain(
      'Sent, waiting for the coordinator',
    );
  });

  it('refuses another organisation’s member, an outsider and another country’s coordinator', async () => {
    const id = await inputId(MEASURE);
    await mict.client.get(INPUTS);
    expect((await mict.client.get(`${INPUTS}/${id}`)).status).toBe(404);
    expect(
      (await mict.client.request(`${INPUTS}/${id}`, { form: await inputForm({ title: 'Taken over' }) }))
        .status,
    ).toBe(404);
    const asStella = await mict.client.request(INPUTS, {
      form: await inputForm({ title: 'In STELLA’s name' }),
    });
    expect(asStella.status).toBe(422);
    expect(visibleText(asStella.text)).toContain('Choose one of your organisations in this country.');
    expect(visibleText((await mict.client.get(INPUTS)).text)).not.toContain(MEASURE);
    for (const who of [outsider, thaiCoordinator]) {
      expect((await who.client.get(INPUTS)).status).toBe(404);
      expect((await who.client.request(INPUTS, { form: await inputForm({}) })).status).toBe(404);
    }
    expect(await hub.deps.db.selectFrom('qpr_inputs').select('title').execute()).toEqual([
      { title: MEASURE },
    ]);
  });

  it('declines with a reason (required) and tells the submitter, who sees why', async () => {
    await mict.client.request(INPUTS, {
      form: {
        organisation: String(await orgId('lao-mict')),
        kind: 'data',
        title: 'Visitors 2023',
        lang: 'en',
        description: '',
        area: '',
        send: '1',
      },
    });
    const id = await inputId('Visitors 2023');
    await coordinator.client.get(INPUTS);
    const bare = await coordinator.client.request(`${INPUTS}/${id}/decide`, {
      form: { decision: 'declined', reason: '', measure: '' },
    });
    expect(bare.status).toBe(422);
    expect(visibleText(bare.text)).toContain('Say why it is declined.');
    const mergeNowhere = await coordinator.client.request(`${INPUTS}/${id}/decide`, {
      form: { decision: 'merged', reason: '', measure: '' },
    });
    expect(mergeNowhere.status).toBe(422);
    const done = await coordinator.client.request(`${INPUTS}/${id}/decide`, {
      form: { decision: 'declined', reason: 'No source is given for the figure.', measure: '' },
    });
    expect(done.status).toBe(303);
    expect(await notificationsOf(hub, mict.user.id, 'qpr.input-decided')).toHaveLength(1);
    expect(visibleText((await mict.client.get(INPUTS)).text)).toContain(
      'Declined — No source is given for the figure.',
    );
    // Decided: its organisation may no longer change it, nor may it be decided again.
    expect(
      (
        await mict.client.request(`${INPUTS}/${id}`, {
          form: {
            organisation: String(await orgId('lao-mict')),
            kind: 'data',
            title: 'Changed',
            lang: 'en',
            send: '1',
          },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await coordinator.client.request(`${INPUTS}/${id}/decide`, {
          form: { decision: 'accepted', reason: '', measure: '' },
        })
      ).status,
    ).toBe(409);
  });

  it('accepts a measure into the measures database with the source “civil society”', async () => {
    const id = await inputId(MEASURE);
    // Only a coordinator decides.
    expect(
      (
        await stella.client.request(`${INPUTS}/${id}/decide`, {
          form: { decision: 'accepted', reason: '', measure: '' },
        })
      ).status,
    ).toBe(403);
    const done = await coordinator.client.request(`${INPUTS}/${id}/decide`, {
      form: { decision: 'accepted', reason: '', measure: '' },
    });
    expect(done.status).toBe(303);
    const measure = await hub.deps.db
      .selectFrom('policy_measures')
      .selectAll()
      .where('title', '=', MEASURE)
      .executeTakeFirstOrThrow();
    expect(measure.source).toBe('civil_society');
    expect(measure.country).toBe('LA');
    const input = await hub.deps.db
      .selectFrom('qpr_inputs')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(input.measure_id).toBe(measure.id);
    expect(await notificationsOf(hub, stella.user.id, 'qpr.input-decided')).toHaveLength(1);
    expect(visibleText((await stella.client.get(INPUTS)).text)).toContain('Accepted into the report');
    expect(visibleText((await coordinator.client.get(sectionOf('civil_society'))).text)).toContain(MEASURE);
    expect(
      visibleText((await coordinator.client.get(sectionOf('area.cultural_creative_sectors'))).text),
    ).toContain(MEASURE);
  });
});

describe('out of the platform', () => {
  it('exports the report as DOCX in the official structure, with the Lao text and the accepted measure', async () => {
    await coordinator.client.get(sectionOf('area.gender_equality'));
    await coordinator.client.request(sectionOf('area.gender_equality'), {
      form: {
        body: LAO_TEXT,
        lang: 'lo',
        stat_label: ['Women among film directors'],
        stat_value: ['12'],
        stat_year: ['2022'],
        stat_source: ['Lao Film Department'],
      },
    });
    const res = await coordinator.client.get(`${LAO}/report.docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(res.bytes) });
    expect(value).toContain('QPR of Laos, 2024-2027');
    expect(value).toContain(LAO_TEXT);
    expect(value).toContain(MEASURE);
    expect(value).toContain('Women among film directors: 12 (2022) — Lao Film Department');
    // The official order: consultation before the goals, the goals in order, the annexes last.
    const order = [
      'The consultation process',
      'Support sustainable systems of governance for culture',
      'Promote human rights',
      'Civil society',
      'Annexes',
    ].map((h) => value.indexOf(h));
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true);
  });

  it('prints it on A4 and exports its measures and statistics as CSV and XLSX', async () => {
    const print = await coordinator.client.get(`${LAO}/print`);
    expect(print.status).toBe(200);
    expect(print.text).toContain('<link rel="stylesheet" href="/qpr/print.css"/>');
    expect(print.text).toContain(`<p lang="lo">${LAO_TEXT}</p>`);
    expect((await hub.client().get('/qpr/print.css')).text).toContain('size: A4 portrait');
    const csv = await coordinator.client.get(`${LAO}/measures.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(MEASURE);
    expect(csv.text).toContain('reported by civil society');
    const stats = await coordinator.client.get(`${LAO}/statistics.csv`);
    expect(stats.text).toContain('Women among film directors,12,2022,Lao Film Department');
    const xlsx = await coordinator.client.get(`${LAO}/statistics.xlsx`);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('submission', () => {
  it('is recorded by a coordinator only, then refuses every write with 409', async () => {
    await contributor.client.get(LAO);
    expect((await stella.client.request(`${LAO}/submit`, { form: {} })).status).toBe(404);
    await coordinator.client.get(LAO);
    expect((await coordinator.client.request(`${LAO}/publish`, { form: { published: '1' } })).status).toBe(
      409,
    );
    expect((await coordinator.client.request(`${LAO}/submit`, { form: {} })).status).toBe(303);
    const report = await hub.deps.db
      .selectFrom('qpr_reports')
      .selectAll()
      .where('country', '=', 'LA')
      .executeTakeFirstOrThrow();
    expect(report.status).toBe('submitted');
    expect(report.submitted_by).toBe(coordinator.user.id);
    expect(visibleText((await coordinator.client.get(LAO)).text)).toContain('Submitted on');
    const section = sectionOf('area.gender_equality');
    const writes: [string, Record<string, string>][] = [
      [section, { body: 'After', lang: 'en' }],
      [`${section}/assign`, { assignee: contributor.user.email, due_on: '' }],
      [`${section}/status`, { status: 'review' }],
      [`${section}/comments`, { body: 'Late comment' }],
      [`${section}/restore`, { version: '1' }],
      [`${LAO}/submit`, {}],
    ];
    for (const [path, form] of writes)
      expect((await coordinator.client.request(path, { form })).status, path).toBe(409);
    expect(
      (await stella.client.request(INPUTS, { form: await inputForm({ title: 'Too late' }) })).status,
    ).toBe(409);
    const api = await coordinator.client.request('/api/v1/qpr/LA/2024-2027/sections/summary', {
      method: 'PATCH',
      json: { body: 'After' },
      headers: bearer(coordinator.token),
    });
    expect(api.status).toBe(409);
    const row = await hub.deps.db
      .selectFrom('qpr_sections')
      .select('body')
      .where('code', '=', 'area.gender_equality')
      .executeTakeFirstOrThrow();
    expect(row.body).toBe(LAO_TEXT);
  });

  it('is published on the country’s page when the country decides, and read by everyone then', async () => {
    const visitor = hub.client();
    expect((await visitor.get('/countries/LA')).text).not.toContain('/qpr/LA/2024-2027');
    expect((await visitor.get(`${LAO}/print`)).status).toBe(404);
    expect((await coordinator.client.request(`${LAO}/publish`, { form: { published: '1' } })).status).toBe(
      303,
    );
    const country = await visitor.get('/countries/LA');
    expect(country.text).toContain('href="/qpr/LA/2024-2027/print"');
    const print = await visitor.get(`${LAO}/print`);
    expect(print.status).toBe(200);
    expect(print.text).toContain(LAO_TEXT);
    expect((await visitor.get(LAO)).location).toBe(`${LAO}/print`);
    const api = await visitor.get('/api/v1/qpr/LA/2024-2027');
    expect(api.status).toBe(200);
    expect(JSON.parse(api.text).published).toBe(true);
    // The sections' workspace stays the team's.
    expect((await outsider.client.get(sectionOf('area.gender_equality'))).status).toBe(404);
  });
});
