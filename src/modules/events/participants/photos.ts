// The photos of an event, a gallery of attached images (platform/attached-images.ts): checked by
// content, re-encoded as WebP at two sizes without metadata, bytes in the database (event_photos),
// with a caption that is also the image's text alternative. The refusals are worded the
// participants' way.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ImageInfo, imageGallery, imageUrl } from '../../../platform/attached-images.ts';
import { IMAGE_MAX_BYTES, imageInfoOf } from '../../../platform/images.ts';

type Db = Kysely<Database>;

export const PHOTO_MAX_BYTES = IMAGE_MAX_BYTES;

export const eventPhotos = imageGallery({
  table: 'event_photos',
  owner: 'event_id',
  // Sharp on a laptop screen, light enough for a phone on a slow connection.
  sizes: { full: { size: 1600, quality: 80 }, thumb: { size: 400, quality: 75 } },
  maxBytes: PHOTO_MAX_BYTES,
  messages: {
    missing: 'participants.photo.missing',
    badName: 'participants.photo.badName',
    tooLarge: 'participants.photo.tooLarge',
    type: 'participants.photo.wrongType',
    unreadable: 'participants.photo.unreadable',
    tooManyPixels: 'participants.photo.tooManyPixels',
  },
});

export interface Photo extends ImageInfo {
  id: number;
  caption: string;
}

export async function photosOf(db: Db, eventId: number): Promise<Photo[]> {
  const rows = await db
    .selectFrom('event_photos')
    .select(['id', 'caption', 'updated_at', 'full_width', 'full_height', 'thumb_width', 'thumb_height'])
    .where('event_id', '=', eventId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, caption: r.caption, ...imageInfoOf(r) }));
}

export function photoUrl(
  slug: string,
  photo: Pick<Photo, 'id' | 'version'>,
  size: 'full' | 'thumb' = 'full',
) {
  return imageUrl(`/events/${slug}/photos/${photo.id}.webp`, photo, size);
}
