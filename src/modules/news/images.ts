// Post covers and the images inside a post's body: the shared image pipeline (platform/images.ts:
// checked by content, decoded with limits, re-encoded as WebP without metadata), stored as bytes in
// the database like organisation logos, so several processes on several hosts serve the same files.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import {
  IMAGE_MAX_BYTES,
  type ImageInfo,
  imageColumns,
  imageInfoOf,
  type ProcessedImage,
  processImage,
  REFUSAL_STATUS,
} from '../../platform/images.ts';
import { nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

export const NEWS_IMAGE_MAX_BYTES = IMAGE_MAX_BYTES;
/** Wide enough for a page's column on a desktop, small enough for a phone on 3G. */
const SIZES = { full: { size: 1200, quality: 80 }, thumb: { size: 480, quality: 75 } };

/** Why an upload was refused, with its status and the message shown next to the field. */
export interface ImageRefusal {
  status: 413 | 415 | 422;
  key: MessageKey;
  values?: Record<string, number>;
}

const REFUSALS: Record<'type' | 'unreadable' | 'tooManyPixels', MessageKey> = {
  type: 'news.image.wrongType',
  unreadable: 'news.image.unreadable',
  tooManyPixels: 'news.image.tooManyPixels',
};

/** The file field of a submitted form, when a file was chosen. */
export function chosenFile(value: unknown): File | undefined {
  const file = Array.isArray(value) ? value[0] : value;
  return file instanceof File && (file.size > 0 || file.name !== '') ? file : undefined;
}

/** Checks and re-encodes an uploaded file; nothing is written here. */
export async function processNewsImage(
  file: File,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; refusal: ImageRefusal }> {
  if (file.size > NEWS_IMAGE_MAX_BYTES)
    return {
      ok: false,
      refusal: {
        status: 413,
        key: 'news.image.tooLarge',
        values: { limit: NEWS_IMAGE_MAX_BYTES / 1024 / 1024 },
      },
    };
  const result = await processImage(new Uint8Array(await file.arrayBuffer()), SIZES);
  if (!result.ok)
    return { ok: false, refusal: { status: REFUSAL_STATUS[result.reason], key: REFUSALS[result.reason] } };
  return { ok: true, image: result.image };
}

export type CoverInfo = ImageInfo;

export function coverUrl(slug: string, info: Pick<ImageInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return `/news/${slug}/cover.webp?v=${info.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

/** The address of a body image: what the author pastes, and the only kind the body may show. */
export const bodyImageUrl = (id: number) => `/news/images/${id}.webp`;

const INFO_COLUMNS = ['updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'] as const;

export async function coverInfo(db: Db, postId: number): Promise<CoverInfo | undefined> {
  const row = await db
    .selectFrom('post_covers')
    .select(INFO_COLUMNS)
    .where('post_id', '=', postId)
    .executeTakeFirst();
  return row && imageInfoOf(row);
}

/** The same for a page of posts (the list's thumbnails). */
export async function coverInfos(db: Db, ids: number[]): Promise<Map<number, CoverInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('post_covers')
    .select(['post_id', ...INFO_COLUMNS])
    .where('post_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.post_id, imageInfoOf(r)]));
}

export function coverBytes(db: Db, postId: number, size: 'full' | 'thumb') {
  return db
    .selectFrom('post_covers')
    .select([size === 'thumb' ? 'thumb as bytes' : 'full as bytes', 'updated_at'])
    .where('post_id', '=', postId)
    .executeTakeFirst();
}

/** Replaces the cover (delete + insert: the same on both databases, in the caller's transaction). */
export async function saveCover(db: Db, postId: number, image: ProcessedImage): Promise<void> {
  await db.deleteFrom('post_covers').where('post_id', '=', postId).execute();
  await db
    .insertInto('post_covers')
    .values({ post_id: postId, ...imageColumns(image, nowIso()) })
    .execute();
}

export async function deleteCover(db: Db, postId: number): Promise<boolean> {
  const result = await db.deleteFrom('post_covers').where('post_id', '=', postId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function saveBodyImage(
  db: Db,
  postId: number,
  userId: number,
  image: ProcessedImage,
): Promise<number> {
  const row = await db
    .insertInto('post_images')
    .values({ post_id: postId, uploaded_by: userId, ...imageColumns(image, nowIso()) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A body image with the post it belongs to (whose visibility decides who may see it). */
export function bodyImage(db: Db, id: number, size: 'full' | 'thumb') {
  return db
    .selectFrom('post_images')
    .select(['post_id', size === 'thumb' ? 'thumb as bytes' : 'full as bytes', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The images uploaded for a post, newest first, for the edit page's list of snippets. */
export function bodyImagesOf(db: Db, postId: number) {
  return db
    .selectFrom('post_images')
    .select(['id', 'full_width', 'full_height', 'thumb_width', 'thumb_height'])
    .where('post_id', '=', postId)
    .orderBy('id', 'desc')
    .execute();
}
