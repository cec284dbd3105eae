// Notifications through the whole app, on SQLite or PostgreSQL: following (a tag, a country) and
// stopping, a followed tag's new post reaching the inbox (not the author's, not a stranger's), in
// the reader's language, the bell's count, opening and marking read, preferences, mail at once and
// the daily digest delivered to the real SMTP peer with RFC 8058 headers, the unsubscribe link
// working once without a session, private group content, the API, and every refusal.
import { describe, expect, it } from 'vitest';
import { BASE_URL, bearer, platformForFile, visibleText } from '../../../test/harness.ts';
import { notificationKinds } from '../../platform/notifications/kinds.ts';
import { notify } from '../../platform/notifications/notify.ts';
import { promoteDuePosts } from '../news/actions.ts';
import { postForm, sendMultipart, writePost } from '../news/test-helpers.ts';
import { digestSlot, mailImmediate, sendDueDigests } from './delivery.ts';

const hub = await platformForFile();
const { db } = hub.deps;
const { client: editor, user: editorUser } = await hub.signedIn('editor', { name: 'Somsack Editor' });
const {
  client: reader,
  user: readerUser,
  token: readerToken,
} = await hub.signedInWithToken('member', {
  name: 'Noy Reader',
  locale: 'lo',
  timeZone: 'Asia/Vientiane',
});
const { client: stranger, user: strangerUser } = await hub.signedIn('member', { name: 'Stranger' });
const visitor = hub.client();

const follow = (client = reader, fields: Record<string, string> = {}) =>
  client.submit('/notifications/following', '/follow', {
    type: 'tag',
    key: 'Silk',
    follow: '1',
    back: '/notifications/following',
    ...fields,
  });

const notificationsOf = (userId: number) =>
  db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute();

describe('following', () => {
  it('follows a tag and a country from the page of what one follows, and lists them', async () => {
    const res = await follow();
    expect(res.status).toBe(303);
    expect(res.location).toBe('/notifications/following');
    expect((await follow(reader, { type: 'country', key: 'LA' })).status).toBe(303);
    const page = visibleText((await reader.get('/notifications/following')).text);
    expect(page).toContain('#silk');
    expect(page).toContain('ລາວ');
    const rows = await db.selectFrom('follows').selectAll().where('user_id', '=', readerUser.id).execute();
    expect(rows.map((r) => `${r.target_type}:${r.target_key}`).sort()).toEqual(['country:LA', 'tag:silk']);
  });

  it('refuses a visitor, an unknown kind of thing, and a thing that is not there', async () => {
    const anonymous = await visitor.submit('/', '/follow', { type: 'tag', key: 'silk' });
    expect(anonymous.status).toBe(401);
    expect((await follow(stranger, { type: 'planet', key: 'mars' })).status).toBe(422);
    const missing = await follow(stranger, { type: 'country', key: 'XX' });
    expect(missing.status).toBe(404);
    expect(visibleText(missing.text)).toContain('There is nothing by that name to follow.');
    expect(
      await db.selectFrom('follows').select('user_id').where('user_id', '=', strangerUser.id).execute(),
    ).toEqual([]);
  });

  it('stops following', async () => {
    await follow(stranger, { type: 'country', key: 'KH' });
    const res = await follow(stranger, { type: 'country', key: 'KH', follow: '0' });
    expect(res.status).toBe(303);
    expect(
      await db.selectFrom('follows').select('user_id').where('user_id', '=', strangerUser.id).execute(),
    ).toEqual([]);
  });
});

describe('a followed tag’s new post', () => {
  let slug = '';
  it('reaches the follower’s inbox in Lao, and nobody else’s', async () => {
    const res = await writePost(editor, { title: 'Silk routes of Luang Prabang' });
    expect(res.status).toBe(303);
    slug = (res.location ?? '').replace('/news/', '');
    const [mine] = await notificationsOf(readerUser.id);
    expect(mine).toMatchObject({
      kind: 'news.post-published',
      url: `/news/${slug}`,
      delivery: 'daily',
      read_at: null,
    });
    expect(await notificationsOf(editorUser.id)).toEqual([]);
    expect(await notificationsOf(strangerUser.id)).toEqual([]);

    const inbox = await reader.get('/notifications');
    expect(inbox.status).toBe(200);
    expect(visibleText(inbox.text)).toContain('ໄດ້ເຜີຍແຜ່ “Silk routes of Luang Prabang”');
    // The bell says it without JavaScript: a link with the count.
    expect(inbox.text).toMatch(/<a class="bell" href="\/notifications" aria-label="[^"]*1[^"]*"/);
  });

  it('is not announced again when the published post is edited, even to a new follower', async () => {
    const late = await hub.signedIn('member', { name: 'Late Follower' });
    await follow(late.client);
    await editor.get(`/news/${slug}/edit`);
    const saved = await sendMultipart(
      editor,
      `/news/${slug}/edit`,
      postForm({ title: 'Silk routes of Luang Prabang', body: 'Now with a map of the routes.' }),
    );
    expect(saved.status).toBe(303);
    expect((await notificationsOf(readerUser.id)).length).toBe(1);
    expect(await notificationsOf(late.user.id)).toEqual([]);
    expect((await follow(late.client, { follow: '0' })).status).toBe(303);
  });

  it('is announced at its moment when it was scheduled, and once', async () => {
    const before = (await notificationsOf(readerUser.id)).length;
    const res = await writePost(editor, {
      title: 'Silk at the night market',
      tags: 'silk',
      status: 'schedule',
      publish_at: '2031-01-01T09:00',
    });
    expect(res.status).toBe(303);
    expect((await notificationsOf(readerUser.id)).length).toBe(before);
    expect(await promoteDuePosts(hub.deps, '2031-01-02T00:00:00.000Z')).toBe(1);
    const after = await notificationsOf(readerUser.id);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)?.params).toContain('Silk at the night market');
    expect(await promoteDuePosts(hub.deps, '2031-01-03T00:00:00.000Z')).toBe(0);
    expect((await notificationsOf(readerUser.id)).length).toBe(before + 1);
  });

  it('opens through /notifications/:id, which marks it read; another member gets 404', async () => {
    const mine = (await notificationsOf(readerUser.id))[0] as { id: number };
    await reader.submit('/notifications', '/notifications/read', { all: '1' });
    await db.updateTable('notifications').set({ read_at: null }).where('id', '=', mine.id).execute();
    expect((await stranger.get(`/notifications/${mine.id}`)).status).toBe(404);
    const res = await reader.get(`/notifications/${mine.id}`);
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/news/${slug}`);
    expect((await notificationsOf(readerUser.id))[0]?.read_at).not.toBeNull();
    expect((await reader.get('/notifications')).text).not.toContain('class="bell-count"');
  });

  it('marks all read', async () => {
    await writePost(editor, { title: 'Silk dyes', tags: 'silk' });
    expect((await reader.get('/notifications?unread=1')).text).toContain('Silk dyes');
    const res = await reader.submit('/notifications', '/notifications/read', { all: '1' });
    expect(res.status).toBe(303);
    expect((await notificationsOf(readerUser.id)).every((n) => n.read_at)).toBe(true);
    expect(visibleText((await reader.get('/notifications?unread=1')).text)).not.toContain('Silk dyes');
  });

  it('keeps the inbox and its forms for members: visitors are sent to log in', async () => {
    const res = await visitor.get('/notifications');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/login/);
    expect((await visitor.submit('/', '/notifications/read', { all: '1' })).status).toBe(401);
    expect(
      (await visitor.submit('/', '/notifications/settings', { 'news.post-published': 'off' })).status,
    ).toBe(401);
  });
});

describe('mail', () => {
  it('sends the daily digest in the reader’s language, with a one-click unsubscribe (RFC 8058)', async () => {
    await writePost(editor, { title: 'Silk for the digest', tags: 'silk' });
    // 08:00 in Vientiane: the reader's morning has come.
    const sent = await sendDueDigests(hub.deps, new Date('2031-03-04T01:00:00Z'));
    expect(sent).toBe(1);
    await hub.deliverMail();
    const mail = await hub.smtp.next(readerUser.email);
    expect(mail.subject).toContain('ສະຫຼຸບປະຈຳວັນ');
    expect(mail.text).toContain('Silk for the digest');
    expect(mail.text).toContain(`${BASE_URL}/news/`);
    const unsubscribe = mail.headers['list-unsubscribe'] ?? '';
    expect(unsubscribe).toMatch(new RegExp(`^<${BASE_URL}/unsubscribe/[\\w-]+>$`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // Nothing more in the same morning.
    expect(await sendDueDigests(hub.deps, new Date('2031-03-04T05:00:00Z'))).toBe(0);

    // The mail program's one-click POST: no cookie, no session, no form token.
    const path = unsubscribe.slice(BASE_URL.length + 1, -1);
    // Opening the link changes nothing (mail scanners open links); it speaks the reader's language.
    const seen = await hub.client().get(path);
    expect(seen.status).toBe(200);
    expect(visibleText(seen.text)).toContain('ສະຫຼຸບປະຈຳວັນ');
    expect(
      await db
        .selectFrom('notification_preferences')
        .selectAll()
        .where('user_id', '=', readerUser.id)
        .execute(),
    ).toEqual([]);
    const done = await hub.app.request(`${BASE_URL}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    const prefs = await db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('user_id', '=', readerUser.id)
      .execute();
    // Every kind that went into the daily digest now stays in the inbox; the others are untouched.
    const daily = [...notificationKinds(hub.deps.modules).values()].filter(
      (k) => k.defaultDelivery === 'daily',
    );
    expect(daily.map((k) => k.kind)).toContain('news.post-published');
    expect(prefs.map((p) => [p.kind, p.delivery]).sort()).toEqual(daily.map((k) => [k.kind, 'inbox']).sort());
    // Once only.
    const again = await hub.app.request(`${BASE_URL}${path}`, { method: 'POST', body: '' });
    expect(visibleText(await again.text())).toContain('ລິ້ງນີ້ຖືກໃຊ້ແລ້ວ');
    // A new post now stays in the inbox: no digest.
    await writePost(editor, { title: 'Silk after unsubscribing', tags: 'silk' });
    expect(await sendDueDigests(hub.deps, new Date('2031-03-05T01:00:00Z'))).toBe(0);
    expect(visibleText((await reader.get('/notifications')).text)).toContain('Silk after unsubscribing');
  });

  it('refuses an unknown unsubscribe link', async () => {
    expect((await hub.client().get('/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('mails at once who chose it, with a link that stops that kind only', async () => {
    const res = await stranger.submit('/notifications/settings', '/notifications/settings', {
      'news.post-published': 'immediate',
    });
    expect(res.status).toBe(303);
    await follow(stranger, { type: 'tag', key: 'indigo' });
    await writePost(editor, { title: 'Indigo of Sakon Nakhon', tags: 'indigo' });
    expect(await mailImmediate(hub.deps)).toBe(1);
    expect(await mailImmediate(hub.deps)).toBe(0);
    await hub.deliverMail();
    const mail = await hub.smtp.next(strangerUser.email);
    expect(mail.subject).toContain('published “Indigo of Sakon Nakhon”');
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  it('refuses a delivery that does not exist, keeping the form', async () => {
    const res = await stranger.submit('/notifications/settings', '/notifications/settings', {
      'news.post-published': 'carrier-pigeon',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('aria-invalid="true"');
  });

  it('meets each reader’s morning in their own time zone', () => {
    const now = new Date('2031-03-04T23:30:00Z'); // Wednesday 06:30 in Vientiane (UTC+7)
    expect(digestSlot('daily', 'Asia/Vientiane', now).toISOString()).toBe('2031-03-04T00:00:00.000Z');
    expect(digestSlot('daily', 'UTC', now).toISOString()).toBe('2031-03-04T07:00:00.000Z');
    expect(digestSlot('weekly', 'Asia/Vientiane', now).toISOString()).toBe('2031-03-03T00:00:00.000Z');
  });
});

describe('private content', () => {
  it('reaches only the readers of its scope, and leaves the inbox with them', async () => {
    const group = await db
      .insertInto('groups')
      .values({
        slug: 'secret-circle',
        name: 'Secret circle',
        lang: 'en',
        description: '',
        kind: 'working_group',
        visibility: 'secret',
        organisation_id: null,
        country: null,
        created_by: null,
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('group_members')
      .values({
        group_id: group.id,
        user_id: readerUser.id,
        role: 'member',
        created_at: new Date().toISOString(),
      })
      .execute();
    const told = await notify(db, hub.deps, {
      kind: 'news.post-published',
      subject: { type: 'test', key: 'secret' },
      url: '/groups/secret-circle',
      params: { title: 'Secret minutes', source: 'Secret circle' },
      to: { users: [readerUser.id, strangerUser.id] },
      scope: `group:${group.id}`,
    });
    expect(told).toBe(1);
    expect(visibleText((await reader.get('/notifications')).text)).toContain('Secret minutes');
    await db.deleteFrom('group_members').where('group_id', '=', group.id).execute();
    expect(visibleText((await reader.get('/notifications')).text)).not.toContain('Secret minutes');
  });
});

describe('the API', () => {
  it('lists, marks read and follows with a token; refuses without one', async () => {
    const auth = bearer(readerToken);
    const list = await hub.app.request(`${BASE_URL}/api/v1/notifications`, { headers: auth });
    expect(list.status).toBe(200);
    const body = (await list.json()) as {
      items: { id: number; text: string; url: string }[];
      unread: number;
    };
    expect(body.items[0]?.url).toMatch(new RegExp(`^${BASE_URL}/`));
    const marked = await hub.app.request(`${BASE_URL}/api/v1/notifications/read`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ all: true }),
    });
    expect(marked.status).toBe(200);
    const followed = await hub.app.request(`${BASE_URL}/api/v1/follows`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'domain', key: 'heritage' }),
    });
    expect(followed.status).toBe(201);
    const gone = await hub.app.request(`${BASE_URL}/api/v1/follows/domain/heritage`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(gone.status).toBe(204);
    const missing = await hub.app.request(`${BASE_URL}/api/v1/follows`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'domain', key: 'astrology' }),
    });
    expect(missing.status).toBe(404);
    expect((await hub.app.request(`${BASE_URL}/api/v1/notifications`)).status).toBe(401);
  });

  it('puts follows, choices and notifications in "download my data"', async () => {
    const data = JSON.parse((await reader.get('/account/export.json')).text) as {
      modules: { notifications: { follows: unknown[]; notifications: unknown[] } };
    };
    expect(data.modules.notifications.follows).toContainEqual(
      expect.objectContaining({ type: 'tag', key: 'silk' }),
    );
    expect(data.modules.notifications.notifications.length).toBeGreaterThan(0);
  });
});
