// The forums' tables, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { ImageColumns } from '../../platform/attached-images.ts';
import type { CategoryVisibility } from './vocab.ts';

/** A place for threads: by theme (policy, IP rights…), or a group's discussion space. */
export interface ForumCategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** BCP 47 language of the name and description. */
  lang: string;
  /** Markdown. */
  description: string;
  /** One of THEMES, or null (a group's category). */
  theme: string | null;
  /** A UNESCO domain (platform/vocabularies.ts), when the category is about one. */
  domain: string | null;
  /** ISO 3166-1 alpha-2, when the category is about one country. */
  country: string | null;
  visibility: CategoryVisibility;
  /** With visibility `group`: the group whose members alone read it. */
  group_id: number | null;
  position: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ForumCategoryTranslationsTable {
  category_id: number;
  lang: string;
  name: string;
  description: string;
}

export interface ForumThreadsTable {
  id: Generated<number>;
  category_id: number;
  title: string;
  /** The language of the title (the opening post's). */
  lang: string;
  author_id: number | null;
  /** A question: one reply may be marked as its answer. */
  is_question: Generated<number>;
  pinned: Generated<number>;
  locked: Generated<number>;
  /** Seconds a member waits between two posts in this thread; 0 for none. */
  slow_mode_seconds: Generated<number>;
  /** The reply marked as the answer. */
  solved_post_id: number | null;
  /** Set when its replies were moved into another thread: its URL leads there. */
  merged_into_id: number | null;
  /** Posts (the opening one included), hidden ones too: pages are counted from it. */
  post_count: Generated<number>;
  last_post_id: number | null;
  last_post_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The opening post of a thread and its replies: one table, in thread order by id. */
export interface ForumPostsTable {
  id: Generated<number>;
  thread_id: number;
  author_id: number | null;
  /** Markdown. */
  body: string;
  lang: string;
  hidden_at: Timestamp | null;
  hidden_by: number | null;
  hidden_reason: string | null;
  /** When its author or a moderator last changed it (null: as first written). */
  edited_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ForumPostTranslationsTable {
  post_id: number;
  lang: string;
  body: string;
}

export interface ForumReactionsTable {
  post_id: number;
  user_id: number;
  reaction: string;
  created_at: Timestamp;
}

/** Where a member stopped reading a thread: the last post they have seen. */
export interface ForumReadsTable {
  user_id: number;
  thread_id: number;
  last_read_post_id: number;
}

/** An image attached to a post (re-encoded as WebP at two sizes). */
export interface ForumPostImagesTable extends ImageColumns {
  id: Generated<number>;
  post_id: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    forum_categories: ForumCategoriesTable;
    forum_category_translations: ForumCategoryTranslationsTable;
    forum_threads: ForumThreadsTable;
    forum_posts: ForumPostsTable;
    forum_post_translations: ForumPostTranslationsTable;
    forum_reactions: ForumReactionsTable;
    forum_reads: ForumReadsTable;
    forum_post_images: ForumPostImagesTable;
  }
}
