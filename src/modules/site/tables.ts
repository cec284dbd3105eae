// The site module's tables, added to the platform's Database type. The settings themselves are a
// JSON value in the platform's `settings` table (platform/site); these hold what does not fit there.
import type { Timestamp } from '../../db/schema.ts';
import type { ImageColumns } from '../../platform/attached-images.ts';

/** The hub's logo: one row at most (`site` = 1), re-encoded as WebP at two sizes. */
export interface SiteLogoTable extends ImageColumns {
  site: number;
}

/** One of the operator's pages (about, privacy…) in one language: Markdown, cleaned when shown. */
export interface SitePagesTable {
  slug: string;
  lang: string;
  title: string;
  body: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    site_logo: SiteLogoTable;
    site_pages: SitePagesTable;
  }
}
