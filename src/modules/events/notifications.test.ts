// What the events module tells members, through the whole app on SQLite or PostgreSQL: following an
// event (the button, the followable), a change of date or place and a cancellation told to its
// followers and participants (not the editor who made it, not strangers), a deletion told before
// the rows go, a decision told to the applicant, and the hourly reminders — each once per event.
import { describe, expect, it } from 'vitest';
import { bearer } from '../../../test/harness.ts';
import { findFollowed, followButtonOf, notificationsOf, notifiedUsers } from '../../../test/notified.ts';
import { follow } from '../../platform/notifications/follows.ts';
import { eventsJobs, remindEventTomorrow, remindRegistrationClosing } from './jobs.ts';
import {
  apply,
  categoryId,
  createEvent,
  platformWithEditor,
  registrationOf,
  setUpRegistration,
  standardFields,
} from './registration/test-helpers.ts';

const { hub, editor } = await platformWithEditor();
const { db } = hub.deps;
const { user: editorUser, token } = await hub.signedInWithToken('editor');
await follow(db, editorUser.id, { type: 'event', key: '0' });

const idOf = async (slug: string) =>
  (await db.selectFrom('events').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
/** Deletes the event through its page's form, as the editor. */
const remove = async (slug: string) => {
  await editor.get(`/events/${slug}`);
  return editor.request(`/events/${slug}/delete`, { form: {} });
};
/** A complete application to the event (its first category chosen). */
const fieldsFor = async (slug: string) =>
  standardFields({ category_id: await categoryId(hub, slug, 'Creative industry representatives') });
const patch = (slug: string, json: Record<string, unknown>) =>
  hub.client().request(`/api/v1/events/${slug}`, { method: 'PATCH', json, headers: bearer(token) });

/** An open event with a follower, an accepted participant, a stranger, and the acting editor following too. */
async function eventWithPeople(title: string, overrides: Record<string, string> = {}) {
  const slug = await createEvent(editor, { title, ...overrides });
  const id = await idOf(slug);
  await setUpRegistration(editor, slug, { mode: 'open' });
  const follower = await hub.signedIn();
  const participant = await hub.signedIn();
  const stranger = await hub.signedIn();
  await follow(db, follower.user.id, { type: 'event', key: String(id) });
  await follow(db, editorUser.id, { type: 'event', key: String(id) });
  expect((await apply(participant.client, slug, await fieldsFor(slug))).status).toBe(303);
  expect((await registrationOf(hub, slug, participant.user.id))?.status).toBe('accepted');
  return {
    slug,
    id,
    follower: follower.user.id,
    participant: participant.user.id,
    stranger: stranger.user.id,
  };
}

describe('following an event', () => {
  it('offers the button on a published event’s page, not on a draft’s', async () => {
    const slug = await createEvent(editor, { title: 'Followed workshop' });
    const id = String(await idOf(slug));
    expect(followButtonOf((await hub.client().get(`/events/${slug}`)).text)).toBe('signIn');
    const { client, user } = await hub.signedIn();
    expect(followButtonOf((await client.get(`/events/${slug}`)).text)).toEqual({
      type: 'event',
      key: id,
      action: 'follow',
    });
    await follow(db, user.id, { type: 'event', key: id });
    expect(followButtonOf((await client.get(`/events/${slug}`)).text)).toMatchObject({ action: 'unfollow' });

    const draft = await createEvent(editor, { title: 'Draft workshop', status: 'draft' });
    expect(followButtonOf((await editor.get(`/events/${draft}`)).text)).toBeNull();
  });

  it('is found by its id; a draft only by those who may see it', async () => {
    const slug = await createEvent(editor, { title: 'Findable workshop' });
    expect(await findFollowed(hub.deps, 'event', String(await idOf(slug)), null)).toEqual({
      title: 'Findable workshop',
      url: `/events/${slug}`,
    });
    const draft = String(await idOf(await createEvent(editor, { title: 'Hidden draft', status: 'draft' })));
    const { user: stranger } = await hub.signedIn();
    expect(await findFollowed(hub.deps, 'event', draft, stranger.id)).toBeNull();
    expect(await findFollowed(hub.deps, 'event', draft, editorUser.id)).toMatchObject({
      title: 'Hidden draft',
    });
    expect(await findFollowed(hub.deps, 'event', 'nope', null)).toBeNull();
  });
});

describe('changes and cancellations', () => {
  it('tells followers and participants of a new date, not of a new description, not the editor', async () => {
    const e = await eventWithPeople('Moving workshop');
    expect((await patch(e.slug, { description: 'More words.' })).status).toBe(200);
    expect(await notifiedUsers(db, 'events.event-changed', e.id)).toEqual([]);

    expect((await patch(e.slug, { starts_on: '2031-03-11' })).status).toBe(200);
    expect(await notifiedUsers(db, 'events.event-changed', e.id)).toEqual(
      [e.follower, e.participant].sort((a, b) => a - b),
    );
    const [row] = await notificationsOf(db, e.participant, 'events.event-changed');
    expect(row).toMatchObject({
      url: `/events/${e.slug}`,
      params: { title: 'Moving workshop' },
      actor_id: editorUser.id,
      delivery: 'immediate',
    });
    expect(await notificationsOf(db, e.stranger)).toEqual([]);
  });

  it('tells the same people of a cancellation once, and a draft’s changes to nobody', async () => {
    const e = await eventWithPeople('Cancelled workshop');
    expect((await patch(e.slug, { status: 'cancelled', starts_on: '2031-03-11' })).status).toBe(200);
    expect(await notifiedUsers(db, 'events.event-cancelled', e.id)).toEqual(
      [e.follower, e.participant].sort((a, b) => a - b),
    );
    expect(await notifiedUsers(db, 'events.event-changed', e.id)).toEqual([]);
    expect((await patch(e.slug, { status: 'registration_open' })).status).toBe(200);
    expect((await patch(e.slug, { status: 'cancelled' })).status).toBe(200);
    expect(await notifiedUsers(db, 'events.event-cancelled', e.id)).toHaveLength(2);

    const draft = await createEvent(editor, { title: 'Quiet draft', status: 'draft' });
    const { user } = await hub.signedIn();
    await follow(db, user.id, { type: 'event', key: String(await idOf(draft)) });
    expect((await patch(draft, { starts_on: '2031-03-11', status: 'cancelled' })).status).toBe(200);
    expect(await notificationsOf(db, user.id)).toEqual([]);
  });

  it('tells them of a deletion before the event goes, unless it is over', async () => {
    const e = await eventWithPeople('Deleted workshop');
    expect((await remove(e.slug)).status).toBe(303);
    expect(
      await db.selectFrom('events').select('id').where('id', '=', e.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(await notifiedUsers(db, 'events.event-cancelled', e.id)).toEqual(
      // The editor who follows it is told: another editor deleted it.
      [editorUser.id, e.follower, e.participant].sort((a, b) => a - b),
    );
    expect((await notificationsOf(db, e.follower, 'events.event-cancelled'))[0]).toMatchObject({
      url: '/events',
      params: { title: 'Deleted workshop' },
    });

    const past = await createEvent(editor, {
      title: 'Old workshop',
      status: 'held',
      starts_on: '2020-03-10',
      ends_on: '2020-03-12',
    });
    const pastId = await idOf(past);
    const { user } = await hub.signedIn();
    await follow(db, user.id, { type: 'event', key: String(pastId) });
    expect((await remove(past)).status).toBe(303);
    expect(await notifiedUsers(db, 'events.event-cancelled', pastId)).toEqual([]);
  });
});

describe('decisions', () => {
  it('tell the applicant of a reviewer’s decision, not of their own open registration', async () => {
    const slug = await createEvent(editor, { title: 'Selective workshop' });
    await setUpRegistration(editor, slug, { mode: 'application' });
    const applicant = await hub.signedIn();
    expect((await apply(applicant.client, slug, await fieldsFor(slug))).status).toBe(303);
    const registration = (await registrationOf(hub, slug, applicant.user.id))!;
    expect(await notificationsOf(db, applicant.user.id)).toEqual([]);
    const decided = await hub
      .client()
      .request(`/api/v1/events/${slug}/applications/${registration.id}/decision`, {
        json: { decision: 'waitlisted' },
        headers: bearer(token),
      });
    expect(decided.status).toBe(200);
    const rows = await notificationsOf(db, applicant.user.id, 'events.application-decided');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subject_type: 'event_registration',
      subject_key: String(registration.id),
      url: `/events/${slug}/application`,
      params: { title: 'Selective workshop' },
    });

    // Open registration: the applicant's own sending accepts them, and tells them nothing.
    const e = await eventWithPeople('Open workshop');
    expect(await notificationsOf(db, e.participant, 'events.application-decided')).toEqual([]);
  });
});

describe('reminders', () => {
  it('remind followers who have not applied, and drafts’ owners, that registration closes, once', async () => {
    // 17:00 in Vientiane is 10:00 UTC.
    const slug = await createEvent(editor, { title: 'Closing workshop' });
    const id = await idOf(slug);
    await setUpRegistration(editor, slug, { mode: 'open', deadline: '2031-03-01T17:00' });
    const waiting = await hub.signedIn();
    const applied = await hub.signedIn();
    for (const who of [waiting, applied]) await follow(db, who.user.id, { type: 'event', key: String(id) });
    expect((await apply(applied.client, slug, await fieldsFor(slug))).status).toBe(303);
    // Someone who follows nothing but left an application as a draft is reminded too.
    const drafting = await hub.signedIn();
    await apply(drafting.client, slug, await fieldsFor(slug), { intent: 'save' });
    const draftRow = await db
      .selectFrom('event_registrations')
      .select('status')
      .where('event_id', '=', id)
      .where('user_id', '=', drafting.user.id)
      .executeTakeFirst();
    expect(draftRow?.status).toBe('draft');

    expect(await remindRegistrationClosing(hub.deps, new Date('2031-02-27T09:00:00Z'))).toBe(0);
    await remindRegistrationClosing(hub.deps, new Date('2031-02-27T11:00:00Z'));
    await remindRegistrationClosing(hub.deps, new Date('2031-02-28T11:00:00Z'));
    expect((await notifiedUsers(db, 'events.registration-closing', id)).sort()).toEqual(
      [waiting.user.id, drafting.user.id].sort(),
    );
    expect((await notificationsOf(db, waiting.user.id, 'events.registration-closing'))[0]).toMatchObject({
      url: `/events/${slug}/apply`,
      params: { title: 'Closing workshop' },
    });
  });

  it('remind the roster the day before, from 09:00 in the event’s zone, once', async () => {
    // 2031-03-09 09:00 in Vientiane is 02:00 UTC; the event begins at 17:00 UTC that day.
    const e = await eventWithPeople('Tomorrow’s workshop');
    const run = (at: string) =>
      eventsJobs[0]!.run(hub.deps, {}, { id: 0, attempt: 1, dueAt: at, now: () => new Date(at) });
    await run('2031-03-09T01:30:00Z');
    expect(await notifiedUsers(db, 'events.event-tomorrow', e.id)).toEqual([]);
    await run('2031-03-09T02:30:00Z');
    await run('2031-03-09T03:30:00Z');
    expect(await notifiedUsers(db, 'events.event-tomorrow', e.id)).toEqual([e.participant]);
    expect(await remindEventTomorrow(hub.deps, new Date('2031-03-09T18:00:00Z'))).toBe(0);
  });
});
