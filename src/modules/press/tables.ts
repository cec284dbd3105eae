// The press module's tables, added to the platform's Database type (declaration merging), so every
// query on them is typed like the platform's own.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { ImageColumns } from '../../platform/attached-images.ts';

/**
 * One article about the hub's work in a newspaper, magazine or website: about an event of the hub
 * (`event_id`), or about something described in `covers`.
 */
export interface PressClippingsTable {
  id: Generated<number>;
  outlet: string;
  outlet_url: string | null;
  /** The day the article appeared, `YYYY-MM-DD`: text on both databases, so it sorts and compares as a date. */
  published_on: string;
  /** The article's own title, in its own language. */
  title: string;
  /** BCP 47 language of the title and summary (the article's language). */
  lang: string;
  /** The article itself: an http(s) URL. */
  url: string;
  /** Markdown. */
  summary: string;
  /** The event or project the article is about, as text … */
  covers: string | null;
  /** … and a link to it (a page of this hub or elsewhere). */
  covers_url: string | null;
  /** The event of this hub the article is about; null when it is about none (or the event was deleted). */
  event_id: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The title (and summary) in another language than the article's: translations, marked as such. */
export interface PressClippingTranslationsTable {
  clipping_id: number;
  lang: string;
  title: string;
  summary: string;
}

/** A screenshot of the article, re-encoded as WebP at two sizes (platform/images.ts); bytes in the database. */
export interface PressScreenshotsTable extends ImageColumns {
  clipping_id: number;
}

declare module '../../db/schema.ts' {
  interface Database {
    press_clippings: PressClippingsTable;
    press_clipping_translations: PressClippingTranslationsTable;
    press_screenshots: PressScreenshotsTable;
  }
}
