// Suspensions, new-member limits and the honeypot through the whole app, on SQLite or PostgreSQL,
// with comments on a news post as the posts they govern (forums and messages call the same check).
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../../test/audit.ts';
import { type TestClient, visibleText } from '../../../../test/harness.ts';
import { notificationsOf } from '../../../../test/notified.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { HONEYPOT_FIELD } from '../../../platform/http/honeypot.ts';
import { newsHub, writePost } from '../../news/test-helpers.ts';
import { countLinks } from './may-post.ts';

const { hub, owner, orgSlug } = await newsHub('Hue Creative Hub');
const post =
  (await writePost(owner.client, { title: 'Open studio days', organisation: orgSlug })).location ?? '';
expect(post).toMatch(/^\/news\//);
const { client: moderator } = await hub.signedIn('moderator');
const { client: admin } = await hub.signedIn('admin');

async function comment(client: TestClient, body: string, extra: Record<string, string> = {}) {
  await client.get(post);
  return client.request(`${post}/comments`, { form: { body, ...extra } });
}

const commentsSaying = async (body: string) =>
  (await hub.deps.db.selectFrom('post_comments').select('id').where('body', '=', body).execute()).length;

describe('suspending a member', () => {
  it('keeps a suspended member from commenting, with the end and the reason, and keeps the draft; lifting lets them again', async () => {
    const { client: member, user } = await hub.signedIn('member', { name: 'Noisy Nok' });
    const found = await moderator.get('/moderation/members?q=noisy');
    expect(found.status).toBe(200);
    expect(found.text).toContain(`/moderation/members/${user.id}`);

    await moderator.get(`/moderation/members/${user.id}`);
    const suspended = await moderator.request(`/moderation/members/${user.id}/suspend`, {
      form: { days: '3', reason: 'Repeated insults in the comments.' },
    });
    expect(suspended.status).toBe(303);
    const [entry] = await auditEntries(hub, { action: 'member.suspended', subjectId: user.id });
    expect(entry?.details).toMatchObject({ reason: 'Repeated insults in the comments.' });
    const [notice] = await notificationsOf(hub.deps.db, user.id, 'moderation.suspended');
    expect(notice?.params.reason).toBe('Repeated insults in the comments.');

    const refused = await comment(member, 'My draft reply that must not be lost');
    expect(refused.status).toBe(403);
    const text = visibleText(refused.text);
    expect(text).toContain('suspended from posting until');
    expect(text).toContain('Repeated insults in the comments.');
    expect(refused.text).toContain('My draft reply that must not be lost');
    expect(await commentsSaying('My draft reply that must not be lost')).toBe(0);
    const exported = JSON.parse((await member.get('/account/export.json')).text);
    expect(exported.modules.moderation.suspensions[0].reason).toBe('Repeated insults in the comments.');

    const { id } = await hub.deps.db
      .selectFrom('member_suspensions')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const listed = await moderator.get('/moderation/members');
    expect(visibleText(listed.text)).toContain('Noisy Nok');
    const lifted = await moderator.request(`/moderation/members/${user.id}/suspensions/${id}/lift`, {
      form: {},
    });
    expect(lifted.status).toBe(303);
    expect((await comment(member, 'Back, and polite')).status).toBe(303);
    expect((await auditEntries(hub, { action: 'member.suspension-lifted' })).length).toBe(1);
  });

  it('refuses visitors, members and editors the members pages and the suspension, and refuses to suspend staff', async () => {
    const { user: target } = await hub.signedIn();
    const visitor = hub.client();
    expect((await visitor.get('/moderation/members')).status).toBe(303);
    const { client: member } = await hub.signedIn();
    expect((await member.get('/moderation/members')).status).toBe(403);
    expect((await member.get(`/moderation/members/${target.id}`)).status).toBe(403);
    const { client: editor } = await hub.signedIn('editor');
    const byEditor = await editor.request(`/moderation/members/${target.id}/suspend`, {
      form: { days: '1', reason: 'x' },
    });
    expect(byEditor.status).toBe(403);

    const { user: otherModerator } = await hub.signedIn('moderator');
    await moderator.get(`/moderation/members/${otherModerator.id}`);
    const staff = await moderator.request(`/moderation/members/${otherModerator.id}/suspend`, {
      form: { days: '1', reason: 'Testing' },
    });
    expect(staff.status).toBe(409);
    expect(visibleText(staff.text)).toContain('cannot be suspended here');
    expect((await moderator.get('/moderation/members/999999')).status).toBe(404);
    expect(
      (await moderator.request('/moderation/members/999999/suspensions/1/lift', { form: {} })).status,
    ).toBe(404);
    const none = await hub.deps.db
      .selectFrom('member_suspensions')
      .select('id')
      .where('user_id', '=', target.id)
      .execute();
    expect(none).toHaveLength(0);
  });

  it('shows the form again with the reason kept when the days are wrong, and asks for a reason', async () => {
    const { user } = await hub.signedIn();
    await moderator.get(`/moderation/members/${user.id}`);
    const badDays = await moderator.request(`/moderation/members/${user.id}/suspend`, {
      form: { days: '400', reason: 'Spam links' },
    });
    expectFormRefused(badDays, ['Give a number of days from 1 to 365.'], ['Spam links']);
    const noReason = await moderator.request(`/moderation/members/${user.id}/suspend`, {
      form: { days: '2', reason: ' ' },
    });
    expectFormRefused(noReason, ['Say why: the member reads it.']);
  });
});

describe('limits for new members', () => {
  it('refuses a new member too many links and images, keeping the draft; an older member and staff are not limited', async () => {
    const { client: newcomer } = await hub.signedIn('member', { newMember: true });
    const links = 'See https://a.example and https://b.example and [c](https://c.example)';
    expectFormRefused(await comment(newcomer, links), ['at most 2 links'], ['https://c.example']);
    const image = 'Look ![poster](https://img.example/p.png)';
    expectFormRefused(await comment(newcomer, image), ['images 24 hours after signing up']);
    expect(await commentsSaying(links)).toBe(0);

    const { client: established } = await hub.signedIn();
    expect((await comment(established, links)).status).toBe(303);
    const { client: newEditor } = await hub.signedIn('editor', { newMember: true });
    expect((await comment(newEditor, `${links} again`)).status).toBe(303);
  });

  it('answers 429 with Retry-After once a new member has posted the hour’s allowance, and keeps the draft', async () => {
    await admin.get('/moderation/members');
    const set = await admin.request('/moderation/limits', {
      form: { new_member_days: '3', posts_per_hour: '2', links_per_post: '2', images_after_hours: '24' },
    });
    expect(set.status).toBe(303);
    const { client: newcomer } = await hub.signedIn('member', { newMember: true });
    expect((await comment(newcomer, 'First')).status).toBe(303);
    expect((await comment(newcomer, 'Second')).status).toBe(303);
    const third = await comment(newcomer, 'Third, kept for later');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(visibleText(third.text)).toContain('Please try again in');
    expect(third.text).toContain('Third, kept for later');
    expect(await commentsSaying('Third, kept for later')).toBe(0);
    // Turned off (0 days): the same member posts again.
    await admin.request('/moderation/limits', {
      form: { new_member_days: '0', posts_per_hour: '2', links_per_post: '2', images_after_hours: '24' },
    });
    expect((await comment(newcomer, 'Fourth')).status).toBe(303);
    expect((await auditEntries(hub, { action: 'posting-limits.changed' })).length).toBe(2);
    await admin.request('/moderation/limits', {
      form: { new_member_days: '3', posts_per_hour: '10', links_per_post: '2', images_after_hours: '24' },
    });
  });

  it('lets only admins change the limits, and refuses numbers out of range with the values kept', async () => {
    await moderator.get('/moderation/members');
    const byModerator = await moderator.request('/moderation/limits', {
      form: { new_member_days: '0', posts_per_hour: '5', links_per_post: '2', images_after_hours: '24' },
    });
    expect(byModerator.status).toBe(403);
    expect(visibleText((await moderator.get('/moderation/members')).text)).not.toContain(
      'Limits for new members',
    );
    const bad = await admin.request('/moderation/limits', {
      form: { new_member_days: '3', posts_per_hour: '0', links_per_post: '777', images_after_hours: '24' },
    });
    expectFormRefused(bad, ['within the allowed range'], ['value="777"']);
  });
});

describe('the honeypot', () => {
  it('refuses a comment whose hidden field is filled, storing nothing', async () => {
    const { client: member } = await hub.signedIn();
    const page = await member.get(post);
    expect(page.text).toContain(`name="${HONEYPOT_FIELD}"`);
    const bot = await comment(member, 'Cheap watches', { [HONEYPOT_FIELD]: 'http://spam.example' });
    expect(bot.status).toBe(400);
    expect(visibleText(bot.text)).toContain('only a program fills it');
    expect(await commentsSaying('Cheap watches')).toBe(0);
    expect((await comment(member, 'A person', { [HONEYPOT_FIELD]: '' })).status).toBe(303);
  });
});

describe('counting links', () => {
  it('counts links and images as a reader sees them, not addresses in code', () => {
    expect(
      countLinks('see https://a.com and [b](https://b.org) <https://c.net> `https://d.io` www.e.com'),
    ).toEqual({
      links: 4,
      images: 0,
    });
    expect(countLinks('![x](/i.png) ![y](https://y.example/y.jpg)')).toEqual({ links: 0, images: 2 });
    expect(countLinks('ສະບາຍດີ ທຸກຄົນ')).toEqual({ links: 0, images: 0 });
  });
});
