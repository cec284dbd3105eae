// The forums through the whole app, on SQLite or PostgreSQL: the demo categories and the replies in
// Lao, Khmer and Burmese found by search; a thread's journey (start, reply, quote, mention, reactions,
// following and notifications, unread markers, pages of 50, an answer, a translation); moderation
// (hide and restore, lock, slow mode, move, merge); a group's category unseen by others on every
// surface; the API; and every refusal (visitor, honeypot, locked, slow mode, rate limit, bad input).
import { describe, expect, it } from 'vitest';
import { bearer, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { notImages, picture } from '../../../test/images.ts';
import { fileReport, reportsOn } from '../../../test/reports.ts';
import { nowIso } from '../../platform/time.ts';

const hub = await platformForFile({ seed: ['directory', 'groups', 'forums'] });
const db = hub.deps.db;
const {
  client: author,
  user: authorUser,
  token: authorToken,
} = await hub.signedInWithToken('member', {
  name: 'Bounmy Author',
});
const { client: replier, user: replierUser } = await hub.signedIn('member', { name: 'Sokha Replier' });
const { client: moderator } = await hub.signedIn('moderator', { name: 'Hue Moderator' });
const { client: stranger, token: strangerToken } = await hub.signedInWithToken('member', {
  name: 'Stranger',
});
const visitor = hub.client();

const groupCategory = await db
  .selectFrom('forum_categories')
  .selectAll()
  .where('slug', '=', 'lao-qpr-working-team')
  .executeTakeFirstOrThrow();
// The author joins the working team: they read its category, the stranger does not.
await db
  .insertInto('group_members')
  .values({
    group_id: groupCategory.group_id ?? 0,
    user_id: authorUser.id,
    role: 'member',
    created_at: nowIso(),
  })
  .execute();

/** Starts a thread through the form; its id. */
async function startThread(client: TestClient, category: string, fields: Record<string, string> = {}) {
  const res = await client.submit(`/forum/c/${category}/new`, `/forum/c/${category}/new`, {
    title: 'Copyright for weavers',
    body: 'How do weavers register a **pattern**?',
    lang: 'en',
    contact_website: '',
    ...fields,
  });
  expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
  return Number(res.location?.split('/').pop());
}

async function reply(client: TestClient, threadId: number, body: string, extra: Record<string, string> = {}) {
  await client.get(`/forum/t/${threadId}`);
  return client.request(`/forum/t/${threadId}/reply`, {
    form: { body, lang: 'en', contact_website: '', ...extra },
  });
}

const postIdOf = (location: string | null) => Number(location?.split('/').pop());

describe('the demo forum', () => {
  it('has the theme categories and the working team’s own, which only its members see', async () => {
    const listed = visibleText((await visitor.get('/forum')).text);
    for (const name of [
      'Cultural policy',
      'Intellectual property rights',
      'Funding',
      'Markets and trade',
      'Heritage',
    ])
      expect(listed).toContain(name);
    expect(listed).not.toContain('Training and skills'); // members only
    expect(listed).not.toContain('Lao PDR QPR working team');
    expect(visibleText((await stranger.get('/forum')).text)).toContain('Training and skills');
    expect(visibleText((await stranger.get('/forum')).text)).not.toContain('Lao PDR QPR working team');
    expect(visibleText((await author.get('/forum')).text)).toContain('Lao PDR QPR working team');
  });

  it('narrows the search by category, author and days, all in the URL', async () => {
    const word = encodeURIComponent('QPR');
    const all = visibleText((await visitor.get(`/forum?q=${word}`)).text);
    expect(all).toContain('Civil society inputs to the QPR');
    const elsewhere = visibleText((await visitor.get(`/forum?q=${word}&category=heritage`)).text);
    expect(elsewhere).toContain('No post matches this search.');
    const nobody = visibleText((await visitor.get(`/forum?q=${word}&author=Nobody`)).text);
    expect(nobody).toContain('No post matches this search.');
    const future = visibleText((await visitor.get(`/forum?q=${word}&from=2999-01-01`)).text);
    expect(future).toContain('No post matches this search.');
    const byDays = visibleText(
      (await visitor.get(`/forum?category=policy&from=2000-01-01&to=2999-12-31`)).text,
    );
    expect(byDays).toContain('Civil society inputs to the QPR');
  });

  it.each([
    ['Lao', 'ກອງປະຊຸມປຶກສາຫາລືພາຍໃນສອງຄັ້ງ', 'ຂໍຂອບໃຈທຸກທ່ານ'],
    ['Khmer', 'សិប្បករ', 'សមាគមសិប្បករនៅសៀមរាប'],
    ['Burmese', 'လက်မှုပညာရှင်', 'ပုဂံမှ'],
  ])('finds the %s reply by a word of it', async (_lang, word, start) => {
    const res = await visitor.get(`/forum?q=${encodeURIComponent(word)}`);
    expect(res.status).toBe(200);
    expect(visibleText(res.text)).toContain(start);
  });
});

describe('a thread', () => {
  let threadId = 0;
  let firstReply = 0;

  it('is started by a member and replied to; the author is told and has unread replies', async () => {
    threadId = await startThread(author, 'ip-rights');
    const page = await visitor.get(`/forum/t/${threadId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>pattern</strong>');
    const sent = await reply(replier, threadId, 'Through the **GI** office.');
    expect(sent.status).toBe(303);
    firstReply = postIdOf(sent.location);
    const told = await db
      .selectFrom('notifications')
      .select(['kind', 'url'])
      .where('user_id', '=', authorUser.id)
      .where('kind', '=', 'forums.reply')
      .execute();
    expect(told).toEqual([{ kind: 'forums.reply', url: `/forum/p/${firstReply}` }]);
    const category = visibleText((await author.get('/forum/c/ip-rights')).text);
    expect(category).toContain('1 unread');
    const jump = await author.get(`/forum/t/${threadId}/unread`);
    expect(jump.location).toBe(`/forum/p/${firstReply}`);
    expect((await author.get(`/forum/p/${firstReply}`)).location).toBe(
      `/forum/t/${threadId}#p-${firstReply}`,
    );
    // Read once the thread's page is seen: nothing unread any more.
    await author.get(`/forum/t/${threadId}`);
    expect(visibleText((await author.get('/forum/c/ip-rights')).text)).not.toContain('unread');
  });

  it('pre-fills the reply form with a quote of a post and a link to it', async () => {
    const res = await author.get(`/forum/t/${threadId}?quote=${firstReply}`);
    expect(res.text).toContain(
      `&gt; Through the **GI** office.\n&gt;\n&gt; — [Sokha Replier](/forum/p/${firstReply})`,
    );
  });

  it('tells a member named by their handle', async () => {
    const now = nowIso();
    await db
      .insertInto('people')
      .values({
        slug: 'sokha-replier',
        user_id: replierUser.id,
        name: 'Sokha Replier',
        name_translit: null,
        lang: 'km',
        title: null,
        bio: '',
        country: 'KH',
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
    expect(
      (await reply(author, threadId, 'Thanks @sokha-replier, and e-mail me@sokha-replier.org')).status,
    ).toBe(303);
    const told = await db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', replierUser.id)
      .execute();
    expect(told.map((n) => n.kind)).toEqual(['forums.mention']);
  });

  it('counts reactions, toggled by a POST form', async () => {
    await replier.get(`/forum/t/${threadId}`);
    await replier.request(`/forum/p/${firstReply}/react`, { form: { reaction: 'thanks' } });
    await author.get(`/forum/t/${threadId}`);
    await author.request(`/forum/p/${firstReply}/react`, { form: { reaction: 'thanks' } });
    expect(visibleText((await visitor.get(`/forum/t/${threadId}`)).text)).toContain('Thanks (2)');
    await author.request(`/forum/p/${firstReply}/react`, { form: { reaction: 'thanks' } });
    expect(visibleText((await visitor.get(`/forum/t/${threadId}`)).text)).toContain('Thanks (1)');
    const bad = await author.request(`/forum/p/${firstReply}/react`, { form: { reaction: 'angry' } });
    expect(bad.status).toBe(422);
  });

  it('has its answer marked by its author when it is a question', async () => {
    const question = await startThread(author, 'funding', { title: 'Which fund?', is_question: '1' });
    const answer = postIdOf((await reply(replier, question, 'The IFCD.')).location);
    await replier.get(`/forum/t/${question}`);
    expect((await replier.request(`/forum/p/${answer}/solve`, { form: {} })).status).toBe(403);
    await author.get(`/forum/t/${question}`);
    expect((await author.request(`/forum/p/${answer}/solve`, { form: {} })).status).toBe(303);
    const thread = await db
      .selectFrom('forum_threads')
      .select('solved_post_id')
      .where('id', '=', question)
      .executeTakeFirstOrThrow();
    expect(thread.solved_post_id).toBe(answer);
    expect(visibleText((await visitor.get(`/forum/t/${question}`)).text)).toContain('The answer');
  });

  it('shows a reader the translation in their language, marked, and the original', async () => {
    await author.get(`/forum/t/${threadId}`);
    const res = await author.request(`/forum/p/${threadId && (await firstPostOf(threadId))}/translation`, {
      form: { lang: 'lo', body: 'ຊ່າງຕໍ່າຫູກລົງທະບຽນລາຍແນວໃດ?', contact_website: '' },
    });
    expect(res.status).toBe(303);
    const lao = visibleText((await visitor.get(`/forum/t/${threadId}`, { 'accept-language': 'lo' })).text);
    expect(lao).toContain('ຊ່າງຕໍ່າຫູກລົງທະບຽນລາຍແນວໃດ?');
    expect(lao).toContain('ແປຈາກ');
    // Another member may not translate the author's post.
    await stranger.get(`/forum/t/${threadId}`);
    const refused = await stranger.request(`/forum/p/${await firstPostOf(threadId)}/translation`, {
      form: { lang: 'km', body: 'x', contact_website: '' },
    });
    expect(refused.status).toBe(403);
  });

  it('takes an image with a reply, served to its readers; a file that is no image is refused, the draft kept', async () => {
    const send = async (bytes: Uint8Array, name: string, type: string, body: string) => {
      await replier.get(`/forum/t/${threadId}`);
      return replier.request(`/forum/t/${threadId}/reply`, {
        multipart: {
          fields: { body, lang: 'km', contact_website: '' },
          files: [{ field: 'image', name, type, bytes }],
        },
      });
    };
    const refused = await send(notImages.svg, 'loom.svg', 'image/svg+xml', 'A photo of my loom');
    expect(refused.status).toBe(415);
    expect(refused.text).toContain('A photo of my loom');
    const png = await picture(800, 600).png().toBuffer();
    const sent = await send(png, 'loom.png', 'image/png', 'A photo of my loom');
    expect(sent.status).toBe(303);
    const page = (await visitor.get(`/forum/t/${threadId}`)).text;
    const src = page.match(/src="(\/forum\/p\/\d+\/images\/\d+\.webp)\?size=thumb"/)?.[1];
    expect(src).toBeDefined();
    const image = await visitor.get(src ?? '');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('shows a refused translation again on its post’s page, with the draft', async () => {
    const post = await firstPostOf(threadId);
    await author.get(`/forum/t/${threadId}`);
    const res = await author.request(`/forum/p/${post}/translation`, {
      form: { lang: 'en', body: 'Same language draft', contact_website: '' },
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('Same language draft');
    expect(visibleText(res.text)).toContain('A translation is in another language than the post.');
  });

  it('is read in pages of 50 posts', async () => {
    const long = await startThread(author, 'markets', { title: 'A long thread' });
    const now = nowIso();
    await db
      .insertInto('forum_posts')
      .values(
        Array.from({ length: 119 }, (_, i) => ({
          thread_id: long,
          author_id: replierUser.id,
          body: `Reply number ${i + 2}`,
          lang: 'en',
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await db.updateTable('forum_threads').set({ post_count: 120 }).where('id', '=', long).execute();
    const third = visibleText((await visitor.get(`/forum/t/${long}?page=3`)).text);
    expect(third).toContain('Reply number 101');
    expect(third).toContain('Reply number 120');
    expect(third).not.toContain('Reply number 100 ');
    expect(third).toContain('Page 3 of 3');
    expect((await visitor.get(`/forum/t/${long}?page=4`)).status).toBe(404);
  });
});

async function firstPostOf(threadId: number): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select('id')
    .where('thread_id', '=', threadId)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('moderation', () => {
  it('hides a post with a reason (audited) and restores it', async () => {
    const thread = await startThread(author, 'heritage', {
      title: 'Rude words',
      body: 'Something rude here',
    });
    const post = await firstPostOf(thread);
    await stranger.get(`/forum/t/${thread}`);
    expect((await stranger.request(`/forum/p/${post}/hide`, { form: { reason: 'x' } })).status).toBe(403);
    await moderator.get(`/forum/t/${thread}`);
    expect((await moderator.request(`/forum/p/${post}/hide`, { form: { reason: 'Insults' } })).status).toBe(
      303,
    );
    const seen = visibleText((await visitor.get(`/forum/t/${thread}`)).text);
    expect(seen).toContain('Hidden by a moderator.');
    expect(seen).not.toContain('Something rude here');
    const mod = visibleText((await moderator.get(`/forum/t/${thread}`)).text);
    expect(mod).toContain('Something rude here');
    expect(mod).toContain('Reason: Insults');
    expect(visibleText((await visitor.get('/forum?q=rude')).text)).not.toContain('Something rude');
    const audit = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'forum_post')
      .execute();
    expect(audit.map((a) => a.action)).toContain('forums.post-hidden');
    expect((await moderator.request(`/forum/p/${post}/restore`, { form: {} })).status).toBe(303);
    expect(visibleText((await visitor.get(`/forum/t/${thread}`)).text)).toContain('Something rude here');
  });

  it('files a report on a post into the moderation queue', async () => {
    const thread = await startThread(author, 'heritage', { title: 'Spam?' });
    const key = String(await firstPostOf(thread));
    expect((await fileReport(stranger, { type: 'forum-post', key })).status).toBe(303);
    expect(await reportsOn(hub, { type: 'forum-post', key })).toHaveLength(1);
  });

  it('locks a thread: a member’s reply is refused, page and API', async () => {
    const thread = await startThread(author, 'heritage', { title: 'Closed topic' });
    await moderator.get(`/forum/t/${thread}`);
    const set = await moderator.request(`/forum/t/${thread}/settings`, {
      form: { locked: '1', slow_mode_seconds: '0' },
    });
    expect(set.status).toBe(303);
    expect((await reply(replier, thread, 'Too late')).status).toBe(403);
    const api = await author.request(`/api/v1/forum/threads/${thread}/posts`, {
      json: { body: 'Too late', lang: 'en' },
      headers: bearer(authorToken),
    });
    expect(api.status).toBe(403);
    expect(visibleText((await replier.get(`/forum/t/${thread}`)).text)).toContain('This thread is locked');
  });

  it('refuses a second post too soon in slow mode with 429, the wait and the draft kept', async () => {
    const thread = await startThread(author, 'heritage', { title: 'Heated topic' });
    await moderator.get(`/forum/t/${thread}`);
    await moderator.request(`/forum/t/${thread}/settings`, { form: { slow_mode_seconds: '600' } });
    expect((await reply(replier, thread, 'First')).status).toBe(303);
    const again = await reply(replier, thread, 'My careful second draft');
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(590);
    expect(again.text).toContain('My careful second draft');
    expect(visibleText(again.text)).toMatch(/wait 6\d\d seconds/);
    // The API answers the same (the author's opening post is as recent): 429 with Retry-After.
    const tooSoon = await author.request(`/api/v1/forum/threads/${thread}/posts`, {
      json: { body: 'Through the API', lang: 'en' },
      headers: bearer(authorToken),
    });
    expect(tooSoon.status).toBe(429);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(590);
    const bad = await moderator.request(`/forum/t/${thread}/settings`, { form: { slow_mode_seconds: '-4' } });
    expect(bad.status).toBe(422);
  });

  it('moves a thread, and merges one into another: the old address leads there', async () => {
    const a = await startThread(author, 'heritage', { title: 'Merge me' });
    const b = await startThread(author, 'heritage', { title: 'Keep me' });
    await moderator.get(`/forum/t/${a}`);
    expect((await moderator.request(`/forum/t/${a}/move`, { form: { category: 'policy' } })).status).toBe(
      303,
    );
    expect(visibleText((await visitor.get('/forum/c/policy')).text)).toContain('Merge me');
    expect((await moderator.request(`/forum/t/${a}/merge`, { form: { into: String(b) } })).status).toBe(303);
    const old = await visitor.get(`/forum/t/${a}`);
    expect(old.status).toBe(301);
    expect(old.location).toBe(`/forum/t/${b}`);
    expect(visibleText((await visitor.get(`/forum/t/${b}`)).text)).toContain('How do weavers register');
    // A member may not move threads.
    await author.get(`/forum/t/${b}`);
    expect((await author.request(`/forum/t/${b}/move`, { form: { category: 'funding' } })).status).toBe(403);
  });
});

describe('a group’s category', () => {
  let thread = 0;
  it('is read and written by its members', async () => {
    thread = await startThread(author, groupCategory.slug, {
      title: 'Team only',
      body: 'Confidential quokkadraft',
    });
    expect((await author.get(`/forum/t/${thread}`)).status).toBe(200);
    expect(visibleText((await author.get('/forum?q=quokkadraft')).text)).toContain('Team only');
  });

  it('is moderated by the group’s coordinators, who have no say elsewhere', async () => {
    const { client: coordinator, user } = await hub.signedIn('member', { name: 'Team Coordinator' });
    await db
      .insertInto('group_members')
      .values({
        group_id: groupCategory.group_id ?? 0,
        user_id: user.id,
        role: 'coordinator',
        created_at: nowIso(),
      })
      .execute();
    const post = await firstPostOf(thread);
    await coordinator.get(`/forum/t/${thread}`);
    expect(
      (await coordinator.request(`/forum/p/${post}/hide`, { form: { reason: 'Off topic' } })).status,
    ).toBe(303);
    expect((await coordinator.request(`/forum/p/${post}/restore`, { form: {} })).status).toBe(303);
    const elsewhere = await firstPostOf(await firstThreadIn('policy'));
    expect((await coordinator.request(`/forum/p/${elsewhere}/hide`, { form: { reason: 'x' } })).status).toBe(
      403,
    );
  });

  it('is 404 to others on every surface', async () => {
    for (const client of [stranger, visitor]) {
      expect((await client.get(`/forum/c/${groupCategory.slug}`)).status).toBe(404);
      expect((await client.get(`/forum/t/${thread}`)).status).toBe(404);
      expect((await client.get(`/forum/p/${await firstPostOf(thread)}`)).status).toBe(404);
      expect(visibleText((await client.get('/forum?q=quokkadraft')).text)).not.toContain('Team only');
    }
    expect((await visitor.get(`/forum/c/${groupCategory.slug}/feed.atom`)).status).toBe(404);
    const api = await stranger.request(`/api/v1/forum/threads/${thread}`, { headers: bearer(strangerToken) });
    expect(api.status).toBe(404);
    const list = await stranger.request(`/api/v1/forum/threads?category=${groupCategory.slug}`, {
      headers: bearer(strangerToken),
    });
    expect(list.status).toBe(404);
    const found = await stranger.request('/api/v1/search?q=quokkadraft', { headers: bearer(strangerToken) });
    expect(found.text).not.toContain('Team only');
    const sitemap = await visitor.get('/sitemap.xml');
    expect(sitemap.text).toContain('/forum/c/policy');
    expect(sitemap.text).not.toContain(`/forum/t/${thread}<`);
    expect(sitemap.text).not.toContain('/forum/c/training');
    await stranger.get('/forum');
    expect(
      (
        await stranger.request(`/forum/c/${groupCategory.slug}/new`, {
          form: { title: 'x', body: 'y', lang: 'en' },
        })
      ).status,
    ).toBe(404);
  });
});

describe('refusals', () => {
  it('sends a visitor to sign in, and the API answers 401', async () => {
    expect((await visitor.get('/forum/c/policy/new')).location).toMatch(/^\/login/);
    const thread = await firstThreadIn('policy');
    await visitor.get(`/forum/t/${thread}`);
    const res = await visitor.request(`/forum/t/${thread}/reply`, { form: { body: 'x', lang: 'en' } });
    expect(res.status).toBe(401);
    const react = await visitor.request(`/forum/p/${await firstPostOf(thread)}/react`, {
      form: { reaction: 'like' },
    });
    expect(react.status).toBe(401);
    const api = await visitor.request('/api/v1/forum/threads', {
      json: { category: 'policy', title: 'x', body: 'y', lang: 'en' },
    });
    expect(api.status).toBe(401);
  });

  it('refuses a suspended member’s reply and a new member’s links (the moderation module’s rules), keeping the draft', async () => {
    const thread = await firstThreadIn('policy');
    const { client: suspended, user } = await hub.signedIn();
    await db
      .insertInto('member_suspensions')
      .values({
        user_id: user.id,
        until: new Date(Date.now() + 86_400_000).toISOString(),
        reason: 'Spam in three threads',
        created_by: null,
        created_at: nowIso(),
        lifted_at: null,
        lifted_by: null,
      })
      .execute();
    const refused = await reply(suspended, thread, 'A reply they wrote while suspended');
    expect(refused.status).toBe(403);
    expect(visibleText(refused.text)).toContain('Spam in three threads');
    expect(refused.text).toContain('A reply they wrote while suspended');

    const { client: newcomer } = await hub.signedIn('member', { newMember: true });
    const links = await reply(newcomer, thread, 'https://a.example https://b.example https://c.example');
    expect(links.status).toBe(422);
    expect(visibleText(links.text)).toContain('at most 2 links');
    expect(links.text).toContain('https://c.example');
  });

  it('refuses a filled honeypot and stores nothing', async () => {
    const before = await countPosts();
    const res = await author.submit('/forum/c/policy/new', '/forum/c/policy/new', {
      title: 'Buy now',
      body: 'cheap',
      lang: 'en',
      contact_website: 'http://spam.example',
    });
    expect(res.status).toBe(400);
    expect(await countPosts()).toBe(before);
  });

  it('refuses a filled honeypot on a reaction and a moderator’s form too', async () => {
    const thread = await firstThreadIn('policy');
    const post = await firstPostOf(thread);
    await author.get(`/forum/t/${thread}`);
    const react = await author.request(`/forum/p/${post}/react`, {
      form: { reaction: 'like', contact_website: 'x' },
    });
    expect(react.status).toBe(400);
    await moderator.get(`/forum/t/${thread}`);
    const hide = await moderator.request(`/forum/p/${post}/hide`, {
      form: { reason: 'Spam', contact_website: 'x' },
    });
    expect(hide.status).toBe(400);
    const row = await db
      .selectFrom('forum_posts')
      .select('hidden_at')
      .where('id', '=', post)
      .executeTakeFirstOrThrow();
    expect(row.hidden_at).toBeNull();
  });

  it('shows bad input beside the field with the draft kept', async () => {
    const res = await author.submit('/forum/c/policy/new', '/forum/c/policy/new', {
      title: '',
      body: 'My long draft',
      lang: 'en',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('My long draft');
    expect(res.text).toContain('field-error');
  });

  it('limits how often one address writes, whatever the account', async () => {
    const thread = await firstThreadIn('heritage');
    const post = await firstPostOf(thread);
    const ip = '10.99.99.99';
    let last = 0;
    for (let m = 0; m < 4; m++) {
      const { client } = await hub.signedIn('member');
      client.ip = ip;
      await client.get(`/forum/t/${thread}`);
      for (let i = 0; i < 16; i++) {
        last = (await client.request(`/forum/p/${post}/react`, { form: { reaction: 'like' } })).status;
        if (last === 429) break;
      }
      if (last === 429) break;
    }
    expect(last).toBe(429);
  });

  it('limits how often a member writes: 429, Retry-After and the time to wait', async () => {
    const { client } = await hub.signedIn('member');
    const thread = await firstThreadIn('policy');
    const post = await firstPostOf(thread);
    await client.get(`/forum/t/${thread}`);
    for (let i = 0; i < 20; i++)
      expect((await client.request(`/forum/p/${post}/react`, { form: { reaction: 'like' } })).status).toBe(
        303,
      );
    const res = await reply(client, thread, 'One more thought');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.text).toContain('One more thought');
  });
});

describe('the API', () => {
  it('lists categories, threads and posts, and creates a thread, a reply and a reaction', async () => {
    const auth = bearer(authorToken);
    const categories = JSON.parse((await visitor.get('/api/v1/forum/categories')).text);
    expect(categories.items.map((c: { slug: string }) => c.slug)).toContain('policy');
    expect(categories.items.map((c: { slug: string }) => c.slug)).not.toContain(groupCategory.slug);
    const created = await author.request('/api/v1/forum/threads', {
      json: { category: 'training', title: 'Digital skills', body: 'Who runs the next course?', lang: 'en' },
      headers: auth,
    });
    expect(created.status).toBe(201);
    const thread = JSON.parse(created.text);
    expect(thread).toMatchObject({ category: 'training', title: 'Digital skills', posts: 1 });
    const replied = await author.request(`/api/v1/forum/threads/${thread.id}/posts`, {
      json: { body: 'Me, in March.', lang: 'th' },
      headers: auth,
    });
    expect(replied.status).toBe(201);
    const post = JSON.parse(replied.text);
    const reacted = await author.request(`/api/v1/forum/posts/${post.id}/reactions`, {
      json: { reaction: 'insightful' },
      headers: auth,
    });
    expect(JSON.parse(reacted.text)).toEqual({ reaction: 'insightful', active: true });
    const posts = JSON.parse(
      (await author.request(`/api/v1/forum/threads/${thread.id}/posts`, { headers: auth })).text,
    );
    expect(posts.total).toBe(2);
    expect(posts.items[1]).toMatchObject({ body: 'Me, in March.', lang: 'th', reactions: { insightful: 1 } });
    const list = JSON.parse(
      (await author.request('/api/v1/forum/threads?category=training', { headers: auth })).text,
    );
    expect(list.items[0].title).toBe('Digital skills');
    // A members' category is not for visitors.
    expect((await visitor.get('/api/v1/forum/threads?category=training')).status).toBe(404);
    const bad = await author.request('/api/v1/forum/threads', {
      json: { category: 'policy', title: '', body: '', lang: 'en' },
      headers: auth,
    });
    expect(bad.status).toBe(422);
    const bot = await author.request('/api/v1/forum/threads', {
      json: { category: 'policy', title: 'x', body: 'y', lang: 'en', contact_website: 'spam' },
      headers: auth,
    });
    expect(bot.status).toBe(400);
  });

  it('rebuilds the search entries with `hub search reindex`: a group’s posts scoped to it', async () => {
    const { forumsModule } = await import('./index.ts');
    const entries = [];
    for await (const entry of forumsModule.searchProviders?.[0]?.records(db) ?? []) entries.push(entry);
    expect(entries.length).toBeGreaterThan(10);
    const team = entries.filter((e) => e.scope === `group:${groupCategory.group_id}`);
    expect(team.length).toBeGreaterThan(0);
    expect(team.every((e) => e.visibility === 'scoped')).toBe(true);
    expect(entries.some((e) => e.visibility === 'members')).toBe(true);
  });

  it('puts a member’s posts and reactions in "download my data"', async () => {
    const data = JSON.parse((await author.get('/account/export.json')).text);
    const posts = data.modules.forums.posts as { body: string; category: string }[];
    expect(posts.some((p) => p.body === 'How do weavers register a **pattern**?')).toBe(true);
    expect(data.modules.forums.reads.length).toBeGreaterThan(0);
  });

  it('gives the public categories an Atom feed', async () => {
    const res = await visitor.get('/forum/c/policy/feed.atom');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Civil society inputs to the QPR');
    expect((await visitor.get('/forum/c/training/feed.atom')).status).toBe(404);
  });
});

async function firstThreadIn(slug: string): Promise<number> {
  const row = await db
    .selectFrom('forum_threads')
    .innerJoin('forum_categories', 'forum_categories.id', 'forum_threads.category_id')
    .select('forum_threads.id')
    .where('forum_categories.slug', '=', slug)
    .where('forum_threads.merged_into_id', 'is', null)
    .orderBy('forum_threads.id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function countPosts(): Promise<number> {
  const row = await db
    .selectFrom('forum_posts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
