// Screenshots of clippings: the shared image pipeline (platform/images.ts: checked by content,
// decoded with limits, re-encoded as WebP without metadata) at a screenshot's sizes, stored as bytes
// in press_screenshots — the way organisation logos are (directory/logo.ts).
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

export const SCREENSHOT_MAX_BYTES = IMAGE_MAX_BYTES;
/** Wide enough to read a headline on a desktop screenshot, small enough for a phone on 3G. */
export const SCREENSHOT_FULL_SIZE = 1200;
export const SCREENSHOT_THUMB_SIZE = 320;

/** Why an upload was refused, with its status and the message shown next to the field. */
export interface ScreenshotRefusal {
  status: 413 | 415 | 422;
  key: MessageKey;
  values?: Record<string, number>;
}

/**
 * The name is never used to store the file (the bytes go to the database), but a name with a path
 * or control characters is not what a browser sends: it is refused, so nothing surprising is kept
 * or echoed anywhere.
 */
export function badFileName(name: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return /[\u0000-\u001f\u007f-\u009f/\\]/.test(name) || name.includes('..') || name.length > 255;
}

const REFUSALS: Record<'type' | 'unreadable' | 'tooManyPixels', MessageKey> = {
  type: 'press.screenshot.wrongType',
  unreadable: 'press.screenshot.unreadable',
  tooManyPixels: 'press.screenshot.tooManyPixels',
};

/** Checks and re-encodes an uploaded file; nothing is written here. */
export async function processScreenshot(
  file: File,
): Promise<{ ok: true; image: ProcessedImage } | { ok: false; refusal: ScreenshotRefusal }> {
  if (badFileName(file.name)) return { ok: false, refusal: { status: 422, key: 'press.screenshot.badName' } };
  if (file.size > SCREENSHOT_MAX_BYTES)
    return {
      ok: false,
      refusal: {
        status: 413,
        key: 'press.screenshot.tooLarge',
        values: { limit: SCREENSHOT_MAX_BYTES / 1024 / 1024 },
      },
    };
  const result = await processImage(new Uint8Array(await file.arrayBuffer()), {
    full: { size: SCREENSHOT_FULL_SIZE, quality: 80 },
    thumb: { size: SCREENSHOT_THUMB_SIZE, quality: 75 },
  });
  if (!result.ok)
    return { ok: false, refusal: { status: REFUSAL_STATUS[result.reason], key: REFUSALS[result.reason] } };
  return { ok: true, image: result.image };
}

export type ScreenshotInfo = ImageInfo;

export function screenshotUrl(id: number, info: Pick<ImageInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return `/press/${id}/screenshot.webp?v=${info.version}${size === 'thumb' ? '&size=thumb' : ''}`;
}

const INFO_COLUMNS = ['updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'] as const;

export async function screenshotInfo(db: Db, clippingId: number): Promise<ScreenshotInfo | undefined> {
  const row = await db
    .selectFrom('press_screenshots')
    .select(INFO_COLUMNS)
    .where('clipping_id', '=', clippingId)
    .executeTakeFirst();
  return row && imageInfoOf(row);
}

/** The same for a page of clippings (the list's thumbnails). */
export async function screenshotInfos(db: Db, ids: number[]): Promise<Map<number, ScreenshotInfo>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('press_screenshots')
    .select(['clipping_id', ...INFO_COLUMNS])
    .where('clipping_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.clipping_id, imageInfoOf(r)]));
}

export function screenshotBytes(db: Db, clippingId: number, size: 'full' | 'thumb') {
  return db
    .selectFrom('press_screenshots')
    .select([size === 'thumb' ? 'thumb as bytes' : 'full as bytes', 'updated_at'])
    .where('clipping_id', '=', clippingId)
    .executeTakeFirst();
}

/** Replaces the screenshot (delete + insert: the same on both databases, in the caller's transaction). */
export async function saveScreenshot(db: Db, clippingId: number, image: ProcessedImage): Promise<void> {
  await db.deleteFrom('press_screenshots').where('clipping_id', '=', clippingId).execute();
  await db
    .insertInto('press_screenshots')
    .values({ clipping_id: clippingId, ...imageColumns(image, nowIso()) })
    .execute();
}

export async function deleteScreenshot(db: Db, clippingId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('press_screenshots')
    .where('clipping_id', '=', clippingId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
