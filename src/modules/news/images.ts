// Post covers (one per post, in post_covers) and the images inside a post's body (several per post,
// in post_images), as kinds of attached images (platform/attached-images.ts): checked by content,
// re-encoded as WebP at two sizes without metadata, stored as bytes in the database. The refusals
// are worded the news module's way.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  type ImageInfo,
  type ImageKind,
  imageGallery,
  imageUrl,
  singleImage,
} from '../../platform/attached-images.ts';
import { IMAGE_MAX_BYTES } from '../../platform/images.ts';

export const NEWS_IMAGE_MAX_BYTES = IMAGE_MAX_BYTES;

const kind: Omit<ImageKind, 'table'> = {
  owner: 'post_id',
  // Wide enough for a page's column on a desktop, small enough for a phone on 3G.
  sizes: { full: { size: 1200, quality: 80 }, thumb: { size: 480, quality: 75 } },
  maxBytes: NEWS_IMAGE_MAX_BYTES,
  messages: {
    missing: 'news.image.missing',
    tooLarge: 'news.image.tooLarge',
    type: 'news.image.wrongType',
    unreadable: 'news.image.unreadable',
    tooManyPixels: 'news.image.tooManyPixels',
  },
};

export const covers = singleImage({ ...kind, table: 'post_covers' });
export const bodyImages = imageGallery({ ...kind, table: 'post_images' });

export type CoverInfo = ImageInfo;

export function coverUrl(slug: string, info: Pick<ImageInfo, 'version'>, size: 'full' | 'thumb' = 'full') {
  return imageUrl(`/news/${slug}/cover.webp`, info, size);
}

/** The address of a body image: what the author pastes, and the only kind the body may show. */
export const bodyImageUrl = (id: number) => `/news/images/${id}.webp`;

/** The images uploaded for a post, newest first, for the edit page's list of snippets. */
export function bodyImagesOf(db: Kysely<Database>, postId: number) {
  return db
    .selectFrom('post_images')
    .select(['id', 'thumb_width', 'thumb_height'])
    .where('post_id', '=', postId)
    .orderBy('id', 'desc')
    .execute();
}
