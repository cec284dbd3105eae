// Organisation logos: the shared image pipeline (platform/images.ts: checked by content, decoded
// with limits, re-encoded as WebP without metadata) at the logo's sizes, stored as bytes in
// organisation_logos.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  IMAGE_MAX_BYTES,
  IMAGE_MAX_INPUT_PIXELS,
  type ImageInfo,
  type ImageRefusal,
  imageColumns,
  imageInfoOf,
  imageVersion,
  type ProcessedImage,
  processImage,
} from '../../platform/images.ts';
import { nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

/** Largest accepted upload; the app's general multipart limit (UPLOAD_LIMIT_MB) is higher. */
export const LOGO_MAX_BYTES = IMAGE_MAX_BYTES;
/** Decoding refuses images above this many pixels (a small file can declare a huge image). */
export const LOGO_MAX_INPUT_PIXELS = IMAGE_MAX_INPUT_PIXELS;
export const LOGO_FULL_SIZE = 256;
export const LOGO_THUMB_SIZE = 64;

export type ProcessedLogo = ProcessedImage;
/** Why an upload was refused: a type we do not take (415) or an image we cannot use (422). */
export type LogoRefusal = ImageRefusal;
export type LogoResult = { ok: true; logo: ProcessedLogo } | { ok: false; reason: LogoRefusal };

export async function processLogo(bytes: Uint8Array): Promise<LogoResult> {
  const result = await processImage(bytes, {
    full: { size: LOGO_FULL_SIZE, quality: 85 },
    thumb: { size: LOGO_THUMB_SIZE, quality: 80 },
  });
  return result.ok ? { ok: true, logo: result.image } : result;
}

export type LogoInfo = ImageInfo;

/** A short version token for URLs and ETags, from the moment the logo was saved. */
export const logoVersion = imageVersion;

export function logoUrl(slug: string, info: Pick<LogoInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return `/directory/${slug}/logo.webp?v=${info.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

const INFO_COLUMNS = ['updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'] as const;

/** Sizes and version of an organisation's logo, without its bytes; undefined when it has none. */
export async function logoInfo(db: Db, organisationId: number): Promise<LogoInfo | undefined> {
  const row = await db
    .selectFrom('organisation_logos')
    .select(INFO_COLUMNS)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row && imageInfoOf(row);
}

/** The same for a page of organisations (the directory's cards). */
export async function logoInfos(db: Db, organisationIds: number[]): Promise<Map<number, LogoInfo>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation_logos')
    .select(['organisation_id', ...INFO_COLUMNS])
    .where('organisation_id', 'in', organisationIds)
    .execute();
  return new Map(rows.map((r) => [r.organisation_id, imageInfoOf(r)]));
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
    .values({ organisation_id: organisationId, ...imageColumns(logo, now) })
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
