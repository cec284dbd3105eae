// People's photos: one attached image per profile (platform/attached-images.ts), at a photo's sizes,
// in person_photos, refused with the people module's own words.
import { type ImageInfo, imageUrl, singleImage } from '../../platform/attached-images.ts';
import { IMAGE_MAX_BYTES } from '../../platform/images.ts';

export const PHOTO_FULL_SIZE = 256;
/** Cards show the thumbnail at 48 CSS pixels: 96 keeps it sharp on dense screens. */
export const PHOTO_THUMB_SIZE = 96;
export const PHOTO_MAX_BYTES = IMAGE_MAX_BYTES;

export const photos = singleImage({
  table: 'person_photos',
  owner: 'person_id',
  sizes: {
    full: { size: PHOTO_FULL_SIZE, quality: 82 },
    thumb: { size: PHOTO_THUMB_SIZE, quality: 78 },
  },
  maxBytes: PHOTO_MAX_BYTES,
  messages: {
    missing: 'people.photo.missing',
    tooLarge: 'people.photo.tooLarge',
    type: 'people.photo.wrongType',
    unreadable: 'people.photo.unreadable',
    tooManyPixels: 'people.photo.tooManyPixels',
  },
});

export type PhotoInfo = ImageInfo;

export function photoUrl(slug: string, info: Pick<PhotoInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return imageUrl(`/directory/people/${slug}/photo.webp`, info, size);
}
