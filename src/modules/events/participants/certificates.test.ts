// Certificates of attendance and the networking page, on SQLite or PostgreSQL: a participant's own
// certificate once the event is held (and, when check-in was used, after a day checked in), in the
// reader's language; the organisers' printing of all; the refusals; and who sees whom on the
// networking page (those who agreed, never their gender, to participants and organisers only).
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../../../test/harness.ts';
import { checkIn, demoPlatform, enrol, eventId, KHON_KAEN, QINGDAO, VIENTIANE } from './test-helpers.ts';

const hub = await demoPlatform();
const { client: editor } = await hub.signedIn('editor');

const setStatus = async (slug: string, status: 'held' | 'announced') =>
  hub.deps.db.updateTable('events').set({ status }).where('slug', '=', slug).execute();

/** The id of someone on the event's roster (other than `except`). */
async function participantOf(slug: string, except?: number): Promise<number> {
  let query = hub.deps.db
    .selectFrom('event_participants')
    .select('id')
    .where('event_id', '=', await eventId(hub, slug));
  if (except !== undefined) query = query.where('id', '!=', except);
  return (await query.executeTakeFirstOrThrow()).id;
}

describe('certificates of attendance', () => {
  it('gives a participant their own certificate once the event is held, in their language', async () => {
    const { user, client } = await hub.signedIn();
    const id = await enrol(hub, VIENTIANE, user.id, { name: 'ບຸນມີ ພົມມະຈັນ' });
    const mine = await client.get(`/events/${VIENTIANE}/certificate`);
    expect(mine.status).toBe(303);
    expect(mine.location).toBe(`/events/${VIENTIANE}/certificates/${id}`);
    const page = await client.get(`/events/${VIENTIANE}/certificates/${id}`, { 'accept-language': 'lo' });
    expect(page.status).toBe(200);
    expect(page.text.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.text).toContain('<html lang="lo"');
    expect(page.text).toContain('ບຸນມີ ພົມມະຈັນ');
    expect(page.text).toContain('ໃບຢັ້ງຢືນການເຂົ້າຮ່ວມ');
    // No site header or footer around it; the platform's print stylesheet.
    expect(page.text).not.toContain('site-header');
    const stylesheet = page.text.match(
      /<link rel="stylesheet" href="(\/assets\/print\.[0-9a-f]{10}\.css)"/,
    )?.[1];
    expect(stylesheet).toBeDefined();
    const css = await hub.app.request(stylesheet ?? '');
    expect(css.status).toBe(200);
    expect(css.headers.get('cache-control')).toContain('immutable');
    expect(await css.text()).toContain('size: A4 landscape');
    // The address the certificates' stylesheet had before leads there (a page saved then).
    const before = await hub.app.request('/events/certificate.0a1b2c3d4e.css');
    expect(before.status).toBe(301);
    expect(before.headers.get('location')).toBe(stylesheet);
    // The event page offers the link.
    expect(visibleText((await client.get(`/events/${VIENTIANE}`)).text)).toContain(
      'My certificate of attendance',
    );
  });

  it('waits for the event to be held, and for a day checked in when check-in was used', async () => {
    const { user, client } = await hub.signedIn();
    const id = await enrol(hub, KHON_KAEN, user.id);
    const url = `/events/${KHON_KAEN}/certificates/${id}`;
    await setStatus(KHON_KAEN, 'announced');
    expect((await client.get(url)).status).toBe(403);
    await setStatus(KHON_KAEN, 'held');
    expect((await client.get(url)).status).toBe(200);
    // Check-in now in use: someone else was checked in, this participant on no day.
    await checkIn(hub, KHON_KAEN, await participantOf(KHON_KAEN, id), '2024-09-09');
    expect((await client.get(url)).status).toBe(403);
    await checkIn(hub, KHON_KAEN, id, '2024-09-12');
    const ok = await client.get(url);
    expect(ok.status).toBe(200);
    expect(visibleText(ok.text)).toContain('present on 1 day of 5');
  });

  it('refuses someone else’s certificate, strangers and unknown ids; organisers print all', async () => {
    const id = await participantOf(QINGDAO);
    const url = `/events/${QINGDAO}/certificates/${id}`;
    const anonymous = await hub.client().get(url);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/login');
    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(url)).status).toBe(403);
    expect((await stranger.get(`/events/${QINGDAO}/certificate`)).status).toBe(403);
    expect((await stranger.get(`/events/${QINGDAO}/certificates`)).status).toBe(403);
    // An id of another event's roster is no certificate of this one.
    const elsewhere = await participantOf(VIENTIANE);
    expect((await editor.get(`/events/${QINGDAO}/certificates/${elsewhere}`)).status).toBe(404);
    const all = await editor.get(`/events/${QINGDAO}/certificates`);
    expect(all.status).toBe(200);
    expect(all.text.match(/class="sheet certificate"/g)).toHaveLength(28);
    expect(visibleText(all.text)).toContain('took part as an observer in');
  });
});

describe('networking', () => {
  it('shows the participants who agreed, to participants and organisers only, without gender', async () => {
    const { user: a, client: alice } = await hub.signedIn();
    const { user: b } = await hub.signedIn();
    await enrol(hub, HUE_SLUG, a.id, { name: 'Alice Shown', networking_consent: 1 });
    await enrol(hub, HUE_SLUG, b.id, { name: 'Bob Hidden', networking_consent: 0 });
    await hub.deps.db
      .updateTable('event_participants')
      .set({ gender: 'woman' })
      .where('name', '=', 'Alice Shown')
      .execute();
    const page = await alice.get(`/events/${HUE_SLUG}/participants`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Alice Shown');
    expect(text).not.toContain('Bob Hidden');
    expect(text).toContain('1 person on the roster chose not to be shown.');
    expect(text).not.toContain('Woman');

    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(`/events/${HUE_SLUG}/participants`)).status).toBe(403);
    const anonymous = await hub.client().get(`/events/${HUE_SLUG}/participants`);
    expect(anonymous.status).toBe(303);
    expect((await editor.get(`/events/${HUE_SLUG}/participants`)).status).toBe(200);

    // Alice hides herself; the page says so and the list no longer has her.
    const hidden = await alice.submit(
      `/events/${HUE_SLUG}/participants`,
      `/events/${HUE_SLUG}/participants/consent`,
      { consent: '0' },
    );
    expect(hidden.status).toBe(303);
    expect(visibleText((await alice.get(`/events/${HUE_SLUG}/participants`)).text)).not.toContain(
      'Alice Shown',
    );
    expect(
      (await stranger.request(`/events/${HUE_SLUG}/participants/consent`, { form: { consent: '1' } })).status,
    ).toBe(403);
  });
});

const HUE_SLUG = 'policy-dialogue-creative-hubs-hue-2016';
