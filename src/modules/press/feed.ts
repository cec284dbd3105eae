// The Atom feed of the press coverage, with the list's filters (/press/feed.atom?outlet=…): written
// by platform/feeds.ts. An entry's date is the article's day; `updated` moves when the clipping is
// edited, so feed readers see corrections.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE, type FeedEntry } from '../../platform/feeds.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { dayToIso } from '../../platform/time.ts';
import { listClippings } from './listing.ts';
import { filterQuery, isFiltered, type PressFilter } from './schemas.ts';

/** The feed's filters: the list's, without order or page (a feed is always newest first). */
export const feedFilter = (filter: PressFilter): PressFilter => ({ ...filter, sort: undefined, page: 1 });

export function feedHref(filter: PressFilter): string {
  return `/press/feed.atom${filterQuery(feedFilter(filter))}`;
}

export function feedTitle(c: Context<AppEnv>, filter: PressFilter): string {
  const t = c.var.t;
  const parts = [
    filter.outlet,
    filter.language ? c.var.fmt.language(filter.language) : undefined,
    filter.year ? String(filter.year) : undefined,
    filter.from || filter.to ? `${filter.from ?? '…'} – ${filter.to ?? '…'}` : undefined,
  ].filter((p): p is string => !!p);
  return isFiltered(filter)
    ? t('press.feedTitleFiltered', { filters: parts.join(', ') })
    : t('press.feedTitle');
}

export async function pressFeed(c: Context<AppEnv>, filter: PressFilter): Promise<Response> {
  const f = feedFilter(filter);
  const locale = c.var.locale;
  const { cards } = await listClippings(c.var.deps.db, f, { locale, pageSize: FEED_SIZE, offset: 0 });
  const entries: FeedEntry[] = cards.map((card) => {
    const url = absoluteUrl(c, `/press/${card.id}`);
    return {
      name: `press/clipping/${card.id}`,
      // The original title, with the reader's translation after it where there is one.
      title: card.translatedTitle ? `${card.title} — ${card.translatedTitle}` : card.title,
      url,
      updated: card.updated_at,
      published: dayToIso(card.published_on),
      summary: `${card.outlet}, ${card.published_on}`,
      contentHtml: card.summary ? renderMarkdown(card.summary) : undefined,
      authors: [card.outlet],
      categories: [card.lang],
    };
  });
  return atomResponse(c, {
    title: feedTitle(c, f),
    subtitle: c.var.t('press.intro'),
    selfUrl: absoluteUrl(c, feedHref(f)),
    alternateUrl: absoluteUrl(c, `/press${filterQuery(f)}`),
    lang: locale,
    entries,
  });
}
