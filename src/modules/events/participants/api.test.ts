// The roster through /api/v1 and its exports read back, on SQLite or PostgreSQL: adding a walk-in
// with the form's own schema (described as EventParticipantInput), a PATCH that changes only what
// it sends, the refusals (a name on two lines, a row from an application, an unknown id), the audit
// entries of API writes, the roster as a workbook, and one photo too many.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../../test/audit.ts';
import { rowCount } from '../../../../test/counts.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { xlsxDownload } from '../../../../test/spreadsheets.ts';
import {
  demoPlatform,
  enrolThroughApplication,
  eventId,
  KHON_KAEN,
  organiserOf,
  postMultipart,
} from './test-helpers.ts';
import { MAX_PHOTOS } from './vocab.ts';

const base = `/api/v1/events/${KHON_KAEN}/participants`;

const hub = await demoPlatform();
const { client: organiser } = await organiserOf(hub, 'mekong-institute');

const send = (method: string, path: string, json?: unknown) =>
  organiser.request(path, { method, json, headers: { 'x-csrf-token': organiser.csrfToken() } });

describe('the roster through the API', () => {
  it('adds a walk-in, then changes only what a PATCH sends', async () => {
    const account = await hub.createUser({ email: 'api.walkin@example.org' });
    const added = await send('POST', base, {
      name: 'ນາງ ແສງ',
      organisation: 'stella',
      country: 'LA',
      gender: 'woman',
      account: 'api.walkin@example.org',
      networking_consent: true,
    });
    expect(added.status, added.text).toBe(201);
    const row = JSON.parse(added.text);
    expect(row).toMatchObject({
      name: 'ນາງ ແສງ',
      organisation: 'stella',
      organisationName: 'STELLA',
      organisationKind: 'creative_hub',
      networkingConsent: true,
      fromApplication: false,
    });

    const changed = await send('PATCH', `${base}/${row.id}`, { role: 'observer' });
    expect(changed.status, changed.text).toBe(200);
    expect(JSON.parse(changed.text)).toMatchObject({
      role: 'observer',
      organisation: 'stella',
      country: 'LA',
      gender: 'woman',
      networkingConsent: true,
    });
    const saved = await hub.deps.db
      .selectFrom('event_participants')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    expect(saved.user_id).toBe(account.id);

    const audit = await auditEntries(hub, {
      action: ['event.participant_added', 'event.participant_updated'],
    });
    expect(audit.map((a) => a.action)).toEqual(['event.participant_added', 'event.participant_updated']);
    expect(audit[1]?.details).toMatchObject({ participant: row.id, fields: ['role'], via: 'api' });

    expect((await send('DELETE', `${base}/${row.id}`)).status).toBe(204);
    expect((await send('DELETE', `${base}/${row.id}`)).status).toBe(404);
  });

  it('refuses a name on two lines, next to the field, on the page and in the API', async () => {
    const before = await rowCount(hub, 'event_participants');
    const api = await send('POST', base, { name: 'Somphone\nVongsa' });
    expect(api.status).toBe(422);
    expect(JSON.parse(api.text).errors).toEqual({
      name: 'Write this on one line, without tabs or control characters.',
    });
    const page = await organiser.submit(
      `/events/${KHON_KAEN}/roster/new`,
      `/events/${KHON_KAEN}/roster/new`,
      { name: 'Somphone\tVongsa', role: 'participant' },
    );
    expectFormRefused(page, ['Write this on one line'], ['id="f-name-error"']);
    expect(await rowCount(hub, 'event_participants')).toBe(before);
  });

  it('refuses an unknown account and a row from an application (409)', async () => {
    const unknown = await send('POST', base, { name: 'X', account: 'nobody@example.org' });
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.text).errors.account).toBe('There is no account with this email.');

    const { user } = await hub.signedIn();
    const id = await enrolThroughApplication(hub, KHON_KAEN, user.id, 'Applied Through API');
    expect((await send('PATCH', `${base}/${id}`, { name: 'Renamed' })).status).toBe(409);
    expect((await send('DELETE', `${base}/${id}`)).status).toBe(409);
    expect((await send('PATCH', `${base}/999999`, { name: 'Nobody' })).status).toBe(404);
  });

  it('is described in the OpenAPI document with the form’s own schema', async () => {
    const doc = JSON.parse((await hub.client().get('/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths['/events/{slug}/participants/{id}'])).toEqual(
      expect.arrayContaining(['patch', 'delete']),
    );
    const input = doc.components.schemas.EventParticipantInput;
    expect(input.required).toEqual(['name']);
    expect(Object.keys(input.properties)).toEqual(
      expect.arrayContaining(['name', 'organisation', 'country', 'gender', 'role', 'account', 'person']),
    );
    expect(doc.components.schemas).toHaveProperty('EventKeyFigures');
  });
});

describe('the roster as a workbook', () => {
  it('has the CSV’s columns and a row per person, for the organisers only', async () => {
    const sheet = await xlsxDownload(
      organiser,
      `/events/${KHON_KAEN}/roster.xlsx`,
      `${KHON_KAEN}-roster.xlsx`,
    );
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'name',
      'role',
      'organisation',
      'organisation_kind',
      'country',
      'category',
      'gender',
      'networking_consent',
      'days_present',
      'dates_present',
      'source',
      'profile',
    ]);
    const onRoster = await hub.deps.db
      .selectFrom('event_participants')
      .select('name')
      .where('event_id', '=', await eventId(hub, KHON_KAEN))
      .execute();
    expect(sheet.rowCount).toBe(1 + onRoster.length);
    const names = sheet.getColumn(1).values.slice(2);
    expect(new Set(names)).toEqual(new Set(onRoster.map((r) => r.name)));
    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(`/events/${KHON_KAEN}/roster.xlsx`)).status).toBe(403);
  });
});

describe('photos', () => {
  it('refuses one photo more than the limit, next to the field, storing nothing', async () => {
    const id = await eventId(hub, KHON_KAEN);
    const tiny = new Uint8Array([0]);
    const now = new Date().toISOString();
    await hub.deps.db
      .insertInto('event_photos')
      .values(
        Array.from({ length: MAX_PHOTOS }, (_, i) => ({
          event_id: id,
          caption: `Photo ${i}`,
          position: i,
          full: tiny,
          full_width: 1,
          full_height: 1,
          thumb: tiny,
          thumb_width: 1,
          thumb_height: 1,
          created_by: null,
          updated_at: now,
        })),
      )
      .execute();
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#804020' } })
      .png()
      .toBuffer();
    const after = `/events/${KHON_KAEN}/after`;
    const res = await postMultipart(
      organiser,
      after,
      `/events/${KHON_KAEN}/photos`,
      { caption: 'One more' },
      { field: 'photo', name: 'more.png', type: 'image/png', bytes: png },
    );
    expectFormRefused(res, ['There are as many as there may be'], ['id="f-photo-error"', 'One more']);
    expect(await rowCount(hub, 'event_photos')).toBe(MAX_PHOTOS);
  });
});
