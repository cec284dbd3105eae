// The news module's tables, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp, Visibility } from '../../db/schema.ts';
import type { ImageColumns } from '../../platform/attached-images.ts';
import type { Category } from './vocab.ts';

export interface PostsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Markdown. */
  body: string;
  /** Language the title and body are written in (BCP 47). */
  lang: string;
  category: Category;
  /** The organisation on whose behalf it is posted; null for the hub's own news. */
  organisation_id: number | null;
  author_id: number | null;
  /** Text alternative of the cover image (empty when it is decorative or there is none). */
  cover_alt: string;
  /** Null for a draft; a moment in the future for a scheduled post. */
  published_at: Timestamp | null;
  /**
   * The visibility the search index holds for the post. A scheduled post is indexed `private` (its
   * author and editors find it); once its moment has passed, the job `news.publish-due` promotes it
   * to `public` within a minute (see actions.ts promoteDuePosts).
   */
  indexed_as: Visibility;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PostTranslationsTable {
  post_id: number;
  lang: string;
  title: string;
  body: string;
}

export interface PostTagsTable {
  post_id: number;
  /** Lower case, trimmed, single spaces. */
  tag: string;
}

/** The cover image, re-encoded as WebP at two sizes (platform/attached-images.ts), one per post. */
export interface PostCoversTable extends ImageColumns {
  post_id: number;
}

/** Images for inside a post's body, uploaded on the edit page and served at /news/images/<id>.webp. */
export interface PostImagesTable extends ImageColumns {
  id: Generated<number>;
  post_id: number;
  uploaded_by: number | null;
}

export interface PostCommentsTable {
  id: Generated<number>;
  post_id: number;
  author_id: number | null;
  /** Markdown. */
  body: string;
  created_at: Timestamp;
  /** Set when the post's author, an editor or a moderator hid it. */
  hidden_at: Timestamp | null;
  hidden_by: number | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    posts: PostsTable;
    post_translations: PostTranslationsTable;
    post_tags: PostTagsTable;
    post_covers: PostCoversTable;
    post_images: PostImagesTable;
    post_comments: PostCommentsTable;
  }
}
