// The key figures of the demo events from their seeded rosters, through the report page, its CSV
// and XLSX exports and the API, on SQLite or PostgreSQL; who may see them (everyone once an event is
// held, its organisers before) and who may export the roster (its organisers only); seeding twice.
import { describe, expect, it } from 'vitest';
import { rowCount } from '../../../../test/counts.ts';
import { visibleText } from '../../../../test/harness.ts';
import {
  csvDownload,
  csvRows,
  expectLineBreaksKept,
  storeText,
  xlsxDownload,
} from '../../../../test/spreadsheets.ts';
import { seedRosters } from './seed.ts';
import { demoPlatform, eventId, KHON_KAEN, organiserOf, QINGDAO, VIENTIANE } from './test-helpers.ts';

const hub = await demoPlatform();
const { client: editor } = await hub.signedIn('editor');

describe('the demo events’ figures', () => {
  it('Qingdao: 21 participants from the 11 named countries, 62 % women (13 of 21), 7 observers apart', async () => {
    const res = await hub.client().get(`/events/${QINGDAO}/report`);
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('21 participants from 11 countries, 62% of them women.');
    expect(text).toContain('13 of 21');
    expect(text).toContain('7 observers, counted apart.');
    for (const name of [
      'China',
      'Japan',
      'Mongolia',
      'South Korea',
      'Indonesia',
      'Malaysia',
      'Pakistan',
      'Philippines',
      'Samoa',
      'Thailand',
      'Timor-Leste',
    ])
      expect(text).toContain(name);
    // Charts are images with a title, and the same numbers follow as a table.
    expect(res.text).toMatch(
      /<svg role="img" aria-labelledby="chart-countries-title"[^>]*>\s*<title id="chart-countries-title">Participants by country<\/title>/,
    );
    expect(res.text).toMatch(/<th scope="row">China<\/th><td>3<\/td><td>14%<\/td>/);
    expect(res.text).toMatch(/<th scope="row">Woman<\/th><td>13<\/td><td>62%<\/td>/);
  });

  it('Qingdao in the figures’ CSV and XLSX, the same numbers', async () => {
    const { rows } = await csvDownload(
      hub.client(),
      `/events/${QINGDAO}/report.csv`,
      `${QINGDAO}-figures.csv`,
    );
    const one = (section: string, code = '') => rows.find((r) => r.section === section && r.code === code);
    expect(one('participants')?.count).toBe('21');
    expect(one('observers')?.count).toBe('7');
    expect(one('countries')?.count).toBe('11');
    expect(
      rows
        .filter((r) => r.section === 'country')
        .map((r) => r.code)
        .sort(),
    ).toEqual(['CN', 'ID', 'JP', 'KR', 'MN', 'MY', 'PH', 'PK', 'TH', 'TL', 'WS']);
    expect(one('women_share')).toMatchObject({ count: '13', share: '0.6190' });
    // Gender is in the public export only as totals: no row names a person.
    expect(rows.some((r) => /^Participant \d+/.test(r.label ?? ''))).toBe(false);

    const sheet = await xlsxDownload(hub.client(), `/events/${QINGDAO}/report.xlsx`);
    const cells = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const [section, code, , n, share] = (row.values as unknown[]).slice(1);
      cells.set(`${section}:${code ?? ''}`, [n, share]);
    });
    expect(cells.get('participants:')?.[0]).toBe(21);
    expect(cells.get('women_share:')?.[0]).toBe(13);
    expect(Number(cells.get('women_share:')?.[1])).toBeCloseTo(13 / 21, 6);
  });

  it('Vientiane: 64 participants; Khon Kaen: 25 from 5 countries in its three categories', async () => {
    const vientiane = visibleText((await hub.client().get(`/events/${VIENTIANE}/report`)).text);
    expect(vientiane).toContain('64 participants from 1 country');
    // Nobody stated a gender: there is no share of women, and no 0 % either.
    expect(vientiane).not.toContain('of them women');

    const api = await (await hub.app.request(`/api/v1/events/${KHON_KAEN}/report`)).json();
    expect(api.participants).toBe(25);
    expect(api.observers).toBe(0);
    expect(api.countries.map((c: { country: string }) => c.country).sort()).toEqual([
      'KH',
      'LA',
      'MM',
      'TH',
      'VN',
    ]);
    expect(api.countries.every((c: { participants: number }) => c.participants === 5)).toBe(true);
    expect(api.categories.map((c: { participants: number }) => c.participants)).toEqual([15, 5, 5]);
    expect(api.womenShare).toBeNull();
    const page = visibleText((await hub.client().get(`/events/${KHON_KAEN}/report`)).text);
    expect(page).toContain('25 participants from 5 countries');
    expect(page).toContain('Participants by category');
  });

  it('speaks the reader’s language and number format', async () => {
    const res = await hub.client().get(`/events/${QINGDAO}/report`, { 'accept-language': 'th' });
    const text = visibleText(res.text);
    expect(text).toContain('ผู้เข้าร่วม 21 คน จาก 11 ประเทศ');
    expect(text).toContain('จีน');
    const zh = visibleText(
      (await hub.client().get(`/events/${QINGDAO}/report`, { 'accept-language': 'zh-CN' })).text,
    );
    expect(zh).toContain('其中女性占 62%');
  });

  it('seeding again adds no participant and no category twice', async () => {
    const [people, categories] = [
      await rowCount(hub, 'event_participants'),
      await rowCount(hub, 'event_categories'),
    ];
    await seedRosters(hub.deps.db);
    expect(await rowCount(hub, 'event_participants')).toBe(people);
    expect(await rowCount(hub, 'event_categories')).toBe(categories);
    expect(people).toBe(21 + 7 + 64 + 25);
  });
});

describe('who sees the figures and the roster', () => {
  const upcoming = async () => {
    const res = await editor.submit('/events/new', '/events/new', {
      title: 'Crafts market day',
      lang: 'en',
      type: 'fair',
      format: 'in_person',
      status: 'registration_open',
      starts_on: '2031-05-04',
      ends_on: '2031-05-05',
      time_zone: 'Asia/Vientiane',
      city: 'Vientiane',
      country: 'LA',
      org_slug: 'stella',
      org_role: 'organiser',
    });
    expect(res.status).toBe(303);
    return (res.location ?? '').replace('/events/', '');
  };

  it('keeps an event’s figures to its organisers until it is held', async () => {
    const slug = await upcoming();
    const anonymous = await hub.client().get(`/events/${slug}/report`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/login');
    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(`/events/${slug}/report`)).status).toBe(403);
    expect((await stranger.get(`/events/${slug}/report.csv`)).status).toBe(403);
    expect((await hub.app.request(`/api/v1/events/${slug}/report`)).status).toBe(401);
    const { client: organiser } = await organiserOf(hub, 'stella');
    const own = await organiser.get(`/events/${slug}/report`);
    expect(own.status).toBe(200);
    expect(visibleText(own.text)).toContain('Only the organisers see these figures');
  });

  it('gives the roster and its exports, with gender per person, to the organisers only', async () => {
    const anonymous = await hub.client().get(`/events/${QINGDAO}/roster.csv`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/login');
    const { client: stranger } = await hub.signedIn();
    for (const path of ['roster', 'roster.csv', 'roster.xlsx', 'certificates', 'checkin'])
      expect((await stranger.get(`/events/${QINGDAO}/${path}`)).status, path).toBe(403);
    // A partner organisation of Vientiane is not one of its organisers.
    const { client: partner } = await organiserOf(hub, 'stella');
    expect((await partner.get(`/events/${VIENTIANE}/roster`)).status).toBe(403);
    expect((await hub.app.request(`/api/v1/events/${QINGDAO}/participants`)).status).toBe(401);

    const { client: organiser } = await organiserOf(hub, 'unesco-beijing');
    const csv = await organiser.get(`/events/${QINGDAO}/roster.csv`);
    expect(csv.status).toBe(200);
    const rows = csvRows(csv.text);
    expect(rows).toHaveLength(28);
    expect(rows.filter((r) => r.role === 'participant' && r.gender === 'woman')).toHaveLength(13);
    expect(rows.filter((r) => r.role === 'observer')).toHaveLength(7);
    expect(rows.every((r) => r.source === 'organisers')).toBe(true);
    const page = await organiser.get(`/events/${QINGDAO}/roster`);
    expect(visibleText(page.text)).toContain('21 participants and 7 observers.');
  });

  it('shows the public only totals of gender, never a person’s', async () => {
    const id = await eventId(hub, QINGDAO);
    const someone = await hub.deps.db
      .selectFrom('event_participants')
      .select(['name'])
      .where('event_id', '=', id)
      .where('gender', '=', 'woman')
      .executeTakeFirstOrThrow();
    const report = await hub.client().get(`/events/${QINGDAO}/report`);
    expect(report.text).not.toContain(someone.name);
    const event = await hub.client().get(`/events/${QINGDAO}`);
    expect(visibleText(event.text)).toContain('Key figures and report');
    expect(event.text).not.toContain(someone.name);
  });
});

describe('line breaks in a cell', () => {
  // Last in the file: they change the seeded rosters.
  it('keep an organisation stored on several lines in one cell of its participant’s roster row', async () => {
    const id = await eventId(hub, QINGDAO);
    const first = await hub.deps.db
      .selectFrom('event_participants')
      .select('id')
      .where('event_id', '=', id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await storeText(hub, {
      table: 'event_participants',
      column: 'organisation_name',
      where: ['id', first.id],
    });
    const { client: organiser } = await organiserOf(hub, 'unesco-beijing');
    const rows = await expectLineBreaksKept(organiser, `/events/${QINGDAO}/roster.csv`, 'organisation');
    expect(rows).toHaveLength(28);
  });

  it('keep a category stored on several lines in one cell of its row of the figures', async () => {
    const id = await eventId(hub, KHON_KAEN);
    const category = await hub.deps.db
      .selectFrom('event_categories')
      .select('id')
      .where('event_id', '=', id)
      .orderBy('position')
      .executeTakeFirstOrThrow();
    await storeText(hub, { table: 'event_categories', column: 'label', where: ['id', category.id] });
    const rows = await expectLineBreaksKept(hub.client(), `/events/${KHON_KAEN}/report.csv`, 'label');
    expect(rows.filter((r) => r.section === 'category').map((r) => r.code)).toContain(String(category.id));
  });
});
