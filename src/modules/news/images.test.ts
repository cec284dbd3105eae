// Covers and images for the text through the whole app, on SQLite or PostgreSQL: real images made
// with sharp are accepted and served as WebP; a wrong type (415) or a file too big (413) is refused
// with the form shown again, everything typed kept and nothing saved.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rowCount } from '../../../test/counts.ts';
import { jsonLdOf, type TestClient, visibleText } from '../../../test/harness.ts';
import { notImages, oversized, picture } from '../../../test/images.ts';
import { NEWS_IMAGE_MAX_BYTES } from './images.ts';
import { newsHub, postCount, postForm, sendMultipart, writePost } from './test-helpers.ts';

const png = (width: number, height: number) => picture(width, height).png().toBuffer();

const {
  hub,
  owner: { client: owner },
  stranger: { client: stranger },
  orgSlug,
} = await newsHub('Truc Chi Gallery');

/** Uploads an image for the text of `post`, from `page` (for its CSRF token). */
async function uploadImage(
  client: TestClient,
  page: string,
  post: string,
  file: { name: string; type: string; bytes: Uint8Array },
) {
  await client.get(page);
  return sendMultipart(client, `${post}/images`, {}, { ...file, field: 'image' });
}

async function newPostWithCover(
  fields: Record<string, string>,
  file: { name: string; type: string; bytes: Uint8Array },
) {
  await owner.get('/news/new');
  return sendMultipart(owner, '/news/new', postForm({ organisation: orgSlug, ...fields }), file);
}

describe('cover images', () => {
  it('takes a PNG, serves it as WebP, and names it in OpenGraph and JSON-LD', async () => {
    const res = await newPostWithCover(
      { title: 'Paper art show', cover_alt: 'Lanterns of bamboo paper' },
      { name: 'cover.png', type: 'image/png', bytes: await png(2400, 1200) },
    );
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const page = await hub.client().get(res.location ?? '');
    const src = page.text.match(
      /<img src="(\/news\/paper-art-show\/cover\.webp\?v=[^"]+)" alt="Lanterns of bamboo paper" width="1200" height="600"/,
    )?.[1];
    expect(src).toBeDefined();
    expect(page.text).toContain(`<meta property="og:image" content="http://hub.test${src}"/>`);
    expect(jsonLdOf(page.text).image).toBe(`http://hub.test${src}`);
    const image = await hub.app.request(src ?? '');
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await image.arrayBuffer())).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.width).toBe(1200);
    // The list shows the small one.
    expect((await hub.client().get('/news')).text).toContain('/news/paper-art-show/cover.webp?v=');
  });

  it('refuses a file that is not an image (415), keeping the text and saving nothing', async () => {
    const before = await postCount(hub);
    const res = await newPostWithCover(
      { title: 'Kept title', body: 'Kept body text' },
      {
        name: 'cover.png',
        type: 'image/png',
        bytes: notImages.svg,
      },
    );
    expect(res.status).toBe(415);
    expect(res.text).toContain('id="f-cover-error"');
    expect(res.text).toContain('value="Kept title"');
    expect(res.text).toContain('Kept body text');
    expect(await postCount(hub)).toBe(before);
  });

  it('refuses a file above the limit (413), saving nothing', async () => {
    const before = await postCount(hub);
    const big = oversized(NEWS_IMAGE_MAX_BYTES / 1024 / 1024 + 1);
    const res = await newPostWithCover(
      { title: 'Too big cover' },
      { name: 'big.png', type: 'image/png', bytes: big },
    );
    expect(res.status).toBe(413);
    expect(res.text).toContain('The image is larger than 5 MB.');
    expect(await postCount(hub)).toBe(before);
  });

  it('keeps the cover of a draft from strangers', async () => {
    const res = await newPostWithCover(
      { title: 'Draft with cover', status: 'draft' },
      { name: 'c.png', type: 'image/png', bytes: await png(300, 200) },
    );
    expect(res.status).toBe(303);
    expect((await stranger.get(`${res.location}/cover.webp`)).status).toBe(404);
    const mine = await owner.get(`${res.location}/cover.webp`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('cache-control')).toContain('private');
  });
});

describe('images for the text', () => {
  it('uploads an image, offers its Markdown snippet, and shows it in the post', async () => {
    const res = await writePost(owner, {
      title: 'Gallery night',
      organisation: orgSlug,
      status: 'draft',
    });
    const post = res.location ?? '';
    const up = await uploadImage(owner, `${post}/edit`, post, {
      name: 'p.jpg',
      type: 'image/jpeg',
      bytes: await picture(800, 600).jpeg().toBuffer(),
    });
    expect(up.status).toBe(303);
    const edit = await owner.get(`${post}/edit`);
    const snippet = edit.text.match(/value="!\[\]\((\/news\/images\/(\d+)\.webp)\)"/);
    expect(snippet).not.toBeNull();
    const path = snippet?.[1] ?? '';
    // The draft's image is its writers' until the post is published.
    expect((await stranger.get(path)).status).toBe(404);
    expect((await owner.get(path)).status).toBe(200);

    await owner.get(`${post}/edit`);
    const saved = await sendMultipart(
      owner,
      `${post}/edit`,
      postForm({
        title: 'Gallery night',
        organisation: orgSlug,
        body: `Look: ![The gallery at night](${path})`,
      }),
    );
    expect(saved.status).toBe(303);
    const page = await hub.client().get(post);
    expect(page.text).toContain(`<img src="${path}" alt="The gallery at night" loading="lazy" />`);
    const image = await hub.client().get(path);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
  });

  it('refuses a wrong file (415) on the edit page, and strangers may not upload (403)', async () => {
    const res = await writePost(owner, { title: 'Another night', organisation: orgSlug });
    const post = res.location ?? '';
    const bad = await uploadImage(owner, `${post}/edit`, post, {
      name: 'x.gif',
      type: 'image/gif',
      bytes: notImages.html,
    });
    expect(bad.status).toBe(415);
    expect(bad.text).toContain('id="f-image-error"');
    const refused = await uploadImage(stranger, post, post, {
      name: 'p.png',
      type: 'image/png',
      bytes: await png(10, 10),
    });
    expect(refused.status).toBe(403);
    expect(await rowCount(hub, 'post_images')).toBe(1);
  });
});
