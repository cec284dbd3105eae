// What the module kit gives the news, through the whole app on SQLite or PostgreSQL: the filtered
// list as CSV and XLSX (read back by a strict parser), with drafts and scheduled posts in no export
// until they are published; the report links of a post and a comment; single-line fields that
// refuse control characters with a message (page and API); and "download my data".
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '../../../test/api.ts';
import { type TestClient, visibleText } from '../../../test/harness.ts';
import { CONTROL_CHARACTER, expectFormRefused, ONE_LINE } from '../../../test/refusals.ts';
import { reportFormOf, reportLinkOf } from '../../../test/reports.ts';
import {
  csvDownload,
  csvRows,
  expectLineBreaksKept,
  LINE_BREAKS,
  storeText,
  xlsxDownload,
} from '../../../test/spreadsheets.ts';
import { newsHub, postCount, postForm, sendMultipart, writePost } from './test-helpers.ts';

const slugOf = (location: string | null) => (location ?? '').replace('/news/', '');

const {
  hub,
  editor: { client: editor, token: editorToken },
  owner: { client: owner },
  orgSlug,
} = await newsHub('Lantern Collective');
let scheduled: string;

beforeAll(async () => {
  await editor.get('/news/new');
  const alpha = await sendMultipart(editor, '/news/new', {
    ...postForm({ title: 'Alpha weavers meet', tags: 'crafts, silk' }),
    tr_lang: 'vi',
    tr_title: 'Thợ dệt Alpha gặp nhau',
    tr_body: 'Nội dung.',
  });
  expect(alpha.status).toBe(303);
  // A title a spreadsheet would run as a formula.
  const posts: Record<string, string>[] = [
    { title: '=1+2 Lantern story', category: 'story', organisation: orgSlug },
    { title: 'Gamma draft', organisation: orgSlug, status: 'draft' },
  ];
  for (const fields of posts) expect((await writePost(owner, fields)).status).toBe(303);
  const inTwoHours = new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 16);
  const later = await writePost(editor, {
    title: 'Delta scheduled',
    status: 'schedule',
    publish_at: inTwoHours,
  });
  scheduled = slugOf(later.location);
}, 60_000);
afterEach(() => {
  vi.useRealTimers();
});

/** The news export of `path` as `client` gets it, read back strictly. */
const newsCsv = async (client: TestClient, path: string) =>
  (await csvDownload(client, path, 'news.csv')).rows;

describe('exports of the list', () => {
  it('gives the filtered list as CSV, one row per published post, formulas neutralised', async () => {
    const rows = await newsCsv(hub.client(), '/news/export.csv?category=story');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: "'=1+2 Lantern story",
      category: 'story',
      organisation: 'Lantern Collective',
      lang: 'en',
      tags: 'crafts; silk',
    });
    expect(rows[0]?.page).toMatch(/^http:\/\/hub\.test\/news\/1-2-lantern-story$/);
    // The list page links to the export of the same selection.
    const list = await hub.client().get('/news?category=story');
    expect(list.text).toContain('href="/news/export.csv?category=story"');
    expect(list.text).toContain('href="/news/export.xlsx?category=story"');
  });

  it('gives titles in the reader’s language beside the original', async () => {
    const res = await hub.client().get('/news/export.csv?tag=silk', { 'accept-language': 'vi' });
    const rows = csvRows(res.text);
    const alpha = rows.find((r) => r.title === 'Alpha weavers meet');
    expect(alpha?.translated_title).toBe('Thợ dệt Alpha gặp nhau');
  });

  it('leaves drafts and scheduled posts out for everyone, their writers too, until they are published', async () => {
    for (const client of [hub.client(), owner, editor]) {
      const titles = (await newsCsv(client, '/news/export.csv')).map((r) => r.title);
      expect(titles).toContain('Alpha weavers meet');
      expect(titles).not.toContain('Gamma draft');
      expect(titles).not.toContain('Delta scheduled');
    }
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.now() + 3 * 3600_000));
    const rows = await newsCsv(hub.client(), '/news/export.csv');
    expect(rows.map((r) => r.page)).toContain(`http://hub.test/news/${scheduled}`);
    expect(rows.map((r) => r.title)).not.toContain('Gamma draft');
  });

  it('gives the whole list as an XLSX workbook', async () => {
    const sheet = await xlsxDownload(hub.client(), '/news/export.xlsx', 'news.xlsx');
    expect(sheet.name).toBe('News');
    expect(sheet.getRow(1).getCell(2).value).toBe('title');
    const published = await hub.deps.db
      .selectFrom('posts')
      .select('id')
      .where('published_at', '<=', new Date().toISOString())
      .execute();
    expect(sheet.rowCount).toBe(published.length + 1);
  });
});

describe('reporting', () => {
  it('links a published post and its comments to the report form for signed-in readers', async () => {
    const slug = '1-2-lantern-story';
    const { client: reader } = await hub.signedIn();
    await reader.get(`/news/${slug}`);
    expect(
      (await reader.request(`/news/${slug}/comments`, { form: { body: 'Lovely lanterns' } })).status,
    ).toBe(303);
    const id = (
      await hub.deps.db
        .selectFrom('post_comments')
        .select('id')
        .where('body', '=', 'Lovely lanterns')
        .executeTakeFirstOrThrow()
    ).id;
    const page = await reader.get(`/news/${slug}`);
    expect(page.text).toContain(reportLinkOf({ type: 'post', key: slug }));
    expect(page.text).toContain(reportLinkOf({ type: 'post-comment', key: String(id) }));
    expect(visibleText(page.text)).toContain('Report this post');
    const form = await reader.get(reportFormOf({ type: 'post', key: slug }));
    expect(form.status).toBe(200);
    expect(visibleText(form.text)).toContain('=1+2 Lantern story');
    // A draft's writer sees no report link on it.
    const draft = await owner.get('/news/gamma-draft');
    expect(draft.text).not.toContain('/report?type=post&amp;key=gamma-draft');
  });
});

describe('control characters', () => {
  it('refuses a line break in the title and U+0000 in the text, keeping everything typed', async () => {
    const before = await postCount(hub);
    const res = await writePost(editor, {
      title: 'Line one\nline two',
      body: 'A hub\u0000 opens',
      tags: 'kept tag',
    });
    expectFormRefused(res, [ONE_LINE, CONTROL_CHARACTER], ['value="kept tag"']);
    expect(await postCount(hub)).toBe(before);
  });

  it('refuses them in a comment, a tag and a cover description', async () => {
    await editor.get('/news/alpha-weavers-meet');
    const comment = await editor.request('/news/alpha-weavers-meet/comments', { form: { body: 'Hi\u0007' } });
    expect(comment.status).toBe(422);
    expect(comment.text).toContain('id="f-comment-error"');
    const tag = await writePost(editor, { title: 'Tagged', tags: 'ok, bad\u0001tag' });
    expect(tag.status).toBe(422);
    expect(tag.text).toContain('id="f-tags-error"');
    const alt = await writePost(editor, { title: 'Alt', cover_alt: 'two\u2028lines' });
    expect(alt.status).toBe(422);
    expect(alt.text).toContain('id="f-cover_alt-error"');
  });

  it('answers the API with 422 and the message under errors', async () => {
    const res = await api(hub, editorToken, 'POST', '/api/v1/posts', {
      title: 'Title\r\nbroken',
      lang: 'en',
      body: 'Text',
      status: 'publish',
    });
    expect(res.status).toBe(422);
    expect((res.body.errors as Record<string, string>).title).toContain('one line');
  });
});

describe('download my data', () => {
  it('holds the member’s posts (with where each stands) and comments', async () => {
    const res = await owner.get('/account/export.json');
    expect(res.status).toBe(200);
    const news = JSON.parse(res.text).modules.news;
    expect(news.posts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ slug: '1-2-lantern-story', status: 'published' }),
        { slug: 'gamma-draft', title: 'Gamma draft', status: 'draft', published_at: null },
      ]),
    );
    expect(news.posts.map((p: { slug: string }) => p.slug)).not.toContain('alpha-weavers-meet');
    await owner.get('/news/alpha-weavers-meet');
    await owner.request('/news/alpha-weavers-meet/comments', { form: { body: 'Mine' } });
    const again = JSON.parse((await owner.get('/account/export.json')).text).modules.news;
    expect(again.comments).toEqual([
      { post: 'alpha-weavers-meet', body: 'Mine', created_at: expect.any(String) },
    ]);
  });
});

describe('line breaks in a cell', () => {
  // Last in the file: it changes a post.
  it('keep a title stored on several lines in one cell of its post’s row', async () => {
    await storeText(hub, { table: 'posts', column: 'title', where: ['title', 'Alpha weavers meet'] });
    const rows = await expectLineBreaksKept(hub.client(), '/news/export.csv', 'title');
    expect(rows.find((r) => r.title === LINE_BREAKS)?.tags).toBe('crafts; silk');
  });
});
