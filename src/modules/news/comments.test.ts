// Comments on posts through the whole app, on SQLite or PostgreSQL: who may comment and where,
// hiding by the post's author and the editors, what others see of hidden comments, and reports of
// posts and comments through the moderation module's /report.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { type TestClient, visibleText } from '../../../test/harness.ts';
import { expectNotReportable, fileReport, reportFormOf } from '../../../test/reports.ts';
import { newsHub, writePost } from './test-helpers.ts';

const {
  hub,
  owner: { client: author },
  editor: { client: editor },
  stranger: { client: reader },
  orgSlug: org,
} = await newsHub('New Space Arts Foundation');
const { client: other } = await hub.signedIn();
const published =
  (await writePost(author, { title: 'Exhibition opening', organisation: org })).location ?? '';
const draft =
  (await writePost(author, { title: 'Unfinished', organisation: org, status: 'draft' })).location ?? '';
expect(published).toMatch(/^\/news\//);
expect(draft).toMatch(/^\/news\//);

async function comment(client: TestClient, post: string, body: string) {
  await client.get(post);
  return client.request(`${post}/comments`, { form: { body } });
}

async function commentId(body: string): Promise<number> {
  const row = await hub.deps.db
    .selectFrom('post_comments')
    .select('id')
    .where('body', '=', body)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('writing comments', () => {
  it('adds a signed-in member’s comment to a published post', async () => {
    const res = await comment(reader, published, 'Looking forward to it!');
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/#comment-\d+$/);
    const page = await hub.client().get(published);
    expect(visibleText(page.text)).toContain('Looking forward to it!');
    expect(page.text).toContain('1 comment');
  });

  it('refuses visitors (401), comments on drafts (404 to others, 403 to the author) and empty comments (422)', async () => {
    const anon = hub.client();
    await anon.get(published);
    const res = await anon.request(`${published}/comments`, { form: { body: 'Anonymous' } });
    expect(res.status).toBe(401);
    expect((await comment(other, draft, 'On a draft')).status).toBe(404);
    await author.get(draft);
    const own = await author.request(`${draft}/comments`, { form: { body: 'On my draft' } });
    expect(own.status).toBe(403);
    expect(own.text).toContain('Comments open when the post is published.');
    const empty = await comment(reader, published, '   ');
    expect(empty.status).toBe(422);
    expect(empty.text).toContain('id="f-comment-error"');
    const rows = await hub.deps.db.selectFrom('post_comments').select('body').execute();
    expect(rows.map((r) => r.body)).not.toContain('On my draft');
    expect(rows.map((r) => r.body)).not.toContain('Anonymous');
  });

  it('keeps a long comment that is too long, with the message next to the field', async () => {
    const long = 'x'.repeat(3001);
    const res = await comment(reader, published, long);
    expect(res.status).toBe(422);
    expect(res.text).toContain(long);
  });

  it('renders comments as safe Markdown', async () => {
    await comment(
      reader,
      published,
      '<script>alert(1)</script> [x](javascript:alert(1)) ![i](/news/images/1.webp)',
    );
    const page = await hub.client().get(published);
    const comments = page.text.slice(page.text.indexOf('id="comments"'));
    expect(comments).not.toMatch(/<script>alert|href="javascript:|<img src="\/news\/images/);
    expect(comments).toContain('[x](javascript:alert(1))'); // left as text, never a link
  });
});

describe('hiding comments', () => {
  it('lets the post’s author hide a comment: others no longer see it, the author sees it marked', async () => {
    await comment(reader, published, 'Rude words here');
    const id = await commentId('Rude words here');
    // A reader who is not the post's author may not hide it.
    await other.get(published);
    expect((await other.request(`${published}/comments/${id}/hide`, { form: {} })).status).toBe(403);
    await author.get(published);
    const res = await author.request(`${published}/comments/${id}/hide`, { form: {} });
    expect(res.status).toBe(303);
    for (const client of [hub.client(), reader, other]) {
      expect(visibleText((await client.get(published)).text)).not.toContain('Rude words here');
    }
    const own = await author.get(published);
    expect(visibleText(own.text)).toContain('Rude words here');
    expect(own.text).toContain('hidden from readers');
    expect(await auditEntries(hub, { action: 'post.comment_hidden' })).toHaveLength(1);
  });

  it('lets an editor hide and show again any comment', async () => {
    await comment(reader, published, 'Editor will check this');
    const id = await commentId('Editor will check this');
    await editor.get(published);
    expect((await editor.request(`${published}/comments/${id}/hide`, { form: {} })).status).toBe(303);
    expect(visibleText((await hub.client().get(published)).text)).not.toContain('Editor will check this');
    await editor.get(published);
    expect((await editor.request(`${published}/comments/${id}/show`, { form: {} })).status).toBe(303);
    expect(visibleText((await hub.client().get(published)).text)).toContain('Editor will check this');
  });

  it('answers 404 for a comment of another post', async () => {
    const id = await commentId('Looking forward to it!');
    await editor.get(draft);
    expect((await editor.request(`${draft}/comments/${id}/hide`, { form: {} })).status).toBe(404);
  });
});

describe('reports', () => {
  it('files a report on a comment and on a post through /report; a draft cannot be reported by others', async () => {
    const id = await commentId('Looking forward to it!');
    const comment = { type: 'post-comment', key: String(id) };
    const form = await reader.get(reportFormOf(comment));
    expect(form.status).toBe(200);
    expect(visibleText(form.text)).toContain('Exhibition opening');
    const sent = await reader.request('/report', {
      form: { ...comment, reason: 'spam', message: 'Advert' },
    });
    expect(sent.status).toBe(303);
    const slug = published.replace('/news/', '');
    expect((await fileReport(reader, { type: 'post', key: slug })).status).toBe(303);
    const reports = await hub.deps.db.selectFrom('reports').select(['target_type', 'target_key']).execute();
    expect(reports).toEqual(
      expect.arrayContaining([
        { target_type: 'post-comment', target_key: String(id) },
        { target_type: 'post', target_key: slug },
      ]),
    );
    await expectNotReportable(other, { type: 'post', key: draft.replace('/news/', '') });
    // The queue's link to a reported comment leads to it on its post.
    const link = await editor.get(`/news/comments/${id}`);
    expect(link.location).toBe(`${published}#comment-${id}`);
  });
});
