// News posts through the whole app, on SQLite or PostgreSQL: writing, publishing and scheduling,
// who may post for whom, what strangers see of drafts (nothing, anywhere), hostile Markdown, the
// Atom feeds (read back with a real feed parser), the sitemap, search and the page's JSON-LD.
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestPlatform, jsonLdOf, type TestClient, visibleText } from '../../../test/harness.ts';
import { JobRunner } from '../../platform/jobs/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { seedDirectory } from '../directory/seed.ts';
import { newsModule } from './index.ts';
import { seedNews } from './seed.ts';
import {
  createOrganisation,
  newsHub,
  postCount,
  postForm,
  sendMultipart,
  writePost,
} from './test-helpers.ts';
import { BODY_IMAGE_PATH } from './vocab.ts';

const {
  hub,
  editor: { client: editor },
  owner: { client: owner },
  stranger: { client: stranger },
  orgSlug,
} = await newsHub('Heritage Space');
const otherOrgSlug = await createOrganisation(stranger, { name: 'Sàn Art' });
afterEach(() => {
  vi.useRealTimers();
});

const slugOf = (location: string | null) => (location ?? '').replace('/news/', '');

/** When the post was first published, as the table holds it. */
const publishedAtOf = async (slug: string) =>
  (
    await hub.deps.db
      .selectFrom('posts')
      .select('published_at')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
  ).published_at;

async function searchFinds(client: TestClient, word: string, slug: string): Promise<boolean> {
  const res = await client.get(`/api/v1/search?q=${encodeURIComponent(word)}`);
  expect(res.status).toBe(200);
  return res.text.includes(`/news/${slug}`);
}

describe('writing and publishing', () => {
  it('publishes the hub’s own news for an editor, with its page, list entry, tags and JSON-LD', async () => {
    const res = await writePost(editor, {
      title: 'Creative hubs meet in Hue',
      body: 'A **policy dialogue** in Hue.',
    });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const slug = slugOf(res.location);
    expect(slug).toBe('creative-hubs-meet-in-hue');

    const page = await hub.client().get(`/news/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>policy dialogue</strong>');
    expect(page.text).toContain('<meta property="og:type" content="article"/>');
    expect(page.text).toContain('href="/news?tag=crafts"');
    expect(page.text).toContain('#silk');
    const ld = jsonLdOf(page.text);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Creative hubs meet in Hue');
    expect(ld.inLanguage).toBe('en');
    expect(typeof ld.datePublished).toBe('string');
    expect(typeof ld.dateModified).toBe('string');
    expect(ld.publisher).toMatchObject({ '@type': 'Organization', name: hub.deps.config.siteName });
    expect(ld.author).toBeDefined();

    const list = await hub.client().get('/news');
    expect(list.text).toContain(`href="/news/${slug}"`);
    expect(list.text).toMatch(
      /<link rel="alternate" type="application\/atom\+xml"[^>]*href="\/news\/feed\.atom"/,
    );
  });

  it('lets an organisation’s member post for it: a BlogPosting published by the organisation', async () => {
    const res = await writePost(owner, {
      title: 'Open studio weekend',
      organisation: orgSlug,
      category: 'blog',
      body: 'Come and see.',
    });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const page = await hub.client().get(res.location ?? '');
    const ld = jsonLdOf(page.text);
    expect(ld['@type']).toBe('BlogPosting');
    expect(ld.publisher).toMatchObject({
      name: 'Heritage Space',
      url: `http://hub.test/directory/${orgSlug}`,
    });
    expect(page.text).toContain(`href="/directory/${orgSlug}"`);
    // Its people can edit it; a stranger cannot.
    expect((await owner.get(`${res.location}/edit`)).status).toBe(200);
    expect((await stranger.get(`${res.location}/edit`)).status).toBe(403);
  });

  it('refuses posting for an organisation the writer does not belong to (403), keeping the form and saving nothing', async () => {
    const before = await postCount(hub);
    const res = await writePost(owner, {
      title: 'Not mine to post',
      organisation: otherOrgSlug,
      body: 'Kept text',
    });
    expect(res.status).toBe(403);
    expect(res.text).toContain('You can post only for organisations you belong to.');
    expect(res.text).toContain('value="Not mine to post"');
    expect(res.text).toContain('Kept text');
    expect(await postCount(hub)).toBe(before);
  });

  it('keeps the hub’s own news for editors: a member without the editor role gets 403', async () => {
    const res = await writePost(owner, { title: 'Site news by a member', organisation: '' });
    expect(res.status).toBe(403);
    expect(res.text).toContain('posted by its editors');
  });

  it('refuses a member of no organisation the form (403), and visitors are sent to log in', async () => {
    expect((await stranger.get('/news/new')).status).toBe(200); // stranger owns Sàn Art
    const { client: loner } = await hub.signedIn();
    expect((await loner.get('/news/new')).status).toBe(403);
    const anon = await hub.client().get('/news/new');
    expect(anon.status).toBe(303);
    expect(anon.location).toContain('/login');
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'without a title',
      { title: '', body: 'My long draft text that must not be lost' },
      ['id="f-title-error"', 'My long draft text that must not be lost'],
    ],
    ['with an empty text to publish', { title: 'Empty', body: '', status: 'publish' }, ['id="f-body-error"']],
    [
      'with a moment that has passed',
      { title: 'Late', status: 'schedule', publish_at: '2001-01-01T10:00' },
      ['That moment has passed', 'value="2001-01-01T10:00"'],
    ],
    [
      'with a day that does not exist',
      { title: 'Bad day', status: 'schedule', publish_at: '2099-02-30T10:00' },
      ['id="f-publish_at-error"', 'value="2099-02-30T10:00"'],
    ],
    ['with eleven tags', { tags: 'a,b,c,d,e,f,g,h,i,j,k' }, ['At most 10 tags.']],
  ])(
    'shows the form %s again with the message next to the field and everything typed, saving nothing',
    async (_, fields, shown) => {
      const before = await postCount(hub);
      const res = await writePost(editor, fields);
      expect(res.status).toBe(422);
      for (const text of shown) expect(res.text).toContain(text);
      expect(await postCount(hub)).toBe(before);
    },
  );

  it('previews the text without saving it', async () => {
    const before = await postCount(hub);
    await editor.get('/news/new');
    const res = await sendMultipart(editor, '/news/new', {
      ...postForm({ body: 'Preview *me*' }),
      preview: '1',
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<em>me</em>');
    expect(await postCount(hub)).toBe(before);
  });

  it('edits a post, keeping its first publication moment', async () => {
    const res = await writePost(editor, { title: 'To be edited' });
    const slug = slugOf(res.location);
    const first = await publishedAtOf(slug);
    await editor.get(`/news/${slug}/edit`);
    const saved = await sendMultipart(
      editor,
      `/news/${slug}/edit`,
      postForm({ title: 'Edited title', body: 'New text' }),
    );
    expect(saved.status).toBe(303);
    const page = await hub.client().get(`/news/${slug}`);
    expect(page.text).toContain('Edited title');
    const after = await publishedAtOf(slug);
    expect(after).toBe(first);
  });

  it('never gives a post a reserved slug', async () => {
    const res = await writePost(editor, { title: 'New' });
    expect(res.location).toBe('/news/new-2');
    expect((await hub.client().get('/news/new-2')).status).toBe(200);
  });
});

describe('drafts', () => {
  let slug: string;
  beforeAll(async () => {
    const res = await writePost(owner, {
      title: 'Secret zebraword plans',
      body: 'Draft zebraword text.',
      organisation: orgSlug,
      status: 'draft',
    });
    expect(res.status).toBe(303);
    slug = slugOf(res.location);
  });

  it('is seen by its writer, marked as a draft', async () => {
    const page = await owner.get(`/news/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('This is a draft');
    expect(page.text).toContain('<meta name="robots" content="noindex"/>');
  });

  it('answers 404 to a stranger and a visitor: page, edit page, API, and it is absent from list, feed, sitemap and search', async () => {
    for (const client of [stranger, hub.client()]) {
      const page = await client.get(`/news/${slug}`);
      expect(page.status).toBe(404);
      // The address itself is echoed (og:url); nothing of the post is.
      expect(visibleText(page.text)).not.toContain('zebraword');
      expect(page.text).not.toContain('Secret zebraword plans');
      expect((await client.get(`/api/v1/posts/${slug}`)).status).toBe(404);
      expect((await client.get('/news')).text).not.toContain('zebraword');
      expect((await client.get('/news/feed.atom')).text).not.toContain('zebraword');
      expect((await client.get('/sitemap.xml')).text).not.toContain(slug);
      expect(await searchFinds(client, 'zebraword', slug)).toBe(false);
      expect((await client.get(`/news/${slug}/edit`)).status).toBe(client === stranger ? 404 : 303);
    }
    // Its writer finds it in search.
    expect(await searchFinds(owner, 'zebraword', slug)).toBe(true);
  });
});

describe('scheduled publishing', () => {
  it('keeps a scheduled post out of every list until its moment, then shows it everywhere; the job makes it searchable', async () => {
    const inTwoHours = new Date(Date.now() + 2 * 3600_000);
    // The writer's time zone is the hub's default (UTC): the form's local time is UTC here.
    const local = inTwoHours.toISOString().slice(0, 16);
    const res = await writePost(editor, {
      title: 'Quokkaword announcement',
      body: 'Quokkaword opens.',
      status: 'schedule',
      publish_at: local,
      category: 'announcement',
    });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const slug = slugOf(res.location);
    expect(await publishedAtOf(slug)).toBe(`${local}:00.000Z`);

    const anon = hub.client();
    expect((await anon.get(`/news/${slug}`)).status).toBe(404);
    expect((await anon.get('/news')).text).not.toContain('Quokkaword');
    expect((await anon.get('/news/feed.atom?category=announcement')).text).not.toContain('Quokkaword');
    expect((await anon.get('/sitemap.xml')).text).not.toContain(slug);
    expect((await anon.get(`/api/v1/posts/${slug}`)).status).toBe(404);
    expect(await searchFinds(anon, 'quokkaword', slug)).toBe(false);
    const mine = await editor.get(`/news/${slug}`);
    expect(mine.text).toContain('Scheduled: readers will see this post from');

    // A server's runner holds the recurring job from its start.
    const runner = new JobRunner(hub.deps, newsModule.jobs ?? []);
    await runner.ensureRecurring();
    // Three hours later, before anyone asks for a news page: search still holds it private until
    // the recurring job news.publish-due has run (every minute in each server's runner).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + 3 * 3600_000));
    expect(await searchFinds(anon, 'quokkaword', slug)).toBe(false);
    expect((await runner.runDue()).map((o) => [o.job.name, o.ok])).toEqual([['news.publish-due', true]]);
    expect(await searchFinds(anon, 'quokkaword', slug)).toBe(true);
    // The pages decide from the moment itself.
    const page = await anon.get(`/news/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Scheduled:');
    expect((await anon.get('/news')).text).toContain(`href="/news/${slug}"`);
    expect((await anon.get('/news/feed.atom?category=announcement')).text).toContain('Quokkaword');
    expect((await anon.get('/sitemap.xml')).text).toContain(`/news/${slug}`);
  });
});

describe('hostile Markdown', () => {
  const hostile = [
    '<script>alert("s")</script>',
    '[click](javascript:alert(1))',
    '<img src="/news/images/1.webp" onerror="alert(2)">',
    '![pixel](data:image/png;base64,iVBORw0KGgo=)',
    '![tracker](https://evil.example/pixel.png)',
    '![proto](//evil.example/news/images/2.webp)',
    '<a href="javascript:alert(3)">x</a>',
    '![own](/news/images/7.webp)',
  ].join('\n\n');

  it('renders only safe HTML: no script, no javascript: link, no handler, images only from /news/images/', async () => {
    const res = await writePost(editor, { title: 'Hostile text', body: hostile });
    expect(res.status).toBe(303);
    const page = await hub.client().get(res.location ?? '');
    const body = page.text.match(/<div class="prose post-body"[^>]*>([\s\S]*?)<\/div>/)?.[1] ?? '';
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/javascript:/i);
    expect(body).not.toMatch(/onerror/i);
    expect(body).not.toContain('data:image');
    expect(body).not.toContain('evil.example');
    expect(body).toContain('<img src="/news/images/7.webp" alt="own" loading="lazy" />');
    const feed = await hub.client().get('/news/feed.atom');
    expect(feed.text).not.toMatch(/javascript:|onerror|evil\.example|&lt;script/i);
    expect(feed.text).toContain('http://hub.test/news/images/7.webp');
  });

  it('keeps other callers of renderMarkdown without images, and drops foreign sources with the option', () => {
    expect(renderMarkdown('![own](/news/images/7.webp)')).not.toContain('<img');
    const html = renderMarkdown(
      '![a](https://x.example/a.png) ![b](data:image/gif;base64,R0l) ![c](javascript:x) ![d](/news/images/3.webp)',
      {
        localImages: BODY_IMAGE_PATH,
      },
    );
    expect(html.match(/<img/g)?.length).toBe(1);
    expect(html).toContain('src="/news/images/3.webp"');
  });
});

describe('translations', () => {
  it('shows the reader’s language where a translation exists, the original marked and one click away', async () => {
    await editor.get('/news/new');
    const res = await sendMultipart(editor, '/news/new', {
      ...postForm({ title: 'Dialogue in Hue', body: 'English text.', tags: '' }),
      tr_lang: 'vi',
      tr_title: 'Đối thoại tại Huế',
      tr_body: 'Nội dung tiếng Việt.',
    });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const slug = slugOf(res.location);
    const vi = await hub.client().get(`/news/${slug}`, { 'accept-language': 'vi' });
    expect(vi.text).toContain('<h1 lang="vi">Đối thoại tại Huế</h1>');
    expect(vi.text).toContain(`href="/news/${slug}?lang=en"`);
    expect(jsonLdOf(vi.text).inLanguage).toBe('vi');
    const original = await hub.client().get(`/news/${slug}?lang=en`, { 'accept-language': 'vi' });
    expect(original.text).toContain('<h1 lang="en">Dialogue in Hue</h1>');
    const en = await hub.client().get(`/news/${slug}`);
    expect(en.text).toContain('<h1 lang="en">Dialogue in Hue</h1>');
    // The language filter finds posts translated into a language too.
    expect((await hub.client().get('/news?language=vi')).text).toContain(`/news/${slug}`);
  });
});

describe('Atom feeds', () => {
  it('parse with a real feed parser, with absolute links and HTML content, one per filter', async () => {
    await writePost(owner, {
      title: 'Studio tagged feedonly',
      organisation: orgSlug,
      tags: 'feedonly',
      category: 'story',
    });
    const all = await hub.client().get('/news/feed.atom');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toContain('application/atom+xml');
    const feed = parseFeed(all.text);
    expect(feed.items.length).toBeGreaterThan(3);
    for (const item of feed.items) {
      expect(item.url).toMatch(/^http:\/\/hub\.test\/news\//);
      expect(item.published).toBeInstanceOf(Date);
    }
    const hue = feed.items.find((i) => i.title === 'Creative hubs meet in Hue');
    expect(hue?.content).toContain('<strong>policy dialogue</strong>');

    const byTag = parseFeed((await hub.client().get('/news/feed.atom?tag=feedonly')).text);
    expect(byTag.items.map((i) => i.title)).toEqual(['Studio tagged feedonly']);
    expect(byTag.title).toContain('#feedonly');
    const byOrg = parseFeed((await hub.client().get(`/news/feed.atom?organisation=${orgSlug}`)).text);
    expect(byOrg.items.length).toBeGreaterThan(0);
    expect(byOrg.items.every((i) => i.authors.some((a) => a.name === 'Heritage Space'))).toBe(true);
    const byCategory = parseFeed((await hub.client().get('/news/feed.atom?category=story')).text);
    expect(byCategory.items.map((i) => i.title)).toEqual(['Studio tagged feedonly']);
    // The filtered list announces the filtered feed.
    const list = await hub.client().get('/news?tag=feedonly');
    expect(list.text).toContain('href="/news/feed.atom?tag=feedonly"');
  });
});

describe('demo content', () => {
  it('seeds the four gatherings of the source documents, for their organisers, with a Vietnamese translation', async () => {
    const seeded = await createTestPlatform();
    try {
      await seedDirectory({ deps: seeded.deps, seedDir: '' });
      await seedNews({ deps: seeded.deps, seedDir: '' });
      await seedNews({ deps: seeded.deps, seedDir: '' });
      const posts = await seeded.deps.db
        .selectFrom('posts')
        .leftJoin('organisations', 'organisations.id', 'posts.organisation_id')
        .select(['posts.slug', 'posts.published_at', 'organisations.slug as org'])
        .orderBy('posts.published_at')
        .execute();
      expect(posts.map((p) => [p.org, p.published_at?.slice(0, 10)])).toEqual([
        ['unesco-hanoi', '2016-11-24'],
        ['unesco-beijing', '2017-06-22'],
        [null, '2017-09-20'],
        ['mekong-institute', '2024-09-09'],
      ]);
      const hue = await seeded
        .client()
        .get('/news/hue-policy-dialogue-creative-hubs-2016', { 'accept-language': 'vi' });
      expect(hue.text).toContain('Đối thoại chính sách về không gian sáng tạo');
      const list = visibleText((await seeded.client().get('/news')).text);
      expect(list).toContain('64 participants in Vientiane workshop');
      expect(list).toContain('Qingdao consultative meeting');
    } finally {
      await seeded.close();
    }
  }, 60_000);
});
