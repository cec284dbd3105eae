// People's photos: the shared image pipeline (platform/images.ts: checked by content, decoded with
// limits, re-encoded as WebP without metadata) at the photo's sizes, stored as bytes in person_photos.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  type ImageInfo,
  type ImageResult,
  imageColumns,
  imageInfoOf,
  processImage,
} from '../../platform/images.ts';
import { nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

export const PHOTO_FULL_SIZE = 256;
/** Cards show the thumbnail at 48 CSS pixels: 96 keeps it sharp on dense screens. */
export const PHOTO_THUMB_SIZE = 96;

export type PhotoInfo = ImageInfo;

export function processPhoto(bytes: Uint8Array): Promise<ImageResult> {
  return processImage(bytes, {
    full: { size: PHOTO_FULL_SIZE, quality: 82 },
    thumb: { size: PHOTO_THUMB_SIZE, quality: 78 },
  });
}

export function photoUrl(slug: string, info: Pick<PhotoInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return `/directory/people/${slug}/photo.webp?v=${info.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

const INFO_COLUMNS = ['updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'] as const;

/** Sizes and version of a person's photo, without its bytes; undefined when there is none. */
export async function photoInfo(db: Db, personId: number): Promise<PhotoInfo | undefined> {
  const row = await db
    .selectFrom('person_photos')
    .select(INFO_COLUMNS)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row && imageInfoOf(row);
}

/** The same for a page of people (the cards). */
export async function photoInfos(db: Db, personIds: number[]): Promise<Map<number, PhotoInfo>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_photos')
    .select(['person_id', ...INFO_COLUMNS])
    .where('person_id', 'in', personIds)
    .execute();
  return new Map(rows.map((r) => [r.person_id, imageInfoOf(r)]));
}

export function photoBytes(db: Db, personId: number, size: 'full' | 'thumb') {
  return db
    .selectFrom('person_photos')
    .select([size === 'thumb' ? 'thumb as bytes' : 'full as bytes', 'updated_at'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Replaces the photo (delete + insert: the same on both databases, inside the caller's transaction). */
export async function savePhoto(
  db: Db,
  personId: number,
  photo: Parameters<typeof imageColumns>[0],
): Promise<string> {
  const now = nowIso();
  await db.deleteFrom('person_photos').where('person_id', '=', personId).execute();
  await db
    .insertInto('person_photos')
    .values({ person_id: personId, ...imageColumns(photo, now) })
    .execute();
  return now;
}

export async function deletePhoto(db: Db, personId: number): Promise<boolean> {
  const result = await db.deleteFrom('person_photos').where('person_id', '=', personId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
