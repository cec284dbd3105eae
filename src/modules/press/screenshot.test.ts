// Screenshots of clippings through the whole app, on SQLite or PostgreSQL: a real image is
// re-encoded and served as WebP; a wrong type (415), a too big file (413) or a file name with a
// path or control characters (422) is refused with the message next to the field, the typed input
// kept, and nothing saved — neither the clipping nor the image.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rowCount } from '../../../test/counts.ts';
import { platformForFile, type Sent, visibleText } from '../../../test/harness.ts';
import { notImages, picture, undecodablePng } from '../../../test/images.ts';
import { clippingForm, countClippings, postClippingForm } from './test-helpers.ts';

const hub = await platformForFile();
const { client: editor } = await hub.signedIn('editor');

const addWith = (file: { name: string; type: string; bytes: Uint8Array }, fields = clippingForm()) =>
  postClippingForm(editor, '/press/new', '/press/new', fields, file);

const screenshotCount = () => rowCount(hub, 'press_screenshots');

/** The id of the clipping a saved form redirected to. */
const clippingIdOf = (res: Sent) => Number(res.location?.replace('/press/', ''));

/** The screenshot row of a clipping, which must have one. */
const screenshotOf = (id: number) =>
  hub.deps.db
    .selectFrom('press_screenshots')
    .select(['full_width', 'updated_at'])
    .where('clipping_id', '=', id)
    .executeTakeFirstOrThrow();

describe('accepted screenshots', () => {
  it('re-encodes a PNG as WebP at two sizes and shows it on the page, in JSON-LD and in the API', async () => {
    const png = await picture(2400, 1600).png().toBuffer();
    const res = await addWith({ name: 'shot.png', type: 'image/png', bytes: png });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const id = clippingIdOf(res);

    const page = await hub.client().get(`/press/${id}`);
    const thumb = page.text.match(
      /<img src="(\/press\/\d+\/screenshot\.webp\?v=[^"]+&amp;size=thumb)"[^>]*width="320" height="213"/,
    )?.[1];
    expect(thumb).toBeDefined();
    const full = page.text.match(/<a href="(\/press\/\d+\/screenshot\.webp\?v=[^"&]+)">/)?.[1] ?? '';
    expect(page.text).toContain(`<meta property="og:image" content="http://hub.test${full}"/>`);
    expect(page.text).toContain(`"image":"http://hub.test${full}"`);

    const served = await hub.app.request(full);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1200, 800]);

    const api = await (await hub.app.request(`/api/v1/press/${id}`)).json();
    expect(api.screenshot).toBe(`http://hub.test${full}`);
  });

  it('replaces and removes the screenshot from the edit form', async () => {
    const created = await addWith({
      name: 'a.jpg',
      type: 'image/jpeg',
      bytes: await picture(300, 200).jpeg().toBuffer(),
    });
    const id = clippingIdOf(created);
    const edit = `/press/${id}/edit`;
    const replaced = await postClippingForm(editor, edit, edit, clippingForm(), {
      name: 'b.webp',
      type: 'image/webp',
      bytes: await picture(640, 480).webp().toBuffer(),
    });
    expect(replaced.status).toBe(303);
    expect((await screenshotOf(id)).full_width).toBe(640);

    const removed = await postClippingForm(editor, edit, edit, {
      ...clippingForm(),
      remove_screenshot: '1',
    });
    expect(removed.status).toBe(303);
    expect((await hub.client().get(`/press/${id}`)).text).not.toContain('screenshot.webp');
    expect((await hub.app.request(`/press/${id}/screenshot.webp`)).status).toBe(404);
  });
});

describe('refused screenshots', () => {
  it('refuses an HTML file named shot.png with 415, keeping the input and saving nothing', async () => {
    const clippings = await countClippings(hub);
    const shots = await screenshotCount();
    const res = await addWith(
      { name: 'shot.png', type: 'image/png', bytes: notImages.html },
      clippingForm({ title: 'Title typed by the editor' }),
    );
    expect(res.status).toBe(415);
    expect(res.text).toContain(
      '<p class="field-error" id="f-screenshot-error">This file is not a JPEG, PNG, WebP or GIF image.</p>',
    );
    expect(res.text).toContain('value="Title typed by the editor"');
    // An HTML file behind a PNG signature: the decoder decides, and cannot read it (422).
    const fake = await addWith({ name: 'shot.png', type: 'image/png', bytes: undecodablePng() });
    expect(fake.status).toBe(422);
    expect(visibleText(fake.text)).toContain('This image could not be read.');
    expect((await addWith({ name: 'shot.svg', type: 'image/svg+xml', bytes: notImages.svg })).status).toBe(
      415,
    );
    expect(await countClippings(hub)).toBe(clippings);
    expect(await screenshotCount()).toBe(shots);
  });

  it('refuses a file over 5 MB with 413', async () => {
    const clippings = await countClippings(hub);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const res = await addWith({ name: 'big.png', type: 'image/png', bytes: big });
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('This file is larger than 5 MB.');
    expect(await countClippings(hub)).toBe(clippings);
  });

  it('refuses a file name with ../ or control characters with 422 and a clear message', async () => {
    const clippings = await countClippings(hub);
    const png = await picture(40, 40).png().toBuffer();
    for (const name of ['../../etc/shot.png', '..\\shot.png', 'shot\u0007.png', 'shot\u001b[31m.png']) {
      const res = await addWith({ name, type: 'image/png', bytes: png });
      expect(res.status, JSON.stringify(name)).toBe(422);
      expect(visibleText(res.text)).toContain('The file name contains characters that are not allowed');
    }
    expect(await countClippings(hub)).toBe(clippings);
  });

  it('leaves a clipping as it was when an edit brings a refused file (nothing half-saved)', async () => {
    const created = await addWith({
      name: 'ok.png',
      type: 'image/png',
      bytes: await picture(100, 100).png().toBuffer(),
    });
    const id = clippingIdOf(created);
    const before = await screenshotOf(id);
    const edit = `/press/${id}/edit`;
    const res = await postClippingForm(
      editor,
      edit,
      edit,
      clippingForm({ title: 'A title that must not be saved' }),
      {
        name: 'shot.png',
        type: 'image/png',
        bytes: Buffer.from('<html>not an image</html>'),
      },
    );
    expect(res.status).toBe(415);
    expect(res.text).toContain('value="A title that must not be saved"');
    const row = await hub.deps.db
      .selectFrom('press_clippings')
      .select('title')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe(clippingForm().title);
    expect((await screenshotOf(id)).updated_at).toBe(before.updated_at);
  });

  it('refuses uploads from members (403) before looking at the file', async () => {
    const { client: member } = await hub.signedIn('member');
    const clippings = await countClippings(hub);
    await member.get('/press');
    const res = await postClippingForm(member, '/press', '/press/new', clippingForm(), {
      name: 'shot.png',
      type: 'image/png',
      bytes: await picture(10, 10).png().toBuffer(),
    });
    expect(res.status).toBe(403);
    expect(await countClippings(hub)).toBe(clippings);
  });
});
