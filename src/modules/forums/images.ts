// The images attached to a post (one per post from the forms; a gallery kind, so a post may hold
// more later), as a kind of attached image (platform/attached-images.ts): checked by content,
// re-encoded as WebP at two sizes without metadata, stored as bytes in the database.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { imageGallery } from '../../platform/attached-images.ts';
import { IMAGE_MAX_BYTES } from '../../platform/images.ts';

export const POST_IMAGE_MAX_BYTES = IMAGE_MAX_BYTES;

export const postImages = imageGallery({
  table: 'forum_post_images',
  owner: 'post_id',
  // A phone's screen wide, and a thumbnail that loads fast on 3G.
  sizes: { full: { size: 1200, quality: 80 }, thumb: { size: 480, quality: 75 } },
  maxBytes: POST_IMAGE_MAX_BYTES,
});

export const postImageUrl = (postId: number, imageId: number, size: 'full' | 'thumb' = 'full') =>
  `/forum/p/${postId}/images/${imageId}.webp${size === 'thumb' ? '?size=thumb' : ''}`;

export interface PostImage {
  id: number;
  post_id: number;
  thumb_width: number;
  thumb_height: number;
}

/** The images of a page's posts, oldest first. */
export async function imagesOf(db: Kysely<Database>, postIds: number[]): Promise<PostImage[]> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('forum_post_images')
    .select(['id', 'post_id', 'thumb_width', 'thumb_height'])
    .where('post_id', 'in', postIds)
    .orderBy('id')
    .execute();
}
