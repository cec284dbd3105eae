// Images for the tests of uploads (logos, photos, screenshots, covers): real pictures made with
// sharp, the files the image pipeline must refuse by their content whatever their name says, and
// what serving an attached image promises.
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { expect } from 'vitest';
import { visibleText } from './harness.ts';

/** A plain picture of `width` × `height` pixels, to encode as PNG, JPEG… */
export const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } });

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

/** Files that are no image: each is refused by its content (415), whatever its name and type say. */
export const notImages = {
  svg: Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
  ),
  html: HTML,
  garbage: Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
};

/** A PNG signature followed by anything else: looks right, cannot be decoded (422). */
export const undecodablePng = () => Buffer.concat([Buffer.from(PNG_SIGNATURE), HTML]);

/** A tiny PNG whose header claims 20,000 × 20,000 pixels, its CRC fixed so it looks genuine (422). */
export async function pixelBomb(): Promise<Buffer> {
  const bomb = await picture(1, 1).png().toBuffer();
  bomb.writeUInt32BE(20_000, 16);
  bomb.writeUInt32BE(20_000, 20);
  bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
  return bomb;
}

/** `megabytes` of zeros behind a PNG signature: refused for its size before it is read (413). */
export function oversized(megabytes: number): Uint8Array {
  const bytes = new Uint8Array(megabytes * 1024 * 1024);
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

/** A JPEG carrying EXIF metadata (a copyright and an artist), which the image pipeline must drop. */
async function jpegWithExif(width: number, height: number): Promise<Buffer> {
  const jpeg = await picture(width, height)
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Secret Camera Owner', Artist: 'Somebody' } })
    .toBuffer();
  expect((await sharp(jpeg).metadata()).exif).toBeDefined();
  return jpeg;
}

type Requester = { request: (url: string, init?: RequestInit) => Response | Promise<Response> };

/** The image served at `url` is WebP of `size` (`[width, height]`), none of jpegWithExif()'s metadata left. */
async function expectServedWithoutMetadata(app: Requester, url: string, size: [number, number]) {
  const bytes = Buffer.from(await (await app.request(url)).arrayBuffer());
  const meta = await sharp(bytes).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['webp', ...size]);
  expect(meta.exif).toBeUndefined();
  expect(bytes.includes('Secret Camera Owner')).toBe(false);
}

/** Sends one file as the page's form does. */
type Uploader = (bytes: Uint8Array, name: string, type: string) => Promise<{ status: number; text: string }>;

/**
 * A small JPEG carrying EXIF, sent under a name and type that lie (the content decides), replaces
 * the attached image: `updatedAt()` (of the image's row) changes, and `url` serves it as WebP at
 * its own 120 × 90, never enlarged, none of the metadata left.
 */
export async function expectJpegReplaces(
  app: Requester,
  upload: Uploader,
  updatedAt: () => Promise<string | undefined>,
  url: string,
): Promise<void> {
  const jpeg = await jpegWithExif(120, 90);
  const before = await updatedAt();
  const res = await upload(jpeg, 'image.gif', 'application/octet-stream');
  expect(res.status).toBe(303);
  expect(await updatedAt()).not.toBe(before);
  await expectServedWithoutMetadata(app, url, [120, 90]);
}

/**
 * What serving an attached image promises: WebP at its two sizes (`[width, height]`), nosniff, cached
 * for a year at the versioned address (`…?v=…`), revalidated with an ETag (304) at the plain one.
 */
export async function expectServedImage(
  app: Requester,
  urls: { versioned: string; plain: string },
  sizes: { full: [number, number]; thumb: [number, number] },
): Promise<void> {
  const full = await app.request(urls.versioned);
  expect(full.status).toBe(200);
  expect(full.headers.get('content-type')).toBe('image/webp');
  expect(full.headers.get('x-content-type-options')).toBe('nosniff');
  expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const meta = await sharp(Buffer.from(await full.arrayBuffer())).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual(['webp', ...sizes.full]);
  const thumb = await app.request(`${urls.versioned}&size=thumb`);
  const thumbMeta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
  expect([thumbMeta.format, thumbMeta.width, thumbMeta.height]).toEqual(['webp', ...sizes.thumb]);
  const plain = await app.request(urls.plain);
  expect(plain.headers.get('cache-control')).toBe('public, max-age=300');
  const etag = plain.headers.get('etag') ?? '';
  expect(etag).not.toBe('');
  expect((await app.request(urls.plain, { headers: { 'if-none-match': etag } })).status).toBe(304);
}

/**
 * The refusals every image upload makes by content, whatever the name and type say: an SVG with a
 * script, HTML named .png and bytes that are no image (415), a PNG that cannot be decoded, a pixel
 * bomb and a name with a path or control characters (422), each with its message. `upload` sends
 * one file as the page's form does; the answer to the undecodable PNG is returned for more checks.
 */
export async function expectImageRefusals(upload: Uploader): Promise<{ status: number; text: string }> {
  const refused = async (bytes: Uint8Array, name: string, type: string, status: number, message?: string) => {
    const res = await upload(bytes, name, type);
    expect(res.status, `${name} (${type})`).toBe(status);
    if (message) expect(visibleText(res.text)).toContain(message);
    return res;
  };
  await refused(notImages.svg, 'image.svg', 'image/svg+xml', 415, 'not a JPEG, PNG, WebP or GIF image');
  await refused(notImages.html, 'image.png', 'image/png', 415);
  await refused(notImages.garbage, 'image.jpg', 'image/jpeg', 415);
  await refused(await pixelBomb(), 'image.png', 'image/png', 422, 'too many pixels');
  const png = await picture(40, 40).png().toBuffer();
  for (const name of ['../image.png', 'image\u0007.png'])
    await refused(png, name, 'image/png', 422, 'has a path or control characters');
  return refused(undecodablePng(), 'image.png', 'image/png', 422, 'could not be read');
}
