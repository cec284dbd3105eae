// After the event, through the whole app on SQLite or PostgreSQL: outcomes and recommendations
// (Markdown, cleaned), library documents and presentations linked to the event (only those the
// reader may see), photos through the shared image pipeline — a real image re-encoded and served,
// a file that is not an image (415), one too big (413), a missing caption (422), nothing half-saved
// — and the refusals for everyone but the organisers.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { rowCount } from '../../../../test/counts.ts';
import { visibleText } from '../../../../test/harness.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { demoPlatform, organiserOf, postMultipart, VIENTIANE } from './test-helpers.ts';

const after = `/events/${VIENTIANE}/after`;

const hub = await demoPlatform({ library: true });
const { client: organiser } = await organiserOf(hub, 'unesco');

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 140, g: 60, b: 20 } } });

describe('outcomes and recommendations', () => {
  it('shows the organisers’ Markdown on the event page, cleaned', async () => {
    const res = await organiser.submit(after, after, {
      outcomes: 'A **workplan** to finish the QPR.<script>alert(1)</script>',
      recommendations: '- Create a Cultural Hub',
    });
    expect(res.status).toBe(303);
    const page = await hub.client().get(`/events/${VIENTIANE}`);
    expect(page.text).toContain('<strong>workplan</strong>');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('<li>Create a Cultural Hub</li>');
  });

  it('refuses a text that is too long, keeping it, and strangers', async () => {
    const long = 'x'.repeat(20_001);
    const res = await organiser.submit(after, after, { outcomes: long, recommendations: 'kept' });
    expectFormRefused(res, [], ['id="f-outcomes-error"', 'kept']);
    const { client: stranger } = await hub.signedIn();
    expect((await stranger.get(after)).status).toBe(403);
    expect((await stranger.request(after, { form: { outcomes: 'mine now' } })).status).toBe(403);
    expect(visibleText((await hub.client().get(`/events/${VIENTIANE}`)).text)).not.toContain('mine now');
  });
});

describe('documents and presentations', () => {
  it('links library documents by address or slug and lists them on the event page', async () => {
    const doc = await organiser.submit(after, `/events/${VIENTIANE}/documents`, {
      document: 'http://hub.test/library/lao-pdr-qpr-2005-convention',
      role: 'document',
    });
    expect(doc.status).toBe(303);
    const slides = await organiser.submit(after, `/events/${VIENTIANE}/documents`, {
      document: 'lao-law-on-enterprises',
      role: 'presentation',
    });
    expect(slides.status).toBe(303);
    const page = await hub.client().get(`/events/${VIENTIANE}`);
    expect(page.text).toContain('href="/library/lao-pdr-qpr-2005-convention"');
    expect(visibleText(page.text)).toContain('(Presentation)');
  });

  it('refuses an unknown document and leaves the links as they were', async () => {
    const before = await rowCount(hub, 'event_documents');
    const res = await organiser.submit(after, `/events/${VIENTIANE}/documents`, {
      document: 'no-such-law',
      role: 'document',
    });
    expectFormRefused(res, [], ['id="f-document-error"', 'value="no-such-law"']);
    const bad = await organiser.submit(after, `/events/${VIENTIANE}/documents`, {
      document: 'convention-2005',
      role: 'poster',
    });
    expect(bad.status).toBe(422);
    expect(await rowCount(hub, 'event_documents')).toBe(before);
  });

  it('hides a linked document the reader may not see in the library', async () => {
    await hub.deps.db
      .updateTable('documents')
      .set({ published_at: null })
      .where('slug', '=', 'lao-pdr-qpr-2005-convention')
      .execute();
    const page = await hub.client().get(`/events/${VIENTIANE}`);
    expect(page.text).not.toContain('href="/library/lao-pdr-qpr-2005-convention"');
    expect(page.text).toContain('href="/library/lao-law-on-enterprises"');
  });
});

describe('photos', () => {
  const upload = (
    file: { name: string; type: string; bytes: Uint8Array },
    caption = 'Group work on the QPR workplan',
  ) =>
    postMultipart(organiser, after, `/events/${VIENTIANE}/photos`, { caption }, { field: 'photo', ...file });

  it('re-encodes a photo as WebP at two sizes and shows it on the event page', async () => {
    const jpeg = await picture(3000, 2000).jpeg().toBuffer();
    const res = await upload({ name: 'workshop.jpg', type: 'image/jpeg', bytes: jpeg });
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    const page = await hub.client().get(`/events/${VIENTIANE}`);
    const thumb = page.text.match(
      /<img src="(\/events\/[^"]+\/photos\/\d+\.webp\?v=[^"]+&amp;size=thumb)" alt="Group work on the QPR workplan"/,
    )?.[1];
    expect(thumb).toBeDefined();
    const served = await hub.app.request((thumb ?? '').replace(/&amp;/g, '&'));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 267]);
  });

  it('refuses a file that is not an image (415), one too big (413), a bad name or no caption (422), storing nothing', async () => {
    const before = await rowCount(hub, 'event_photos');
    const html = await upload({
      name: 'photo.png',
      type: 'image/png',
      bytes: new TextEncoder().encode('<html><script>alert(1)</script></html>'),
    });
    expect(html.status).toBe(415);
    expect(html.text).toContain('id="f-photo-error"');
    expect(html.text).toContain('Group work on the QPR workplan');
    const big = await upload({
      name: 'big.png',
      type: 'image/png',
      bytes: new Uint8Array(5 * 1024 * 1024 + 10),
    });
    expect(big.status).toBe(413);
    expect(visibleText(big.text)).toContain('larger than 5 MB');
    const png = await picture(200, 100).png().toBuffer();
    const named = await upload({ name: '../../etc/passwd.png', type: 'image/png', bytes: png });
    expect(named.status).toBe(422);
    const uncaptioned = await upload({ name: 'ok.png', type: 'image/png', bytes: png }, '');
    expect(uncaptioned.status).toBe(422);
    expect(uncaptioned.text).toContain('id="f-caption-error"');
    const missing = await postMultipart(organiser, after, `/events/${VIENTIANE}/photos`, {
      caption: 'No file',
    });
    expect(missing.status).toBe(422);
    expect(await rowCount(hub, 'event_photos')).toBe(before);
  });

  it('lets only the organisers add or delete photos', async () => {
    const { client: stranger } = await hub.signedIn();
    const png = await picture(200, 100).png().toBuffer();
    const res = await postMultipart(
      stranger,
      `/events/${VIENTIANE}`,
      `/events/${VIENTIANE}/photos`,
      { caption: 'x' },
      { field: 'photo', name: 'x.png', type: 'image/png', bytes: png },
    );
    expect(res.status).toBe(403);
    const photo = await hub.deps.db.selectFrom('event_photos').select('id').executeTakeFirstOrThrow();
    expect(
      (await stranger.request(`/events/${VIENTIANE}/photos/${photo.id}/delete`, { form: {} })).status,
    ).toBe(403);
    const removed = await organiser.submit(after, `/events/${VIENTIANE}/photos/${photo.id}/delete`, {});
    expect(removed.status).toBe(303);
    expect((await hub.app.request(`/events/${VIENTIANE}/photos/${photo.id}.webp`)).status).toBe(404);
  });
});
