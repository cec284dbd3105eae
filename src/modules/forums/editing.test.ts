// A member changes or deletes their own post, on SQLite or PostgreSQL: the page and its form, the
// thread's title from the opening post, "edited" on the thread, the search entry and new mentions
// following the text, deleting a reply (the thread's counts follow) or a lone opening post (the
// thread goes), the API's PATCH and DELETE; and every refusal: a visitor, another member, a locked
// thread, an opening post with replies, bad input with the draft kept, a new member's links.
import { describe, expect, it } from 'vitest';
import { bearer, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { nowIso } from '../../platform/time.ts';

const hub = await platformForFile({ seed: ['directory', 'groups', 'forums'] });
const db = hub.deps.db;
const { client: author, token: authorToken } = await hub.signedInWithToken('member', {
  name: 'Vanna Author',
});
const {
  client: other,
  user: otherUser,
  token: otherToken,
} = await hub.signedInWithToken('member', {
  name: 'Other Member',
});
const { client: moderator } = await hub.signedIn('moderator', { name: 'Forum Moderator' });
const { client: newcomer } = await hub.signedIn('member', { name: 'New Member', newMember: true });
const visitor = hub.client();

async function startThread(client: TestClient, title: string, body: string) {
  const res = await client.submit('/forum/c/markets/new', '/forum/c/markets/new', {
    title,
    body,
    lang: 'en',
    contact_website: '',
  });
  expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
  const threadId = Number(res.location?.split('/').pop());
  const opening = await db
    .selectFrom('forum_posts')
    .select('id')
    .where('thread_id', '=', threadId)
    .executeTakeFirstOrThrow();
  return { threadId, openingId: opening.id };
}

async function reply(client: TestClient, threadId: number, body: string) {
  await client.get(`/forum/t/${threadId}`);
  const res = await client.request(`/forum/t/${threadId}/reply`, {
    form: { body, lang: 'en', contact_website: '' },
  });
  expect(res.status).toBe(303);
  return Number(res.location?.split('/').pop());
}

const edit = (client: TestClient, postId: number, form: Record<string, string>) =>
  client.submit(`/forum/p/${postId}/edit`, `/forum/p/${postId}/edit`, { contact_website: '', ...form });

const postRow = (id: number) =>
  db.selectFrom('forum_posts').selectAll().where('id', '=', id).executeTakeFirst();
const threadRow = (id: number) =>
  db.selectFrom('forum_threads').selectAll().where('id', '=', id).executeTakeFirst();

describe('changing a post', () => {
  it('lets the author change the text and, in the opening post, the title; the thread says "edited"', async () => {
    const { threadId, openingId } = await startThread(
      author,
      'Silk prices at the border',
      'Prices rose by *ten* percent.',
    );
    const form = await author.get(`/forum/p/${openingId}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('Silk prices at the border');
    const saved = await edit(author, openingId, {
      title: 'Silk prices at the Lao border',
      body: 'Prices rose by *twelve* percent.',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/forum/p/${openingId}`);
    const page = await visitor.get(`/forum/t/${threadId}`);
    expect(page.text).toContain('<em>twelve</em>');
    expect(visibleText(page.text)).toContain('Silk prices at the Lao border');
    expect(visibleText(page.text)).toContain('edited');
    expect((await postRow(openingId))?.edited_at).not.toBeNull();
    // The search follows the text: the new word finds it, the old one no longer does.
    expect(visibleText((await visitor.get('/forum?q=twelve')).text)).toContain(
      'Silk prices at the Lao border',
    );
    expect(visibleText((await visitor.get('/forum?q=ten')).text)).not.toContain('Silk prices');
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'forum_post')
      .where('subject_id', '=', String(openingId))
      .execute();
    expect(audited.map((a) => a.action)).toContain('forums.post-edited');
  });

  it('tells members named anew in the changed text, not those already named', async () => {
    const now = nowIso();
    await db
      .insertInto('people')
      .values({
        slug: 'other-member',
        user_id: otherUser.id,
        name: 'Other Member',
        name_translit: null,
        lang: 'en',
        title: null,
        bio: '',
        country: 'LA',
        links: '[]',
        email: null,
        phone: null,
        contact_visibility: 'hidden',
        status: 'published',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { openingId } = await startThread(author, 'Who sells to Bangkok?', 'Asking around.');
    const mentions = () =>
      db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', otherUser.id)
        .where('kind', '=', 'forums.mention')
        .execute();
    const before = (await mentions()).length;
    expect((await edit(author, openingId, { body: 'Asking @other-member.' })).status).toBe(303);
    expect((await mentions()).length).toBe(before + 1);
    expect((await edit(author, openingId, { body: 'Asking @other-member again.' })).status).toBe(303);
    expect((await mentions()).length).toBe(before + 1);
  });

  it('refuses a visitor, another member and, in a locked thread, the author; a moderator may', async () => {
    const { threadId, openingId } = await startThread(author, 'Booth fees', 'Who pays the booth?');
    const asVisitor = await visitor.get(`/forum/p/${openingId}/edit`);
    expect(asVisitor.status).toBe(303);
    expect(asVisitor.location).toContain('/login');
    expect((await other.get(`/forum/p/${openingId}/edit`)).status).toBe(403);
    await other.get(`/forum/t/${threadId}`);
    const forged = await other.request(`/forum/p/${openingId}/edit`, {
      form: { body: 'Taken over', contact_website: '' },
    });
    expect(forged.status).toBe(403);
    expect((await postRow(openingId))?.body).toBe('Who pays the booth?');
    // The thread page offers "Edit" to the author only.
    expect(visibleText((await author.get(`/forum/t/${threadId}`)).text)).toContain('Edit');
    expect((await other.get(`/forum/t/${threadId}`)).text).not.toContain(`/forum/p/${openingId}/edit`);

    await db.updateTable('forum_threads').set({ locked: 1 }).where('id', '=', threadId).execute();
    expect((await author.get(`/forum/p/${openingId}/edit`)).status).toBe(403);
    expect(
      (await edit(moderator, openingId, { title: 'Booth fees', body: 'Who pays the booth? (tidied)' }))
        .status,
    ).toBe(303);
    expect((await postRow(openingId))?.body).toBe('Who pays the booth? (tidied)');
  });

  it('gives the form back with the draft and a message for bad input and for a new member’s links', async () => {
    const { openingId } = await startThread(author, 'Empty edits', 'Some text.');
    const empty = await edit(author, openingId, { title: 'Empty edits', body: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('Empty edits');
    expect((await postRow(openingId))?.body).toBe('Some text.');

    const fresh = await startThread(newcomer, 'A newcomer asks', 'Hello all.');
    const links = Array.from({ length: 6 }, (_, i) => `https://example.org/${i}`).join(' ');
    const refused = await edit(newcomer, fresh.openingId, {
      title: 'A newcomer asks',
      body: `My shop: ${links} — draft kept`,
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('draft kept');
    expect((await postRow(fresh.openingId))?.body).toBe('Hello all.');
  });
});

describe('deleting a post', () => {
  it('deletes a reply: the thread counts one post less and its latest post is the one before', async () => {
    const { threadId, openingId } = await startThread(author, 'Dye suppliers', 'Natural dyes near Hue?');
    const first = await reply(other, threadId, 'Try the market by the river.');
    const second = await reply(other, threadId, 'Oops, wrong thread.');
    expect((await threadRow(threadId))?.post_count).toBe(3);
    await other.get(`/forum/p/${second}/edit`);
    const res = await other.request(`/forum/p/${second}/delete`, { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/forum/t/${threadId}`);
    expect(await postRow(second)).toBeUndefined();
    const thread = await threadRow(threadId);
    expect(thread?.post_count).toBe(2);
    expect(thread?.last_post_id).toBe(first);
    expect(visibleText((await visitor.get(`/forum/t/${threadId}`)).text)).not.toContain('wrong thread');
    expect(visibleText((await visitor.get('/forum?q=oops')).text)).not.toContain('wrong thread');
    // The opening post has a reply now: it stays (a moderator may hide it).
    const page = await author.get(`/forum/p/${openingId}/edit`);
    expect(page.text).not.toContain(`/forum/p/${openingId}/delete`);
    expect((await author.request(`/forum/p/${openingId}/delete`, { form: {} })).status).toBe(403);
    expect(await postRow(openingId)).toBeDefined();
    // Another member may not delete the author's post.
    expect((await other.request(`/forum/p/${openingId}/delete`, { form: {} })).status).toBe(403);
  });

  it('deletes a lone opening post with its thread, and leads back to the category', async () => {
    const { threadId, openingId } = await startThread(author, 'Posted twice', 'Sorry, a double.');
    await author.get(`/forum/p/${openingId}/edit`);
    const res = await author.request(`/forum/p/${openingId}/delete`, { form: {} });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/forum/c/markets');
    expect(await threadRow(threadId)).toBeUndefined();
    expect((await visitor.get(`/forum/t/${threadId}`)).status).toBe(404);
  });
});

describe('the API', () => {
  it('changes a post with PATCH and deletes it with DELETE, with the same refusals', async () => {
    const { threadId } = await startThread(author, 'API edits', 'Opening.');
    const replyId = await reply(author, threadId, 'Sent from the API');
    const refused = await other.request(`/api/v1/forum/posts/${replyId}`, {
      method: 'PATCH',
      json: { body: 'Not mine' },
      headers: bearer(otherToken),
    });
    expect(refused.status).toBe(403);
    const patched = await author.request(`/api/v1/forum/posts/${replyId}`, {
      method: 'PATCH',
      json: { body: 'Sent from the API, corrected' },
      headers: bearer(authorToken),
    });
    expect(patched.status).toBe(200);
    const changed = JSON.parse(patched.text) as { id: number; body: string; editedAt: string | null };
    expect(changed).toMatchObject({ id: replyId, body: 'Sent from the API, corrected' });
    expect(changed.editedAt).not.toBeNull();
    const bad = await author.request(`/api/v1/forum/posts/${replyId}`, {
      method: 'PATCH',
      json: { body: '' },
      headers: bearer(authorToken),
    });
    expect(bad.status).toBe(422);
    expect((await visitor.request(`/api/v1/forum/posts/${replyId}`, { method: 'DELETE' })).status).toBe(401);
    expect(
      (
        await other.request(`/api/v1/forum/posts/${replyId}`, {
          method: 'DELETE',
          headers: bearer(otherToken),
        })
      ).status,
    ).toBe(403);
    const gone = await author.request(`/api/v1/forum/posts/${replyId}`, {
      method: 'DELETE',
      headers: bearer(authorToken),
    });
    expect(gone.status).toBe(204);
    expect(await postRow(replyId)).toBeUndefined();
  });
});
