// The agenda editor and the iCal outputs through the whole app, on SQLite or PostgreSQL: every
// refusal (end before start, a day outside the event, overlaps until confirmed), the paste flow
// (nothing saved before confirmation, bad lines by number), and the .ics files read back with a real
// parser (ical.js), time zones included.
import { describe, expect, it } from 'vitest';
import { type TestClient, visibleText, visitorAt } from '../../../test/harness.ts';
import { parseIcs } from '../../../test/ical.ts';
import { storeText } from '../../../test/spreadsheets.ts';
import { createApiToken } from '../../platform/auth.ts';
import { nameUuid, siteUuid } from '../../platform/stable-ids.ts';
import { createdEvent, demoEvents, HUE, itemsOf, KHON_KAEN } from './test-helpers.ts';

const { hub, editor, editorId } = await demoEvents();
const { token } = await createApiToken(hub.deps.db, editorId, 'test');
// A two-day event in Phnom Penh to edit.
const slug = await createdEvent(editor, {
  title: 'Artisans’ forum',
  lang: 'en',
  type: 'seminar',
  format: 'in_person',
  status: 'announced',
  starts_on: '2030-04-01',
  ends_on: '2030-04-02',
  time_zone: 'Asia/Phnom_Penh',
  city: 'Phnom Penh',
  country: 'KH',
  org_slug: 'unesco-bangkok',
  org_role: 'organiser',
});

const items = (eventSlug = slug) => itemsOf(hub, eventSlug);

const addItem = (form: Record<string, string>) =>
  editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/items`, { kind: 'talk', ...form });

describe('the agenda editor', () => {
  it('adds an item and refuses an end before its start, keeping the input and saving nothing', async () => {
    const ok = await addItem({
      date: '2030-04-01',
      start_time: '09:00',
      end_time: '10:00',
      title: 'Opening',
      speakers: 'Mr. Doan Ky Thanh\nA. Guest, Weavers’ guild',
    });
    expect(ok.status, visibleText(ok.text).slice(0, 300)).toBe(303);
    const backwards = await addItem({
      date: '2030-04-01',
      start_time: '11:00',
      end_time: '10:30',
      title: 'Backwards talk',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.text).toMatch(/id="f-end_time-error">The end is before the start\./);
    expect(backwards.text).toContain('value="Backwards talk"');
    expect((await items()).map((i) => i.title)).toEqual(['Opening']);
    // The speaker named like a profile is linked to it; the other stays as written.
    const page = await hub.client().get(`/events/${slug}`);
    expect(page.text).toContain('href="/directory/people/doan-ky-thanh">Mr. Doan Ky Thanh</a>');
    expect(visibleText(page.text)).toContain('A. Guest , Weavers’ guild');
  });

  it('refuses an item on a day outside the event', async () => {
    const res = await addItem({
      date: '2030-04-05',
      start_time: '09:00',
      end_time: '10:00',
      title: 'Too late',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('This day is not one of the event’s days.');
    const impossible = await addItem({ date: '2030-02-30', start_time: '09:00', title: 'No such day' });
    expect(impossible.status).toBe(422);
    expect((await items()).map((i) => i.title)).toEqual(['Opening']);
  });

  it('warns about an overlap and saves only once confirmed', async () => {
    const form = {
      date: '2030-04-01',
      start_time: '09:30',
      end_time: '10:30',
      title: 'Overlapping panel',
      kind: 'panel',
    };
    const warned = await addItem(form);
    expect(warned.status).toBe(422);
    expect(visibleText(warned.text)).toContain('This item overlaps with: 09:00–10:00 Opening');
    expect((await items()).map((i) => i.title)).toEqual(['Opening']);
    const confirmed = await editor.request(`/events/${slug}/agenda/items`, {
      form: { ...form, confirm_overlap: '1' },
    });
    expect(confirmed.status).toBe(303);
    expect((await items()).map((i) => i.title)).toEqual(['Opening', 'Overlapping panel']);
    // Back to back is no overlap.
    const next = await addItem({
      date: '2030-04-01',
      start_time: '10:30',
      end_time: '11:00',
      title: 'Coffee break',
      kind: 'break',
    });
    expect(next.status).toBe(303);
  });

  it('edits and deletes an item, names a day, adds and deletes a section', async () => {
    const opening = (await items()).find((i) => i.title === 'Opening');
    const page = await editor.get(`/events/${slug}/agenda/items/${opening?.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('/directory/people/doan-ky-thanh');
    const res = await editor.request(`/events/${slug}/agenda/items/${opening?.id}`, {
      form: {
        date: '2030-04-02',
        start_time: '08:30',
        end_time: '09:00',
        title: 'Opening, day two',
        kind: 'talk',
      },
    });
    expect(res.status).toBe(303);
    expect((await items()).find((i) => i.id === opening?.id)).toMatchObject({
      date: '2030-04-02',
      title: 'Opening, day two',
    });
    const day = await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/day`, {
      date: '2030-04-02',
      title: 'Module 2: Markets',
    });
    expect(day.status).toBe(303);
    const section = await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/sections`, {
      date: '2030-04-02',
      title: 'Section 1: Buyers',
    });
    expect(section.status).toBe(303);
    const view = visibleText((await hub.client().get(`/events/${slug}`)).text);
    expect(view).toContain('Module 2: Markets');
    expect(view).toContain('Section 1: Buyers');
    const sectionId = (
      await hub.deps.db
        .selectFrom('event_sections')
        .select('id')
        .where('title', '=', 'Section 1: Buyers')
        .executeTakeFirstOrThrow()
    ).id;
    const outside = await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/sections`, {
      date: '2030-05-02',
      title: 'Elsewhere',
    });
    expect(outside.status).toBe(422);
    const wrongDay = await addItem({
      date: '2030-04-01',
      section_id: String(sectionId),
      start_time: '15:00',
      title: 'Misplaced',
    });
    expect(wrongDay.status).toBe(422);
    expect(wrongDay.text).toContain('This section belongs to another day.');
    await editor.get(`/events/${slug}/agenda`);
    expect(
      (await editor.request(`/events/${slug}/agenda/sections/${sectionId}/delete`, { form: {} })).status,
    ).toBe(303);
    expect(visibleText((await hub.client().get(`/events/${slug}`)).text)).not.toContain('Section 1: Buyers');
    await editor.get(`/events/${slug}/agenda`);
    expect(
      (await editor.request(`/events/${slug}/agenda/items/${opening?.id}/delete`, { form: {} })).status,
    ).toBe(303);
    expect((await items()).some((i) => i.id === opening?.id)).toBe(false);
  });

  it('refuses strangers and members: sign in, then 403, and 404 for another event’s item', async () => {
    const stranger = hub.client();
    const res = await stranger.get(`/events/${slug}/agenda`);
    expect(res.status).toBe(303);
    expect(res.location).toContain('/login');
    const { client: memberClient } = await hub.signedIn('member');
    expect((await memberClient.get(`/events/${slug}/agenda`)).status).toBe(403);
    expect(
      (
        await memberClient.request(`/events/${slug}/agenda/items`, {
          form: { date: '2030-04-01', start_time: '12:00', title: 'Intruder' },
        })
      ).status,
    ).toBe(403);
    const hueItem = (await items(HUE))[0];
    expect((await editor.get(`/events/${slug}/agenda/items/${hueItem?.id}`)).status).toBe(404);
    expect((await items()).some((i) => i.title === 'Intruder')).toBe(false);
  });
});

describe('pasting an agenda', () => {
  const text = [
    '13:00-13:15\t- Welcome: Ms. Mai Trinh',
    'Section 2: International good practices…',
    '13:15–13:45 Case studies from Siem Reap',
    '13h45-14h00 Nghỉ giải lao',
    '14:00—14:30\tField visit to the silk farm',
  ].join('\n');

  it('shows the lines as a table for review and saves nothing until confirmed', async () => {
    const before = (await items()).length;
    const review = await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/paste`, {
      date: '2030-04-02',
      text,
    });
    expect(review.status).toBe(200);
    const shown = visibleText(review.text);
    expect(shown).toContain('4 items read');
    expect(shown).toContain('Section 2: International good practices…');
    expect(shown).toContain('13:45–14:00 Nghỉ giải lao Break');
    expect(shown).toContain('Ms. Mai Trinh (Speaker)');
    expect(review.text).toContain('name="confirm" value="1"');
    expect((await items()).length).toBe(before);
    const saved = await editor.request(`/events/${slug}/agenda/paste`, {
      form: { date: '2030-04-02', text, confirm: '1' },
    });
    expect(saved.status).toBe(303);
    const after = await items();
    expect(after.length).toBe(before + 4);
    expect(after.find((i) => i.title === 'Nghỉ giải lao')).toMatchObject({
      kind: 'break',
      start_time: '13:45',
      end_time: '14:00',
    });
    expect(after.find((i) => i.title === 'Field visit to the silk farm')?.kind).toBe('visit');
  });

  it('lists bad lines with their numbers and refuses to save them, even when told to', async () => {
    const before = (await items()).length;
    const bad = '09:00-09:30 Fine\nThursday, 2 April\n10:00-09:00 Backwards';
    const review = await editor.submit(`/events/${slug}/agenda`, `/events/${slug}/agenda/paste`, {
      date: '2030-04-01',
      text: bad,
    });
    const shown = visibleText(review.text);
    expect(shown).toContain('2 lines could not be read');
    expect(shown).toContain('Line 2: “Thursday, 2 April” — no time at the start');
    expect(shown).toContain('Line 3: “10:00-09:00 Backwards” — The end is before the start.');
    expect(review.text).not.toContain('name="confirm" value="1"');
    const forced = await editor.request(`/events/${slug}/agenda/paste`, {
      form: { date: '2030-04-01', text: bad, confirm: '1' },
    });
    expect(forced.status).toBe(422);
    const outside = await editor.request(`/events/${slug}/agenda/paste`, {
      form: { date: '2031-01-01', text, confirm: '1' },
    });
    expect(outside.status).toBe(422);
    expect((await items()).length).toBe(before);
  });
});

describe('iCal', () => {
  it('writes a session of the Hue agenda in Asia/Ho_Chi_Minh with its VTIMEZONE: 09:15 there is 02:15 UTC', async () => {
    const item = (await items(HUE)).find((i) => i.title === 'Ha Noi Creative City');
    const res = await hub.client().get(`/events/${HUE}/items/${item?.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { zones, events } = parseIcs(res.text);
    expect(zones).toEqual(['Asia/Ho_Chi_Minh']);
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.summary).toBe('Ha Noi Creative City');
    expect(event?.startDate.zone.tzid).toBe('Asia/Ho_Chi_Minh');
    expect(event?.startDate.toJSDate().toISOString()).toBe('2016-11-24T02:15:00.000Z');
    expect(event?.endDate.toJSDate().toISOString()).toBe('2016-11-24T02:30:00.000Z');
    expect(event?.description).toContain('Mr. Doan Ky Thanh');
    expect(res.text).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20161124T091500');
  });

  it('writes a timed event in its zone and an all-day event as dates', async () => {
    const hue = parseIcs((await hub.client().get(`/events/${HUE}.ics`)).text).events[0];
    expect(hue?.startDate.toJSDate().toISOString()).toBe('2016-11-24T01:00:00.000Z');
    expect(hue?.endDate.toJSDate().toISOString()).toBe('2016-11-24T09:30:00.000Z');
    expect(hue?.location).toBe('Century Riverside Hotel, Hue, VN');
    const kk = parseIcs((await hub.client().get(`/events/${KHON_KAEN}.ics`)).text).events[0];
    expect(kk?.startDate.isDate).toBe(true);
    expect(kk?.startDate.toString()).toBe('2024-09-09');
    // DTEND of a whole-day event is the day after the last one (RFC 5545: exclusive).
    expect(kk?.endDate.toString()).toBe('2024-09-14');
  });

  it('writes a filtered list as one calendar with a VTIMEZONE per zone used', async () => {
    const res = await hub.client().get('/events.ics?country=VN');
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const vn = parseIcs(res.text);
    expect(vn.events.map((e) => e.summary)).toEqual([
      'Policy Dialogue on Creative hubs and Creative industries',
    ]);
    const bagan = await editor.submit('/events/new', '/events/new', {
      title: 'Lacquerware day',
      lang: 'en',
      type: 'exhibition',
      status: 'announced',
      starts_on: '2030-07-07',
      ends_on: '2030-07-07',
      start_time: '09:00',
      end_time: '17:00',
      time_zone: 'Asia/Yangon',
      city: 'Bagan',
      country: 'MM',
    });
    expect(bagan.status).toBe(303);
    const all = parseIcs((await hub.client().get('/events.ics')).text);
    expect(all.events.length).toBeGreaterThanOrEqual(6);
    expect(all.zones.sort()).toEqual(['Asia/Ho_Chi_Minh', 'Asia/Yangon']);
    const lacquer = all.events.find((e) => e.summary === 'Lacquerware day');
    // Myanmar is six and a half hours ahead of UTC.
    expect(lacquer?.startDate.toJSDate().toISOString()).toBe('2030-07-07T02:30:00.000Z');
    // UIDs name the event in the installation's namespace, never the address (stable-ids.ts).
    const site = await siteUuid(hub.deps.db);
    const { id } = await hub.deps.db
      .selectFrom('events')
      .select('id')
      .where('slug', '=', HUE)
      .executeTakeFirstOrThrow();
    expect(all.events.find((e) => e.summary.startsWith('Policy Dialogue'))?.uid).toBe(
      nameUuid(site, `event-${id}`),
    );
    expect(all.events.every((e) => !e.uid.includes('hub.test'))).toBe(true);
  });

  it('keeps every UID when the site moves to another address', async () => {
    const uids = async (client: TestClient, path: string) => {
      const res = await client.get(path);
      expect(res.status).toBe(200);
      return parseIcs(res.text).events.map((e) => [e.uid, String(e.component.getFirstPropertyValue('url'))]);
    };
    const moved = visitorAt(hub, 'https://culture.example.org');
    for (const path of ['/events.ics', `/events/${HUE}.ics`]) {
      const before = await uids(hub.client(), path);
      const after = await uids(moved, path);
      expect(after.map(([uid]) => uid)).toEqual(before.map(([uid]) => uid));
      // The links do move.
      expect(after.every(([, url]) => url?.startsWith('https://culture.example.org/events/'))).toBe(true);
      expect(before.every(([, url]) => url?.startsWith('http://hub.test/events/'))).toBe(true);
    }
  });

  it('leaves DTEND out of a session without an end time', async () => {
    const added = await addItem({
      date: '2030-04-02',
      start_time: '16:45',
      end_time: '',
      title: 'Closing words',
    });
    expect(added.status, visibleText(added.text).slice(0, 300)).toBe(303);
    const item = (await items()).find((i) => i.title === 'Closing words');
    const res = await hub.client().get(`/events/${slug}/items/${item?.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('DTEND');
    expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const [event] = parseIcs(res.text).events;
    expect(event?.component.hasProperty('dtend')).toBe(false);
    // 16:45 in Phnom Penh is 09:45 UTC.
    expect(event?.startDate.toJSDate().toISOString()).toBe('2030-04-02T09:45:00.000Z');
  });

  it('names /events.ics for what it holds, past events too, in the reader’s language, and ends it with CRLF', async () => {
    for (const [lang, words] of [
      ['en', 'Past and upcoming events'],
      ['lo', 'ກິດຈະກຳທີ່ຜ່ານມາ ແລະ ທີ່ຈະມາເຖິງ'],
    ] as const) {
      const res = await hub.client().get('/events.ics', { 'accept-language': lang });
      expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
      const { names, events } = parseIcs(res.text);
      expect(names).toEqual(Array(2).fill(`${hub.deps.config.siteName} · ${words}`));
      // It holds the Hue dialogue of 2016, long past.
      expect(events.some((e) => e.startDate.toString().startsWith('2016-11-24'))).toBe(true);
    }
  });

  it('keeps a title stored with line breaks as text in the event’s calendar: no line is injected', async () => {
    const title = 'Forum\r\nEND:VEVENT\nBEGIN:VEVENT\rSUMMARY:injected';
    await storeText(hub, { table: 'events', column: 'title', where: ['slug', slug] }, title);
    const res = await hub.client().get(`/events/${slug}.ics`);
    expect(res.status).toBe(200);
    const { names, events } = parseIcs(res.text);
    const asRead = 'Forum\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected';
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toBe(asRead);
    // The calendar is named after the event: NAME and X-WR-CALNAME, once each, the breaks kept as text.
    expect(names).toEqual([asRead, asRead]);
    expect(
      parseIcs((await hub.client().get('/events.ics')).text).events.filter((e) => e.summary === 'injected'),
    ).toEqual([]);
  });

  it('answers 404 for a session that is not the event’s, or a file that is not .ics', async () => {
    expect((await hub.client().get(`/events/${HUE}/items/999999.ics`)).status).toBe(404);
    expect((await hub.client().get(`/events/${HUE}/items/abc.ics`)).status).toBe(404);
    expect((await hub.client().get('/events/no-such-event.ics')).status).toBe(404);
  });
});

describe('the API', () => {
  const body = {
    title: 'Online training on copyright',
    lang: 'en',
    type: 'training',
    format: 'online',
    status: 'announced',
    starts_on: '2030-06-01',
    ends_on: '2030-06-01',
    start_time: '14:00',
    end_time: '16:00',
    time_zone: 'Asia/Ho_Chi_Minh',
    online_url: 'https://meet.example.org/copyright',
    organisations: [{ slug: 'mekong-institute', role: 'organiser' }],
    domains: ['books_press'],
  };
  const bearer = () => ({ authorization: `Bearer ${token}` });

  it('lists with the page’s filters and reads an event with its agenda', async () => {
    const list = await hub.client().get('/api/v1/events?when=past&country=VN');
    expect(list.status).toBe(200);
    const json = JSON.parse(list.text);
    expect(json.items.map((e: { slug: string }) => e.slug)).toEqual([HUE]);
    const one = JSON.parse((await hub.client().get(`/api/v1/events/${HUE}`)).text);
    expect(one.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(one.agenda[0].sections).toHaveLength(4);
    const first = one.agenda[0].sections[0].items.find(
      (i: { title: string }) => i.title === 'Ha Noi Creative City',
    );
    expect(first).toMatchObject({ start: '09:15', end: '09:30', startsAt: '2016-11-24T09:15:00+07:00' });
    expect(first.people).toEqual([
      { name: 'Mr. Doan Ky Thanh', affiliation: null, role: 'speaker', person: 'doan-ky-thanh' },
    ]);
  });

  it('creates and changes events for editors, with the form’s rules and refusals', async () => {
    const anonymous = await hub.client().request('/api/v1/events', { json: body });
    expect(anonymous.status).toBe(401);
    const created = await hub.client().request('/api/v1/events', { json: body, headers: bearer() });
    expect(created.status, created.text).toBe(201);
    const event = JSON.parse(created.text);
    expect(event.organisations).toEqual([
      { slug: 'mekong-institute', name: 'Mekong Institute', role: 'organiser' },
    ]);
    const wrongType = await hub.client().request('/api/v1/events', {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);
    const invalid = await hub
      .client()
      .request('/api/v1/events', { json: { ...body, ends_on: '2030-05-01' }, headers: bearer() });
    expect(invalid.status).toBe(422);
    expect(JSON.parse(invalid.text).errors).toEqual({ ends_on: expect.any(String) });
    const patched = await hub.client().request(`/api/v1/events/${event.slug}`, {
      method: 'PATCH',
      json: { status: 'cancelled' },
      headers: bearer(),
    });
    expect(patched.status).toBe(200);
    expect(JSON.parse(patched.text).status).toBe('cancelled');
    const user = await hub.createUser();
    const memberToken = (await createApiToken(hub.deps.db, user.id, 'm')).token;
    const refused = await hub
      .client()
      .request('/api/v1/events', { json: body, headers: { authorization: `Bearer ${memberToken}` } });
    expect(refused.status).toBe(403);
    const refusedPatch = await hub.client().request(`/api/v1/events/${event.slug}`, {
      method: 'PATCH',
      json: { title: 'Mine now' },
      headers: { authorization: `Bearer ${memberToken}` },
    });
    expect(refusedPatch.status).toBe(403);
  });

  it('documents the body with the form’s own schema, named EventInput as before', async () => {
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths['/events'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/events/{slug}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    const input = doc.components.schemas.EventInput;
    // Required as before: what has a default (format, status, the lists…) may be left out.
    expect([...input.required].sort()).toEqual([
      'ends_on',
      'lang',
      'starts_on',
      'time_zone',
      'title',
      'type',
    ]);
    expect(input.properties.venue.description).toContain('directory organisation');
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Event', 'EventSummary']));
  });
});
