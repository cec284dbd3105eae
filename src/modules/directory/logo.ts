// Organisation logos: an uploaded image is checked by its content (never by its name or declared
// type), decoded with limits, and re-encoded as WebP at two sizes. Re-encoding drops EXIF and any
// other metadata and anything hidden after the image data; only the new bytes are stored.
import type { Kysely } from 'kysely';
import sharp, { type Sharp } from 'sharp';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

/** Largest accepted upload; the app's general multipart limit (UPLOAD_LIMIT_MB) is higher. */
export const LOGO_MAX_BYTES = 5 * 1024 * 1024;
/** Decoding refuses images above this many pixels (a small file can declare a huge image). */
export const LOGO_MAX_INPUT_PIXELS = 40_000_000;
export const LOGO_FULL_SIZE = 256;
export const LOGO_THUMB_SIZE = 64;

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

export interface ProcessedLogo {
  full: Buffer;
  fullWidth: number;
  fullHeight: number;
  thumb: Buffer;
  thumbWidth: number;
  thumbHeight: number;
}

/** Why an upload was refused: a type we do not take (415) or an image we cannot use (422). */
export type LogoRefusal = 'type' | 'unreadable' | 'tooManyPixels';

export type LogoResult = { ok: true; logo: ProcessedLogo } | { ok: false; reason: LogoRefusal };

export async function processLogo(bytes: Uint8Array): Promise<LogoResult> {
  if (!looksLikeAcceptedImage(bytes)) return { ok: false, reason: 'type' };
  const options = { limitInputPixels: LOGO_MAX_INPUT_PIXELS, pages: 1, failOn: 'error' } as const;
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
  if (width * height > LOGO_MAX_INPUT_PIXELS) return { ok: false, reason: 'tooManyPixels' };
  try {
    // One decode (the first frame of an animation), turned upright by its EXIF orientation.
    const upright = sharp(bytes, options).rotate();
    const [full, thumb] = await Promise.all([
      resize(upright.clone(), LOGO_FULL_SIZE, 85),
      resize(upright.clone(), LOGO_THUMB_SIZE, 80),
    ]);
    return {
      ok: true,
      logo: {
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

function refusalOf(err: unknown): LogoRefusal {
  const message = err instanceof Error ? err.message : '';
  return /pixel limit/i.test(message) ? 'tooManyPixels' : 'unreadable';
}

function resize(image: Sharp, size: number, quality: number) {
  return image
    .resize(size, size, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality })
    .toBuffer({ resolveWithObject: true });
}

export interface LogoInfo {
  version: string;
  fullWidth: number;
  fullHeight: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** A short version token for URLs and ETags, from the moment the logo was saved. */
export function logoVersion(updatedAt: string): string {
  return Date.parse(updatedAt).toString(36);
}

export function logoUrl(slug: string, info: Pick<LogoInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return `/directory/${slug}/logo.webp?v=${info.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

/** Sizes and version of an organisation's logo, without its bytes; undefined when it has none. */
export async function logoInfo(db: Db, organisationId: number): Promise<LogoInfo | undefined> {
  const row = await db
    .selectFrom('organisation_logos')
    .select(['updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row && infoOf(row);
}

/** The same for a page of organisations (the directory's cards). */
export async function logoInfos(db: Db, organisationIds: number[]): Promise<Map<number, LogoInfo>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation_logos')
    .select(['organisation_id', 'updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'])
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, infoOf(r)]));
}

function infoOf(row: {
  updated_at: string;
  full_width: number;
  full_height: number;
  thumb_width: number;
  thumb_height: number;
}): LogoInfo {
  return {
    version: logoVersion(row.updated_at),
    fullWidth: row.full_width,
    fullHeight: row.full_height,
    thumbWidth: row.thumb_width,
    thumbHeight: row.thumb_height,
  };
}

export async function logoBytes(db: Db, organisationId: number, size: 'full' | 'thumb') {
  return db
    .selectFrom('organisation_logos')
    .select([size === 'thumb' ? 'thumb as bytes' : 'full as bytes', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
}

/** Replaces the logo (delete + insert: the same on both databases, inside the caller's transaction). */
export async function saveLogo(db: Db, organisationId: number, logo: ProcessedLogo): Promise<string> {
  const now = nowIso();
  await db.deleteFrom('organisation_logos').where('organisation_id', '=', organisationId).execute();
  await db
    .insertInto('organisation_logos')
    .values({
      organisation_id: organisationId,
      full: logo.full,
      full_width: logo.fullWidth,
      full_height: logo.fullHeight,
      thumb: logo.thumb,
      thumb_width: logo.thumbWidth,
      thumb_height: logo.thumbHeight,
      updated_at: now,
    })
    .execute();
  return now;
}

export async function deleteLogo(db: Db, organisationId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('organisation_logos')
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
