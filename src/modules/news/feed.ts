// The Atom feed of the news, with the list's filters (/news/feed.atom?category=…&tag=…): written by
// platform/feeds.ts. Entries carry the rendered, sanitised body with absolute links and image
// addresses (a feed reader has no base URL), in the reader's language where a translation exists.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE, type FeedEntry } from '../../platform/feeds.ts';
import { excerpt, renderMarkdown } from '../../platform/markdown.ts';
import { siteName } from '../../platform/site/index.ts';
import { nowIso } from '../../platform/time.ts';
import { listPosts } from './listing.ts';
import { filterQuery, isFiltered, type NewsFilter } from './schemas.ts';
import { BODY_IMAGE_PATH } from './vocab.ts';

/** The feed's filters: the list's, without the page (a feed is always the newest). */
const feedFilter = (filter: NewsFilter): NewsFilter => ({ ...filter, page: 1 });

export function feedHref(filter: NewsFilter): string {
  return `/news/feed.atom${filterQuery(feedFilter(filter))}`;
}

export function feedTitle(c: Context<AppEnv>, filter: NewsFilter): string {
  const t = c.var.t;
  const parts = [
    filter.category ? t(`news.category.${filter.category}`) : undefined,
    filter.tag ? `#${filter.tag}` : undefined,
    filter.language ? c.var.fmt.language(filter.language) : undefined,
    filter.organisation,
  ].filter((p): p is string => !!p);
  return isFiltered(filter)
    ? t('news.feedTitleFiltered', { filters: parts.join(', ') })
    : t('news.feedTitle');
}

/** The body as HTML with the site's own paths (links, images) made absolute. */
export function absoluteHtml(markdown: string, baseUrl: string): string {
  return renderMarkdown(markdown, { localImages: BODY_IMAGE_PATH }).replace(
    /(<(?:a|img)\b[^>]*?\s(?:href|src)=")(\/(?!\/))/g,
    `$1${baseUrl}$2`,
  );
}

export async function newsFeed(c: Context<AppEnv>, filter: NewsFilter): Promise<Response> {
  const f = feedFilter(filter);
  const { db, config } = c.var.deps;
  const now = nowIso();
  const { cards } = await listPosts(db, f, { locale: c.var.locale, now, pageSize: FEED_SIZE, offset: 0 });
  const entries: FeedEntry[] = cards.map((card) => {
    const url = absoluteUrl(c, `/news/${card.slug}`);
    return {
      name: `news/post/${card.id}`,
      title: card.shownTitle,
      url,
      updated: card.updated_at,
      published: card.published_at ?? undefined,
      summary: excerpt(card.shownBody, 300),
      contentHtml: absoluteHtml(card.shownBody, config.baseUrl),
      authors: [card.organisationName ?? card.authorName ?? siteName(c)],
      categories: [c.var.t(`news.category.${card.category}`), ...card.tags],
    };
  });
  return atomResponse(c, {
    title: feedTitle(c, f),
    subtitle: c.var.t('news.intro'),
    selfUrl: absoluteUrl(c, feedHref(f)),
    alternateUrl: absoluteUrl(c, `/news${filterQuery(f)}`),
    lang: c.var.locale,
    entries,
  });
}
