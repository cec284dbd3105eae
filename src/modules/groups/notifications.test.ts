// What the groups module tells members and what they may follow, through the whole app on SQLite or
// PostgreSQL: the follow button on a group's page for those who may see it (a secret group's for its
// people only), the followable group found the same way, and an invitation told to the invited
// address's account — leading to its own list of invitations (never the mailed secret), where it
// joins, with the refusals of that list.
import { describe, expect, it } from 'vitest';
import { BASE_URL, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { findFollowed, followButtonOf, notificationsOf, notifiedUsers } from '../../../test/notified.ts';
import { linkIn } from '../../../test/smtp-peer.ts';
import { follow } from '../../platform/notifications/follows.ts';
import { grantRole } from '../../platform/scoped-roles.ts';

const hub = await platformForFile();
const { db } = hub.deps;
const { client: coordinator, user: coordinatorUser } = await hub.signedIn('editor', {
  name: 'Somsack Coordinator',
});
const { client: stranger, user: strangerUser } = await hub.signedIn('member');

async function startGroup(name: string, visibility: string, country = '') {
  const res = await coordinator.submit('/groups/new', '/groups/new', {
    name,
    lang: 'en',
    description: '',
    kind: 'working_group',
    visibility,
    country,
    organisation: '',
  });
  expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
  const slug = (res.location ?? '').replace('/groups/', '');
  const { id } = await db
    .selectFrom('groups')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return { slug, id, key: String(id) };
}
const invite = async (slug: string, email: string) => {
  await coordinator.get(`/groups/${slug}`);
  const res = await coordinator.request(`/groups/${slug}/invite`, { form: { email, role: 'member' } });
  expect(res.status).toBe(303);
};
const invitationId = async (email: string) =>
  (
    await db
      .selectFrom('group_invitations')
      .select('id')
      .where('email', '=', email)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).id;
const accept = async (client: TestClient, id: number) => {
  await client.get('/groups/invitations');
  return client.request(`/groups/invitations/${id}/accept`, { form: {} });
};

const open = await startGroup('Open craft circle', 'public');
const closed = await startGroup('Closed policy circle', 'private');
const hidden = await startGroup('Hidden drafting circle', 'secret', 'LA');

describe('following a group', () => {
  it('offers the button on the page of a group the reader may see, in their state', async () => {
    expect(followButtonOf((await hub.client().get(`/groups/${open.slug}`)).text)).toBe('signIn');
    expect(followButtonOf((await stranger.get(`/groups/${closed.slug}`)).text)).toEqual({
      type: 'group',
      key: closed.key,
      action: 'follow',
    });
    await follow(db, strangerUser.id, { type: 'group', key: open.key });
    expect(followButtonOf((await stranger.get(`/groups/${open.slug}`)).text)).toMatchObject({
      action: 'unfollow',
    });
    const secretPage = await stranger.get(`/groups/${hidden.slug}`);
    expect(secretPage.status).toBe(404);
    expect(followButtonOf(secretPage.text)).toBeNull();
    expect(followButtonOf((await coordinator.get(`/groups/${hidden.slug}`)).text)).toMatchObject({
      key: hidden.key,
    });
  });

  it('is found as the reader knows it: a secret group by its people and its country’s focal points', async () => {
    expect(await findFollowed(hub.deps, 'group', open.key, null)).toEqual({
      title: 'Open craft circle',
      url: `/groups/${open.slug}`,
    });
    expect(await findFollowed(hub.deps, 'group', closed.key, strangerUser.id)).toMatchObject({
      title: 'Closed policy circle',
    });
    expect(await findFollowed(hub.deps, 'group', hidden.key, null)).toBeNull();
    expect(await findFollowed(hub.deps, 'group', hidden.key, strangerUser.id)).toBeNull();
    expect(await findFollowed(hub.deps, 'group', hidden.key, coordinatorUser.id)).toMatchObject({
      url: `/groups/${hidden.slug}`,
    });
    const { user: focal } = await hub.signedIn('member');
    await grantRole(db, { kind: 'country', key: 'LA', userId: focal.id, role: 'focal_point', by: null });
    expect(await findFollowed(hub.deps, 'group', hidden.key, focal.id)).not.toBeNull();
    expect(await findFollowed(hub.deps, 'group', '0', focal.id)).toBeNull();
  });
});

describe('invitations', () => {
  it('tell the invited address’s account, leading to its list without the link’s secret; it joins there', async () => {
    const email = 'keo.invitee@example.org';
    const { client: invitee, user } = await hub.signedIn('member', { email });
    await invite(hidden.slug, email);
    const id = await invitationId(email);
    expect(await notifiedUsers(db, 'groups.invited', id)).toEqual([user.id]);
    const [row] = await notificationsOf(db, user.id, 'groups.invited');
    expect(row).toMatchObject({
      url: '/groups/invitations',
      params: { group: 'Hidden drafting circle', inviter: 'Somsack Coordinator' },
      actor_id: coordinatorUser.id,
      delivery: 'immediate',
    });
    await hub.deliverMail();
    const secret = new URL(linkIn(await hub.smtp.next(email), BASE_URL)).pathname.split('/').pop() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(JSON.stringify(row)).not.toContain(secret);

    const list = await invitee.get('/groups/invitations');
    expect(list.status).toBe(200);
    expect(visibleText(list.text)).toContain('Hidden drafting circle');
    expect(list.text).toContain(`action="/groups/invitations/${id}/accept"`);
    const joined = await accept(invitee, id);
    expect(joined.status).toBe(303);
    expect(joined.location).toBe(`/groups/${hidden.slug}`);
    expect(visibleText((await invitee.get(`/groups/${hidden.slug}`)).text)).toContain('You are: Member');
    expect((await accept(invitee, id)).status).toBe(410);
    expect(visibleText((await invitee.get('/groups/invitations')).text)).toContain(
      'You have no open invitations.',
    );
  });

  it('tell nobody when the address has no account', async () => {
    await invite(open.slug, 'nobody.yet@example.org');
    expect(await notifiedUsers(db, 'groups.invited', await invitationId('nobody.yet@example.org'))).toEqual(
      [],
    );
  });

  it('refuse the list to visitors, another address’s invitation and an unconfirmed address', async () => {
    const email = 'unconfirmed.invitee@example.org';
    const { client: unconfirmed } = await hub.signedIn('member', { email, verified: false });
    await invite(closed.slug, email);
    const id = await invitationId(email);

    const visitor = await hub.client().get('/groups/invitations');
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/login');
    expect((await accept(stranger, id)).status).toBe(404);
    expect(visibleText((await stranger.get('/groups/invitations')).text)).not.toContain(
      'Closed policy circle',
    );
    const list = await unconfirmed.get('/groups/invitations');
    expect(visibleText(list.text)).toContain('Confirm your email address first');
    expect(list.text).not.toContain(`/groups/invitations/${id}/accept`);
    expect((await accept(unconfirmed, id)).status).toBe(403);
    expect(
      await db.selectFrom('group_members').select('user_id').where('group_id', '=', closed.id).execute(),
    ).toHaveLength(1);
  });
});
