// The news module's fixed words: categories, reserved paths, sizes.

/**
 * Categories are a fixed vocabulary rather than an editor-managed list: they drive filters, feeds
 * and the schema.org type (a blog post is a BlogPosting, the rest NewsArticle), and each needs a
 * name in seven languages — a list editors could grow would show untranslated names to most readers.
 */
export const CATEGORIES = ['news', 'announcement', 'blog', 'opportunity', 'story'] as const;
export type Category = (typeof CATEGORIES)[number];

/** What the form offers: keep as a draft, publish now, or publish at a chosen moment. */
export const PUBLISH_CHOICES = ['draft', 'publish', 'schedule'] as const;
export type PublishChoice = (typeof PUBLISH_CHOICES)[number];

/** Where a post stands for readers, derived from published_at and the moment of the request. */
export type PostState = 'draft' | 'scheduled' | 'published';

/** Paths under /news/ that are pages of their own, never a post. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'new',
  'feed.atom',
  'feed',
  'images',
  'comments',
  'drafts',
  'tags',
  'tag',
  'category',
  'api',
  'search',
  'edit',
]);

/** Tags on one post, and the length of one tag. */
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;
export const TITLE_MAX = 200;
export const BODY_MAX = 50_000;
export const COMMENT_MAX = 3_000;

/** The images a post's body may show: this site's own uploads, nothing else. */
export const BODY_IMAGE_PATH = /^\/news\/images\/\d{1,15}\.webp$/;
