// Events through the whole app, on SQLite or PostgreSQL, with the demo organisations, people and
// events of seed/ loaded by the modules' own seeds: lists, calendar, pages, the form and the agenda
// editor with their refusals, drafts hidden from strangers everywhere, and the API.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { rowCount } from '../../../test/counts.ts';
import { jsonLdOf, visibleText } from '../../../test/harness.ts';
import { todayIn } from '../../platform/time.ts';
import { search } from '../../search/index.ts';
import { sentForm as validForm } from './test-fixtures.ts';
import {
  createdEvent,
  demoEvents,
  HUE,
  itemsOf as itemsOfEvent,
  KHON_KAEN,
  memberOf,
  QINGDAO,
  VIENTIANE,
} from './test-helpers.ts';

const { hub, editor, editorId } = await demoEvents();

const db = () => hub.deps.db;

const member = (options: { organisation?: string; timeZone?: string } = {}) => memberOf(hub, options);

const createEvent = (overrides: Record<string, string> = {}) => createdEvent(editor, validForm(overrides));

const eventCount = () => rowCount(hub, 'events');
const itemsOf = (slug: string) => itemsOfEvent(hub, slug);
const slugsOn = (html: string) =>
  [...html.matchAll(/<h2 class="card-title"><a href="\/events\/([^"]+)"/g)].map((m) => m[1]);

describe('the demo events', () => {
  it('are the four gatherings of the source documents, with their real dates and places', async () => {
    const rows = await db()
      .selectFrom('events')
      .select(['slug', 'starts_on', 'ends_on', 'city', 'country', 'time_zone', 'status'])
      .where('status', '=', 'held')
      .orderBy('starts_on')
      .execute();
    expect(rows).toEqual([
      {
        slug: HUE,
        starts_on: '2016-11-24',
        ends_on: '2016-11-24',
        city: 'Hue',
        country: 'VN',
        time_zone: 'Asia/Ho_Chi_Minh',
        status: 'held',
      },
      {
        slug: QINGDAO,
        starts_on: '2017-06-20',
        ends_on: '2017-06-22',
        city: 'Qingdao',
        country: 'CN',
        time_zone: 'Asia/Shanghai',
        status: 'held',
      },
      {
        slug: VIENTIANE,
        starts_on: '2017-09-18',
        ends_on: '2017-09-20',
        city: 'Vientiane',
        country: 'LA',
        time_zone: 'Asia/Vientiane',
        status: 'held',
      },
      {
        slug: KHON_KAEN,
        starts_on: '2024-09-09',
        ends_on: '2024-09-13',
        city: 'Khon Kaen',
        country: 'TH',
        time_zone: 'Asia/Bangkok',
        status: 'held',
      },
    ]);
  });

  it('and one demonstration event, three weeks after the day of the seed, so a fresh front page has one coming', async () => {
    const row = await db()
      .selectFrom('events')
      .select(['starts_on', 'ends_on', 'status'])
      .where('slug', '=', 'creative-hubs-meetup-vientiane')
      .executeTakeFirstOrThrow();
    const inDays = (n: number) =>
      new Date(Date.parse(`${todayIn('Asia/Vientiane')}T00:00:00Z`) + n * 86_400_000)
        .toISOString()
        .slice(0, 10);
    expect(row).toEqual({ starts_on: inDays(21), ends_on: inDays(22), status: 'announced' });
  });

  it('give Hue its full published agenda: 18 timed items in 4 sections, speakers linked to their profiles', async () => {
    const items = await itemsOf(HUE);
    expect(items).toHaveLength(18);
    expect(items[0]).toMatchObject({
      start_time: '08:00',
      end_time: '08:30',
      title: 'Registration of participants',
    });
    expect(items.at(-1)).toMatchObject({
      start_time: '15:30',
      end_time: '16:30',
      title: 'Visit Truc Chi Gallery',
    });
    const sections = await db()
      .selectFrom('event_sections')
      .innerJoin('event_days', 'event_days.id', 'event_sections.day_id')
      .innerJoin('events', 'events.id', 'event_days.event_id')
      .select('event_sections.title')
      .where('events.slug', '=', HUE)
      .orderBy('event_sections.position')
      .execute();
    expect(sections.map((s) => s.title)).toEqual([
      'Section 1: Operational status Overview of the Creative spaces in Vietnam',
      'Section 2: International good practices in supporting Creative hubs',
      'Section 3: Towards a policy framework to support Creative hubs in Vietnam',
      "Section 4: Open discussion: Dialogue between representatives of policy makers, creative practitioners and creative hubs' owners/managers",
    ]);
    const page = await hub.client().get(`/events/${HUE}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/directory/people/doan-ky-thanh">Mr. Doan Ky Thanh</a>');
    expect(page.text).toContain('href="/directory/people/pham-thi-thanh-huong"');
    expect(page.text).toContain('href="/directory/vietnam-mcst"');
    expect(page.text).toContain('href="/directory/unesco-hanoi"');
    expect(visibleText(page.text)).toContain('Century Riverside Hotel');
  });

  it('give Khon Kaen its four training modules as agenda days', async () => {
    const page = visibleText((await hub.client().get(`/events/${KHON_KAEN}`)).text);
    expect(page).toContain('Module 1: Introduction to Creative Industries');
    expect(page).toContain('Module 4: Action Plans Development');
    expect(page).toContain('Mekong Institute');
  });
});

describe('lists and calendar', () => {
  it('lists upcoming events by default and past ones on request, filtered through the URL', async () => {
    const upcoming = await hub.client().get('/events');
    expect(upcoming.status).toBe(200);
    expect(slugsOn(upcoming.text)).not.toContain(HUE);
    const past = await hub.client().get('/events?when=past');
    expect(slugsOn(past.text)).toEqual([KHON_KAEN, VIENTIANE, QINGDAO, HUE]);
    expect(slugsOn((await hub.client().get('/events?when=past&country=VN')).text)).toEqual([HUE]);
    expect(slugsOn((await hub.client().get('/events?when=past&type=training')).text)).toEqual([KHON_KAEN]);
    expect(slugsOn((await hub.client().get('/events?when=past&domain=tourism')).text)).toEqual([KHON_KAEN]);
    expect(slugsOn((await hub.client().get('/events?when=past&format=online')).text)).toEqual([]);
    // A value that cannot be used is dropped, not an error.
    expect((await hub.client().get('/events?when=past&country=XX&type=party')).status).toBe(200);
  });

  it('finds online and hybrid events with the online filter', async () => {
    const slug = await createEvent({
      title: 'Webinar on digital skills',
      type: 'webinar',
      format: 'online',
      online_url: 'https://meet.example.org/digital',
      venue_name: '',
      city: '',
      country: '',
      starts_on: '2030-05-05',
      ends_on: '2030-05-05',
      start_time: '09:00',
      end_time: '11:00',
      time_zone: 'Asia/Bangkok',
    });
    const list = await hub.client().get('/events?format=online');
    expect(slugsOn(list.text)).toEqual([slug]);
  });

  it('shows a month as an accessible table, each event on each of its days, and the same as a list', async () => {
    const res = await hub.client().get('/events/calendar?month=2017-06&country=CN');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<table class="calendar">');
    expect(res.text).toContain('<th scope="col">');
    const links = res.text.match(new RegExp(`href="/events/${QINGDAO}" class="calendar-event"`, 'g')) ?? [];
    expect(links).toHaveLength(3);
    expect(res.text).toContain('<time datetime="2017-06-20">');
    expect(res.text).toContain('month=2017-05');
    expect(res.text).toContain('month=2017-07');
    const other = await hub.client().get('/events/calendar?month=2016-11&country=CN');
    expect(other.text).not.toContain(`/events/${HUE}"`);
    expect((await hub.client().get('/events/calendar?month=2016-11')).text).toContain(`/events/${HUE}"`);
  });
});

describe('an event’s page', () => {
  it('describes the event in JSON-LD with offsets, place, organisers, attendance mode and status', async () => {
    const res = await hub.client().get(`/events/${HUE}`);
    const ld = jsonLdOf(res.text);
    expect(ld).toMatchObject({
      '@type': 'Event',
      name: 'Policy Dialogue on Creative hubs and Creative industries',
      startDate: '2016-11-24T08:00:00+07:00',
      endDate: '2016-11-24T16:30:00+07:00',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      eventStatus: 'https://schema.org/EventScheduled',
      location: {
        '@type': 'Place',
        name: 'Century Riverside Hotel',
        address: { addressLocality: 'Hue', addressCountry: 'VN' },
      },
    });
    expect((ld.organizer as { url: string }[]).map((o) => o.url)).toEqual([
      'http://hub.test/directory/vietnam-mcst',
      'http://hub.test/directory/unesco-hanoi',
    ]);
    // All-day events give dates only.
    const kk = await hub.client().get(`/events/${KHON_KAEN}`);
    expect(kk.text).toContain('"startDate":"2024-09-09","endDate":"2024-09-13"');
  });

  it('names the place by its city when the event names no venue (Khon Kaen), or by its address', async () => {
    const kk = jsonLdOf((await hub.client().get(`/events/${KHON_KAEN}`)).text);
    expect(kk.location).toEqual({
      '@type': 'Place',
      name: 'Khon Kaen',
      address: { '@type': 'PostalAddress', addressLocality: 'Khon Kaen', addressCountry: 'TH' },
    });
    const slug = await createEvent({
      title: 'Weaving day',
      venue_name: '',
      city: '',
      address: '12 Sisavang Vong Road',
    });
    const ld = jsonLdOf((await hub.client().get(`/events/${slug}`)).text);
    expect(ld.location).toMatchObject({
      '@type': 'Place',
      name: '12 Sisavang Vong Road',
      address: { streetAddress: '12 Sisavang Vong Road' },
    });
  });

  it('marks a cancelled online event as such in JSON-LD, with a VirtualLocation', async () => {
    const slug = await createEvent({
      title: 'Cancelled online seminar',
      type: 'seminar',
      format: 'online',
      status: 'cancelled',
      online_url: 'https://meet.example.org/x',
      venue_name: '',
      city: '',
    });
    const res = await hub.client().get(`/events/${slug}`);
    expect(res.text).toContain('"eventStatus":"https://schema.org/EventCancelled"');
    expect(res.text).toContain('"eventAttendanceMode":"https://schema.org/OnlineEventAttendanceMode"');
    expect(res.text).toContain('"location":{"@type":"VirtualLocation","url":"https://meet.example.org/x"}');
  });

  it('shows the timetable in the event’s zone, and in the reader’s on request', async () => {
    const { client } = await member({ timeZone: 'Europe/Paris' });
    const own = visibleText((await client.get(`/events/${HUE}`)).text);
    expect(own).toContain('Times are in Asia/Ho_Chi_Minh (UTC+07:00)');
    expect(own).toMatch(/09:15 ?–09:30 Ha Noi Creative City/);
    expect(own).toContain('Show times in my time zone (Europe/Paris)');
    const mine = await client.get(`/events/${HUE}?tz=mine`);
    const text = visibleText(mine.text);
    expect(text).toContain('Times are in Europe/Paris (UTC+01:00)');
    expect(text).toMatch(/03:15 ?–03:30 Ha Noi Creative City/);
    expect(mine.text).toContain('datetime="2016-11-24T02:15:00.000Z"');
    // A reader in the event's own zone is not offered the switch.
    const { client: local } = await member({ timeZone: 'Asia/Ho_Chi_Minh' });
    expect(visibleText((await local.get(`/events/${HUE}`)).text)).not.toContain('Show times in my time zone');
  });
});

describe('creating and editing', () => {
  it('lets editors create an event and refuses others', async () => {
    const before = await eventCount();
    const anonymous = await hub.client().get('/events/new');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/login');
    const { client } = await member();
    expect((await client.get('/events/new')).status).toBe(403);
    expect((await client.request('/events/new', { form: validForm() })).status).toBe(403);
    const slug = await createEvent({ title: 'Heritage tourism fair' });
    expect(slug).toBe('heritage-tourism-fair-2030');
    expect(await eventCount()).toBe(before + 1);
    const page = visibleText((await hub.client().get(`/events/${slug}`)).text);
    expect(page).toContain('Heritage tourism fair');
    expect(page).toContain('Bagan');
  });

  it('refuses an end before the start, next to the field, with the input kept and nothing saved', async () => {
    const before = await eventCount();
    const res = await editor.submit(
      '/events/new',
      '/events/new',
      validForm({ title: 'Backwards event', starts_on: '2030-03-12', ends_on: '2030-03-10' }),
    );
    expect(res.status).toBe(422);
    expect(res.text).toMatch(/id="f-ends_on-error">The end is before the start\./);
    expect(res.text).toContain('value="Backwards event"');
    for (const [overrides, refused] of [
      [
        { starts_on: '2030-03-10', ends_on: '2030-03-10', start_time: '15:00', end_time: '09:00' },
        'end_time',
      ],
      [{ time_zone: 'Mars/Olympus' }, 'time_zone'],
      [{ org_slug: 'no-such-org' }, 'organisations'],
    ] as const) {
      const res = await editor.submit('/events/new', '/events/new', validForm(overrides));
      expect(res.status).toBe(422);
      expect(res.text).toContain(`id="f-${refused}-error"`);
    }
    const unknownOrg = await editor.submit('/events/new', '/events/new', validForm({ org_slug: 'nobody' }));
    expect(unknownOrg.text).toContain('No organisation of the directory has this address.');
    expect(await eventCount()).toBe(before);
  });

  it('lets members of an organiser edit the event, not members of a partner', async () => {
    const { client: organiser } = await member({ organisation: 'unesco' });
    const { client: partner } = await member({ organisation: 'stella' });
    expect((await partner.get(`/events/${VIENTIANE}/edit`)).status).toBe(403);
    expect((await partner.get(`/events/${VIENTIANE}/agenda`)).status).toBe(403);
    const form = await organiser.get(`/events/${VIENTIANE}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="2017-09-18"');
    const values = Object.fromEntries(
      [...form.text.matchAll(/<input id="f-([a-z_]+)" name="([a-z_]+)" type="[a-z]+" value="([^"]*)"/g)].map(
        (m) => [m[2], m[3]],
      ),
    );
    const res = await organiser.request(`/events/${VIENTIANE}/edit`, {
      form: {
        ...values,
        title: values.title ?? '',
        lang: 'en',
        type: 'workshop',
        format: 'in_person',
        status: 'held',
        time_zone: 'Asia/Vientiane',
        country: 'LA',
        org_slug: 'unesco',
        org_role: 'organiser',
        description: 'Sixty-four participants.',
      },
    });
    expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
    const row = await db()
      .selectFrom('events')
      .select(['description', 'city'])
      .where('slug', '=', VIENTIANE)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ description: 'Sixty-four participants.', city: 'Vientiane' });
    expect(await auditEntries(hub, { action: 'event.updated' })).not.toEqual([]);
  });

  it('refuses new dates that would leave agenda days outside, changing nothing', async () => {
    const { client } = await member({ organisation: 'vietnam-mcst' });
    const form = await client.get(`/events/${HUE}/edit`);
    expect(form.status).toBe(200);
    const res = await client.request(`/events/${HUE}/edit`, {
      form: {
        title: 'Policy Dialogue on Creative hubs and Creative industries',
        lang: 'en',
        type: 'policy_dialogue',
        status: 'held',
        starts_on: '2016-11-25',
        ends_on: '2016-11-25',
        time_zone: 'Asia/Ho_Chi_Minh',
        city: 'Hue',
      },
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('id="f-starts_on-error"');
    const row = await db()
      .selectFrom('events')
      .select('starts_on')
      .where('slug', '=', HUE)
      .executeTakeFirstOrThrow();
    expect(row.starts_on).toBe('2016-11-24');
  });
});

describe('drafts', () => {
  it('are seen by editors and organisers only: strangers get 404 on the page, API and iCal, and find them nowhere', async () => {
    const slug = await createEvent({
      title: 'Secret planning meeting',
      status: 'draft',
      org_slug: 'heritage-space',
    });
    const item = await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/items`, {
      date: '2030-03-10',
      start_time: '09:00',
      end_time: '10:00',
      title: 'Planning',
      kind: 'talk',
    });
    expect(item.status).toBe(303);
    const id = (await itemsOf(slug))[0]?.id;
    expect(id).toBeDefined();
    const stranger = hub.client();
    const { client: memberClient } = await member();
    for (const client of [stranger, memberClient]) {
      expect((await client.get(`/events/${slug}`)).status).toBe(404);
      expect((await client.get(`/events/${slug}.ics`)).status).toBe(404);
      expect((await client.get(`/events/${slug}/items/${id}.ics`)).status).toBe(404);
      expect((await client.get(`/api/v1/events/${slug}`)).status).toBe(404);
      // Strangers are asked to sign in first; members are told there is nothing.
      expect((await client.get(`/events/${slug}/edit`)).status).toBe(client === stranger ? 303 : 404);
      expect(slugsOn((await client.get('/events')).text)).not.toContain(slug);
      expect((await client.get('/events.ics')).text).not.toContain('Secret planning meeting');
      expect((await client.get('/events/calendar?month=2030-03')).text).not.toContain(slug);
    }
    const found = await search(db(), { q: 'secret planning', viewer: null });
    expect(found.hits.filter((h) => h.type === 'event')).toEqual([]);
    const sitemap = await stranger.get('/sitemap.xml');
    expect(sitemap.text).not.toContain(`/events/${slug}`);
    expect(sitemap.text).toContain(`/events/${HUE}</loc>`);
    // The editors and the draft's organisers see it.
    expect((await editor.get(`/events/${slug}`)).status).toBe(200);
    const { client: organiser } = await member({ organisation: 'heritage-space' });
    expect((await organiser.get(`/events/${slug}`)).status).toBe(200);
    expect(slugsOn((await organiser.get('/events')).text)).toContain(slug);
  });

  it('are found by search once published', async () => {
    const found = await search(db(), { q: 'Qingdao', viewer: null });
    expect(found.hits.map((h) => [h.type, h.url])).toContainEqual(['event', `/events/${QINGDAO}`]);
    const bySpeaker = await search(db(), { q: 'Doan Ky Thanh', viewer: null });
    expect(bySpeaker.hits.map((h) => h.url)).toContain(`/events/${HUE}`);
  });
});

describe('deleting', () => {
  it('is for editors: organisers get 403; the event, its agenda and its search entry go together', async () => {
    const slug = await createEvent({ title: 'Short-lived fair', org_slug: 'the-factory' });
    await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/items`, {
      date: '2030-03-10',
      start_time: '10:00',
      title: 'Doors open',
      kind: 'other',
    });
    const { client: organiser } = await member({ organisation: 'the-factory' });
    const page = await organiser.get(`/events/${slug}`);
    expect(page.text).not.toContain(`action="/events/${slug}/delete"`);
    expect((await organiser.request(`/events/${slug}/delete`, { form: {} })).status).toBe(403);
    const editorViewer = { id: editorId, role: 'editor' as const };
    expect((await search(db(), { q: 'short-lived fair', viewer: editorViewer })).hits).toHaveLength(1);
    const own = await editor.get(`/events/${slug}`);
    expect(own.text).toContain(`action="/events/${slug}/delete"`);
    const res = await editor.request(`/events/${slug}/delete`, { form: {} });
    expect(res.status).toBe(303);
    expect((await hub.client().get(`/events/${slug}`)).status).toBe(404);
    expect(await itemsOf(slug)).toEqual([]);
    expect((await search(db(), { q: 'short-lived fair', viewer: editorViewer })).hits).toEqual([]);
  });
});
