// The organisers' roster through the whole app, on SQLite or PostgreSQL: adding, changing and
// removing the people they entered (walk-ins), the form's refusals with everything typed kept and
// nothing written, rows that came from an application, and check-in one day at a time with its
// refusals (a participant checking others in, a day outside the event, someone not on the roster).
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../../test/audit.ts';
import { rowCount } from '../../../../test/counts.ts';
import { type TestClient, visibleText } from '../../../../test/harness.ts';
import { fullDate } from '../format.ts';
import {
  demoPlatform,
  enrol,
  enrolThroughApplication,
  eventId,
  KHON_KAEN,
  organiserOf,
} from './test-helpers.ts';

const roster = `/events/${KHON_KAEN}/roster`;

const hub = await demoPlatform();
const { client: organiser } = await organiserOf(hub, 'mekong-institute');

const walkIn = (overrides: Record<string, string> = {}) => ({
  name: 'ສົມພອນ ວົງສາ',
  organisation: '',
  organisation_name: 'Luang Prabang weavers’ group',
  organisation_kind: 'artisan_group',
  country: 'LA',
  category_id: '',
  gender: 'woman',
  role: 'participant',
  account: '',
  person: '',
  ...overrides,
});

const rowsNamed = async (name: string) =>
  hub.deps.db
    .selectFrom('event_participants')
    .selectAll()
    .where('event_id', '=', await eventId(hub, KHON_KAEN))
    .where('name', '=', name)
    .execute();

describe('adding, changing and removing participants', () => {
  it('adds a walk-in who then counts in the figures', async () => {
    const res = await organiser.submit(`${roster}/new`, `${roster}/new`, walkIn({ networking_consent: '1' }));
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const [row] = await rowsNamed('ສົມພອນ ວົງສາ');
    expect(row).toMatchObject({
      country: 'LA',
      gender: 'woman',
      organisation_kind: 'artisan_group',
      networking_consent: 1,
    });
    expect(row?.registration_id).toBeNull();
    const figures = await (await hub.app.request(`/api/v1/events/${KHON_KAEN}/report`)).json();
    expect(figures.participants).toBe(26);
    expect(figures.gender.woman).toBe(1);
    expect(await auditEntries(hub, { action: 'event.participant_added' })).not.toEqual([]);
  });

  it('takes the organisation and its kind from the directory and links an account', async () => {
    const member = await hub.createUser({ email: 'walkin.account@example.org' });
    const res = await organiser.submit(
      `${roster}/new`,
      `${roster}/new`,
      walkIn({
        name: 'Walk-in with account',
        organisation: '/directory/stella',
        organisation_name: '',
        organisation_kind: '',
        account: 'Walkin.Account@example.org',
      }),
    );
    expect(res.status).toBe(303);
    const [row] = await rowsNamed('Walk-in with account');
    expect(row?.user_id).toBe(member.id);
    expect(row?.organisation_name).toBe('STELLA');
    expect(row?.organisation_kind).toBe('creative_hub');
    // The same account a second time is refused.
    const again = await organiser.submit(
      `${roster}/new`,
      `${roster}/new`,
      walkIn({ name: 'Same account again', account: 'walkin.account@example.org' }),
    );
    expect(again.status).toBe(422);
    expect(visibleText(again.text)).toContain('This account is on the roster already.');
  });

  it('refuses bad input next to the field, keeps what was typed, writes nothing', async () => {
    const before = await rowCount(hub, 'event_participants');
    const cases: [Record<string, string>, string, string][] = [
      [{ name: '' }, 'f-name-error', 'This field is required.'],
      [{ country: 'XX' }, 'f-country-error', ''],
      [{ gender: 'unknown' }, 'f-gender-error', ''],
      [{ account: 'nobody@example.org' }, 'f-account-error', 'There is no account with this email.'],
      [{ organisation: 'no-such-organisation' }, 'f-organisation-error', ''],
      [{ person: '/directory/people/nobody-at-all' }, 'f-person-error', 'There is no such profile.'],
      [{ category_id: '999999' }, 'f-category_id-error', ''],
    ];
    for (const [change, errorId, message] of cases) {
      const res = await organiser.submit(
        `${roster}/new`,
        `${roster}/new`,
        walkIn({ name: 'Kept name', ...change, ...(change.name === '' ? { name: '' } : {}) }),
      );
      expect(res.status, errorId).toBe(422);
      expect(res.text, errorId).toContain(`id="${errorId}"`);
      if (message) expect(visibleText(res.text)).toContain(message);
      expect(res.text).toContain('Luang Prabang weavers’ group');
    }
    expect(await rowCount(hub, 'event_participants')).toBe(before);
  });

  it('changes and removes a walk-in; rows from an application are changed through the application (409)', async () => {
    const [row] = await rowsNamed('ສົມພອນ ວົງສາ');
    const edit = `${roster}/${row?.id}`;
    const changed = await organiser.submit(edit, edit, walkIn({ gender: '', role: 'observer' }));
    expect(changed.status).toBe(303);
    const [after] = await rowsNamed('ສົມພອນ ວົງສາ');
    expect(after).toMatchObject({ gender: null, role: 'observer' });

    const { user } = await hub.signedIn();
    const applied = await enrolThroughApplication(hub, KHON_KAEN, user.id, 'Applied Person');
    expect(visibleText((await organiser.get(`${roster}/${applied}`)).text)).toContain(
      'applied through the platform',
    );
    expect((await organiser.submit(`${roster}/${applied}`, `${roster}/${applied}`, walkIn())).status).toBe(
      409,
    );
    expect((await organiser.request(`${roster}/${applied}/delete`, { form: {} })).status).toBe(409);
    expect(await rowsNamed('Applied Person')).toHaveLength(1);

    const removed = await organiser.request(`${edit}/delete`, { form: {} });
    expect(removed.status).toBe(303);
    expect(await rowsNamed('ສົມພອນ ວົງສາ')).toHaveLength(0);
    expect((await organiser.get(`${roster}/999999`)).status).toBe(404);
  });

  it('refuses strangers and participants on every roster page and write', async () => {
    const { user, client: participant } = await hub.signedIn();
    await enrol(hub, KHON_KAEN, user.id);
    const before = await rowCount(hub, 'event_participants');
    expect((await participant.get(roster)).status).toBe(403);
    expect((await participant.request(`${roster}/new`, { form: walkIn() })).status).toBe(403);
    const anonymous = await hub.client().request(`${roster}/new`, { form: walkIn(), csrf: false });
    expect([401, 403]).toContain(anonymous.status);
    expect(await rowCount(hub, 'event_participants')).toBe(before);
    const api = await participant.request(`/api/v1/events/${KHON_KAEN}/participants`, {
      json: { name: 'Sneaky' },
      headers: { 'x-csrf-token': participant.csrfToken() },
    });
    expect(api.status).toBe(403);
  });
});

describe('check-in per day', () => {
  const checkin = `/events/${KHON_KAEN}/checkin`;
  const ids = async () =>
    (
      await hub.deps.db
        .selectFrom('event_participants')
        .select('id')
        .where('event_id', '=', await eventId(hub, KHON_KAEN))
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  /** The form as a browser sends it: every shown row, and the ticked ones (repeated fields). */
  const send = async (client: TestClient, day: string, shown: number[], present: number[]) => {
    await client.get(`${checkin}?day=${day}`);
    const body = new URLSearchParams({ _csrf: client.csrfToken(), day });
    for (const id of shown) body.append('shown', String(id));
    for (const id of present) body.append('present', String(id));
    const res = await hub.app.request(checkin, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-forwarded-for': client.ip,
        'accept-language': 'en',
      },
      body: body.toString(),
    });
    return { status: res.status, text: await res.text() };
  };

  it('shows a checkbox per participant for the chosen day, and saves the ticked ones', async () => {
    const page = await organiser.get(`${checkin}?day=2024-09-10`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('name="present"');
    expect(visibleText(page.text)).toContain(fullDate('en', '2024-09-10'));
    const all = await ids();
    const res = await send(organiser, '2024-09-10', all, all.slice(0, 20));
    expect(res.status).toBe(303);
    expect(await rowCount(hub, 'event_checkins')).toBe(20);
    const figures = await (await hub.app.request(`/api/v1/events/${KHON_KAEN}/report`)).json();
    expect(figures.attendance).toEqual([{ date: '2024-09-10', participants: 20, observers: 0 }]);
    expect(visibleText((await hub.client().get(`/events/${KHON_KAEN}/report`)).text)).toContain(
      'Participants present each day',
    );
  });

  it('refuses a day outside the event and people not on the roster; nothing changes', async () => {
    const all = await ids();
    const before = await rowCount(hub, 'event_checkins');
    const outside = await send(organiser, '2024-09-14', [all[0] ?? 0], [all[0] ?? 0]);
    expect(outside.status).toBe(422);
    expect(visibleText(outside.text)).toContain('This day is not one of the event');
    const other = await hub.deps.db
      .selectFrom('event_participants')
      .select('id')
      .where('event_id', '!=', await eventId(hub, KHON_KAEN))
      .executeTakeFirstOrThrow();
    const stranger = await send(organiser, '2024-09-11', [other.id], [other.id]);
    expect(stranger.status).toBe(422);
    expect(visibleText(stranger.text)).toContain('not on this event');
    const api = await organiser.request(`/api/v1/events/${KHON_KAEN}/checkins/2024-09-20`, {
      method: 'PUT',
      json: { present: [all[0]] },
      headers: { 'x-csrf-token': organiser.csrfToken() },
    });
    expect(api.status).toBe(422);
    expect(JSON.parse(api.text).errors?.date).toBe("This day is not one of the event's days.");
    expect(await rowCount(hub, 'event_checkins')).toBe(before);
  });

  it('does not let a participant check others in', async () => {
    const { user, client: participant } = await hub.signedIn();
    await enrol(hub, KHON_KAEN, user.id);
    const before = await rowCount(hub, 'event_checkins');
    const all = await ids();
    expect((await participant.get(checkin)).status).toBe(403);
    expect((await send(participant, '2024-09-11', all, all)).status).toBe(403);
    const api = await participant.request(`/api/v1/events/${KHON_KAEN}/checkins/2024-09-11`, {
      method: 'PUT',
      json: { present: all },
      headers: { 'x-csrf-token': participant.csrfToken() },
    });
    expect(api.status).toBe(403);
    expect(await rowCount(hub, 'event_checkins')).toBe(before);
  });

  it('sets a whole day through the API', async () => {
    const all = await ids();
    const res = await organiser.request(`/api/v1/events/${KHON_KAEN}/checkins/2024-09-11`, {
      method: 'PUT',
      json: { present: all.slice(0, 5) },
      headers: { 'x-csrf-token': organiser.csrfToken() },
    });
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ date: '2024-09-11', present: 5, added: 5, removed: 0 });
  });
});
