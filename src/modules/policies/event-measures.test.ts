// The Qingdao exercise: each participant of an event presents one measure. Through the whole app on
// SQLite or PostgreSQL: a participant adds "a measure presented here" from the event's page, so does
// an organiser who is not on the roster, a member who was neither may not link one, the organisers see them on the event's report, and a
// stranger does not see the report of an event not held yet.
import { describe, expect, it } from 'vitest';
import { platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { joinOrganisation } from '../../../test/organisations.ts';
import { measureForm } from './test-helpers.ts';

const QINGDAO = 'consultative-meeting-2005-convention-northeast-asia-qingdao-2017';
const hub = await platformForFile({ seed: ['directory', 'events', 'policies'] });

async function enrol(slug: string, userId: number) {
  const event = await hub.deps.db
    .selectFrom('events')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await hub.deps.db
    .insertInto('event_participants')
    .values({
      event_id: event.id,
      user_id: userId,
      name: `Participant ${userId}`,
      role: 'participant',
      networking_consent: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

async function organiserOf(organisation: string) {
  const signed = await hub.signedIn('member');
  await joinOrganisation(hub, signed.user.id, organisation);
  return signed.client;
}

async function present(client: TestClient, slug: string, title: string, country: string) {
  const form = await client.get(`/measures/new?event=${slug}`);
  expect(form.text).toContain(`value="${slug}"`);
  return client.request('/measures/new', { form: measureForm({ title, country, event: slug }) });
}

describe('measures presented at an event', () => {
  it('lets a participant add theirs from the event’s page, and shows it to the organisers on the report', async () => {
    const { client: participant, user } = await hub.signedIn('member', { name: 'Mongolian delegate' });
    await enrol(QINGDAO, user.id);
    const page = await participant.get(`/events/${QINGDAO}`);
    expect(visibleText(page.text)).toContain('Add a measure presented here');
    expect(page.text).toContain(`href="/measures/new?event=${QINGDAO}"`);
    const res = await present(participant, QINGDAO, 'Mongolian film fund', 'MN');
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);

    const organiser = await organiserOf('unesco-beijing');
    const report = await organiser.get(`/events/${QINGDAO}/report`);
    expect(report.status).toBe(200);
    const text = visibleText(report.text);
    expect(text).toContain('Measures presented here');
    expect(text).toContain('Mongolian film fund — Mongolia, Mongolian delegate');
    // The event's page lists it for everyone; the list filters by the event.
    expect(visibleText((await hub.client().get(`/events/${QINGDAO}`)).text)).toContain('Mongolian film fund');
    expect(visibleText((await hub.client().get(`/measures?event=${QINGDAO}`)).text)).toContain(
      'Mongolian film fund',
    );
  });

  it('refuses a member who was not there (422, the draft kept) and offers them no link', async () => {
    const { client: stranger } = await hub.signedIn('member');
    expect(visibleText((await stranger.get(`/events/${QINGDAO}`)).text)).not.toContain(
      'Add a measure presented here',
    );
    const res = await present(stranger, QINGDAO, 'Not presented there', 'TH');
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain(
      'Only the participants and organisers of this event may link a measure to it.',
    );
    expect(res.text).toContain('value="Not presented there"');
  });

  it('lets an organiser who is not on the roster link a measure, and offers them the link', async () => {
    const organiser = await organiserOf('unesco-beijing');
    const page = await organiser.get(`/events/${QINGDAO}`);
    expect(page.text).toContain(`href="/measures/new?event=${QINGDAO}"`);
    expect(visibleText(page.text)).toContain('Participants and organisers may record');
    const res = await present(organiser, QINGDAO, 'Measure recorded by the organisers', 'CN');
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    expect(visibleText((await organiser.get(`/events/${QINGDAO}/report`)).text)).toContain(
      'Measure recorded by the organisers',
    );
    // A member of an organisation that does not organise it is no organiser.
    const partner = await organiserOf('stella');
    expect((await present(partner, QINGDAO, 'Not an organiser', 'LA')).status).toBe(422);
  });

  it('keeps the report of an event not held yet from strangers, measures and all', async () => {
    const { client: editor } = await hub.signedIn('editor');
    await editor.get('/events/new');
    const created = await editor.request('/events/new', {
      form: {
        title: 'Policy dialogue to come',
        lang: 'en',
        type: 'policy_dialogue',
        status: 'registration_open',
        starts_on: '2031-05-04',
        ends_on: '2031-05-05',
        time_zone: 'Asia/Vientiane',
        city: 'Vientiane',
        country: 'LA',
        org_slug: 'stella',
        org_role: 'organiser',
      },
    });
    expect(created.status, visibleText(created.text).slice(0, 300)).toBe(303);
    const slug = (created.location ?? '').replace('/events/', '');
    const { client: participant, user } = await hub.signedIn('member', { name: 'Lao presenter' });
    await enrol(slug, user.id);
    expect((await present(participant, slug, 'Lao crafts export plan', 'LA')).status).toBe(303);

    const { client: stranger } = await hub.signedIn('member');
    const refused = await stranger.get(`/events/${slug}/report`);
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('Lao crafts export plan');
    const organiser = await organiserOf('stella');
    expect(visibleText((await organiser.get(`/events/${slug}/report`)).text)).toContain(
      'Lao crafts export plan',
    );
  });
});
