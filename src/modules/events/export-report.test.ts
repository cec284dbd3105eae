// What the module kit gives the events list and pages, through the whole app on SQLite or
// PostgreSQL: the filtered list as CSV and XLSX (read back by a strict parser), holding only the
// events the reader may see; the report link and form for an event (a draft is not found for
// strangers); the breadcrumb of a past event; and single-line fields that refuse control
// characters with a message, on the event form, the API and the agenda editor.
import { describe, expect, it } from 'vitest';
import { CONTROL_CHARACTER, expectFormRefused, ONE_LINE } from '../../../test/refusals.ts';
import { expectNotReportable, expectReportable, fileReport, reportFormOf } from '../../../test/reports.ts';
import {
  csvDownload,
  csvRows,
  expectLineBreaksKept,
  storeText,
  xlsxDownload,
} from '../../../test/spreadsheets.ts';
import { createdEvent, demoEvents, HUE } from './test-helpers.ts';

/** An online event on the form (no place needed), with `overrides`. */
const onlineForm = (overrides: Record<string, string> = {}) => ({
  title: 'Webinar on copyright',
  lang: 'en',
  type: 'webinar',
  format: 'online',
  status: 'announced',
  starts_on: '2031-02-03',
  ends_on: '2031-02-03',
  time_zone: 'Asia/Bangkok',
  online_url: 'https://meet.example.org/copyright',
  ...overrides,
});

const { hub, editor } = await demoEvents({ directory: false });
const upcoming = await createdEvent(editor, onlineForm());
const draft = await createdEvent(editor, onlineForm({ title: 'Unannounced summit', status: 'draft' }));

describe('exports of the list', () => {
  it('gives the filtered list as CSV that a strict parser reads, linked from the list', async () => {
    const { rows } = await csvDownload(hub.client(), '/events/export.csv?when=past&country=VN', 'events.csv');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      starts_on: '2016-11-24',
      country: 'VN',
      time_zone: 'Asia/Ho_Chi_Minh',
      page: `http://hub.test/events/${HUE}`,
    });
    const list = await hub.client().get('/events?when=past&country=VN');
    expect(list.text).toContain('href="/events/export.csv?when=past&amp;country=VN"');
    expect(list.text).toContain('href="/events/export.xlsx?when=past&amp;country=VN"');
  });

  it('holds drafts for the editors only, as the list does', async () => {
    const forStranger = csvRows((await hub.client().get('/events/export.csv')).text).map((r) => r.title);
    expect(forStranger).toContain('Webinar on copyright');
    expect(forStranger).not.toContain('Unannounced summit');
    const { client: member } = await hub.signedIn('member');
    expect(csvRows((await member.get('/events/export.csv')).text).map((r) => r.title)).not.toContain(
      'Unannounced summit',
    );
    const forEditor = csvRows((await editor.get('/events/export.csv')).text);
    expect(forEditor.find((r) => r.title === 'Unannounced summit')?.status).toBe('draft');
  });

  it('gives the past events as an XLSX workbook, one row per event', async () => {
    const sheet = await xlsxDownload(hub.client(), '/events/export.xlsx?when=past');
    expect(sheet.name).toBe('Events');
    expect(sheet.getRow(1).getCell(1).value).toBe('starts_on');
    const past = await hub.deps.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ends_on', '<', new Date().toISOString().slice(0, 10))
      .where('status', '!=', 'draft')
      .executeTakeFirstOrThrow();
    expect(sheet.rowCount).toBe(Number(past.n) + 1);
  });
});

describe('reporting an event', () => {
  it('links a published event’s page to the report form, which files a report for the moderators', async () => {
    const { reader } = await expectReportable(hub, {
      page: `/events/${HUE}`,
      type: 'event',
      key: HUE,
      message: 'The second day is missing.',
    });
    await expectNotReportable(reader, { type: 'event', key: 'no-such-event' });
  });

  it('does not find a draft for those who may not see it', async () => {
    const { client: reader } = await hub.signedIn('member');
    await expectNotReportable(reader, { type: 'event', key: draft });
    const sent = await fileReport(reader, { type: 'event', key: draft }, { message: 'Guessing.' });
    expect(sent.status).toBe(404);
    expect((await editor.get(reportFormOf({ type: 'event', key: draft }))).status).toBe(200);
    // Its own page has no report link: only its editors and organisers see it.
    expect((await editor.get(`/events/${draft}`)).text).not.toContain('/report?type=event');
  });
});

describe('the breadcrumb', () => {
  it('leads from a past event to the past events, and from an upcoming one to the upcoming', async () => {
    const past = await hub.client().get(`/events/${HUE}`);
    expect(past.text).toMatch(
      /<p class="breadcrumb no-print"><a href="\/events\?when=past">Past events<\/a>/,
    );
    expect(past.text).not.toContain('<a href="/events">Upcoming events</a>');
    const next = await hub.client().get(`/events/${upcoming}`);
    expect(next.text).toMatch(/<p class="breadcrumb no-print"><a href="\/events">Upcoming events<\/a>/);
  });
});

describe('control characters', () => {
  it('refuses a line break in the title and U+0000 in the description, keeping everything typed', async () => {
    const res = await editor.submit(
      '/events/new',
      '/events/new',
      onlineForm({ title: 'Webinar\non copyright', description: 'Bring\u0000 questions', city: 'Hanoi' }),
    );
    expectFormRefused(
      res,
      [ONE_LINE, CONTROL_CHARACTER],
      ['value="Hanoi"', 'id="f-title-error"', 'id="f-description-error"'],
    );

    const api = await editor.request('/api/v1/events', {
      json: { ...onlineForm(), title: 'Line one\r\nline two' },
      headers: { 'x-csrf-token': editor.csrfToken() },
    });
    expect(api.status).toBe(422);
    expect(Object.keys(JSON.parse(api.text).errors)).toEqual(['title']);
  });

  it('refuses a tab in an agenda item’s title and a section’s, saving nothing', async () => {
    const before = await hub.deps.db.selectFrom('event_items').select('id').execute();
    const item = await editor.submit(`/events/${upcoming}/agenda`, `/events/${upcoming}/agenda/items`, {
      date: '2031-02-03',
      start_time: '10:00',
      title: 'Opening\tremarks',
      kind: 'talk',
    });
    expect(item.status).toBe(422);
    expect(item.text).toMatch(/id="f-item-title-error">Write this on one line/);
    const section = await editor.submit(`/events/${upcoming}/agenda`, `/events/${upcoming}/agenda/sections`, {
      date: '2031-02-03',
      title: 'Morning\u0007',
    });
    expect(section.status).toBe(422);
    expect(section.text).toMatch(/id="f-section-title-error">Write this on one line/);
    expect(await hub.deps.db.selectFrom('event_items').select('id').execute()).toEqual(before);
  });
});

describe('line breaks in a cell', () => {
  // Last in the file: it changes the Hue event.
  it('keep a venue stored on several lines in one cell of its event’s row', async () => {
    await storeText(hub, { table: 'events', column: 'venue_name', where: ['slug', HUE] });
    const rows = await expectLineBreaksKept(hub.client(), '/events/export.csv?when=past', 'venue_name');
    expect(rows.find((r) => r.page === `http://hub.test/events/${HUE}`)?.country).toBe('VN');
  });
});
