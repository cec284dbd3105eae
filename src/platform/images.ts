// Uploaded images (organisation logos, people's photos): checked by their content (never by their
// name or declared type), decoded with limits, and re-encoded as WebP at two sizes. Re-encoding
// drops EXIF and any other metadata and anything hidden after the image data; only the new bytes
// are kept. Also the way such images are served: versioned URLs, ETag, nosniff.
import type { Context } from 'hono';
import sharp, { type Sharp } from 'sharp';

/** Largest accepted upload; the app's general multipart limit (UPLOAD_LIMIT_MB) is higher. */
export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Decoding refuses images above this many pixels (a small file can declare a huge image). */
export const IMAGE_MAX_INPUT_PIXELS = 40_000_000;
/** What the file inputs offer; the content decides anyway. */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif';

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif']);

/**
 * The raster formats we take, recognised by their first bytes. Checked before sharp sees the
 * bytes, so SVG, HTML and anything else never reach a parser of text or vector formats.
 */
function looksLikeAcceptedImage(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  return (
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) || // PNG
    ascii(0, 'GIF87a') ||
    ascii(0, 'GIF89a') ||
    (ascii(0, 'RIFF') && ascii(8, 'WEBP'))
  );
}

/** The two stored sizes: each fitted inside a square of `size` pixels, never enlarged. */
export interface ImageSizes {
  full: { size: number; quality: number };
  thumb: { size: number; quality: number };
}

export interface ProcessedImage {
  full: Buffer;
  fullWidth: number;
  fullHeight: number;
  thumb: Buffer;
  thumbWidth: number;
  thumbHeight: number;
}

/** Why an upload was refused: a type we do not take (415) or an image we cannot use (422). */
export type ImageRefusal = 'type' | 'unreadable' | 'tooManyPixels';

export type ImageResult = { ok: true; image: ProcessedImage } | { ok: false; reason: ImageRefusal };

/** The HTTP status of each refusal. */
export const REFUSAL_STATUS: Record<ImageRefusal, 415 | 422> = {
  type: 415,
  unreadable: 422,
  tooManyPixels: 422,
};

export async function processImage(bytes: Uint8Array, sizes: ImageSizes): Promise<ImageResult> {
  if (!looksLikeAcceptedImage(bytes)) return { ok: false, reason: 'type' };
  const options = { limitInputPixels: IMAGE_MAX_INPUT_PIXELS, pages: 1, failOn: 'error' } as const;
  let format: string | undefined;
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ format, width, height } = await sharp(bytes, options).metadata());
  } catch (err) {
    return { ok: false, reason: refusalOf(err) };
  }
  // The first bytes can lie (an SVG or HTML file behind a PNG signature): the decoder decides.
  if (!format || !ACCEPTED_FORMATS.has(format)) return { ok: false, reason: 'type' };
  if (!width || !height) return { ok: false, reason: 'unreadable' };
  if (width * height > IMAGE_MAX_INPUT_PIXELS) return { ok: false, reason: 'tooManyPixels' };
  try {
    // One decode (the first frame of an animation), turned upright by its EXIF orientation.
    const upright = sharp(bytes, options).rotate();
    const [full, thumb] = await Promise.all([
      resize(upright.clone(), sizes.full.size, sizes.full.quality),
      resize(upright.clone(), sizes.thumb.size, sizes.thumb.quality),
    ]);
    return {
      ok: true,
      image: {
        full: full.data,
        fullWidth: full.info.width,
        fullHeight: full.info.height,
        thumb: thumb.data,
        thumbWidth: thumb.info.width,
        thumbHeight: thumb.info.height,
      },
    };
  } catch (err) {
    return { ok: false, reason: refusalOf(err) };
  }
}

function refusalOf(err: unknown): ImageRefusal {
  const message = err instanceof Error ? err.message : '';
  return /pixel limit/i.test(message) ? 'tooManyPixels' : 'unreadable';
}

function resize(image: Sharp, size: number, quality: number) {
  return image
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality })
    .toBuffer({ resolveWithObject: true });
}

/** Version and sizes of a stored image, without its bytes. */
export interface ImageInfo {
  version: string;
  fullWidth: number;
  fullHeight: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** A short version token for URLs and ETags, from the moment the image was saved. */
export function imageVersion(updatedAt: string): string {
  return Date.parse(updatedAt).toString(36);
}

/** The columns every stored image has (organisation_logos, person_photos), as ImageInfo. */
export function imageInfoOf(row: {
  updated_at: string;
  full_width: number;
  full_height: number;
  thumb_width: number;
  thumb_height: number;
}): ImageInfo {
  return {
    version: imageVersion(row.updated_at),
    fullWidth: row.full_width,
    fullHeight: row.full_height,
    thumbWidth: row.thumb_width,
    thumbHeight: row.thumb_height,
  };
}

/** Row values of a processed image for a table with the columns above. */
export function imageColumns(image: ProcessedImage, updatedAt: string) {
  return {
    full: image.full,
    full_width: image.fullWidth,
    full_height: image.fullHeight,
    thumb: image.thumb,
    thumb_width: image.thumbWidth,
    thumb_height: image.thumbHeight,
    updated_at: updatedAt,
  };
}

const YEAR = 365 * 24 * 3600;

/**
 * Answers with a stored WebP image. A versioned URL (`?v=` matching) never changes content and is
 * cached for a year; other addresses are checked again after 5 minutes. Images of records not
 * everyone may see are `private`, so no shared cache keeps them.
 */
export function serveImage(
  c: Context,
  row: { bytes: Buffer | Uint8Array; updated_at: string },
  options: { size: 'full' | 'thumb'; shared: boolean },
): Response {
  const version = imageVersion(row.updated_at);
  const etag = `"${version}-${options.size}"`;
  const maxAge = c.req.query('v') === version ? `max-age=${YEAR}, immutable` : 'max-age=300';
  c.header('Cache-Control', `${options.shared ? 'public' : 'private'}, ${maxAge}`);
  c.header('ETag', etag);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Content-Type', 'image/webp');
  const asked = c.req.header('if-none-match')?.split(/\s*,\s*/) ?? [];
  if (asked.includes(etag)) return c.body(null, 304);
  return c.body(new Uint8Array(row.bytes));
}
