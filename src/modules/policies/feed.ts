// The Atom feed of the measures, with the list's filters (/measures/feed.atom?country=LA…): newest
// first; `updated` moves when a measure is edited.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE, type FeedEntry } from '../../platform/feeds.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { listMeasures } from './listing.ts';
import { filterQuery, isFiltered, type MeasureFilter } from './schemas.ts';

export const feedFilter = (filter: MeasureFilter): MeasureFilter => ({ ...filter, sort: undefined, page: 1 });

export function feedHref(filter: MeasureFilter): string {
  return `/measures/feed.atom${filterQuery(feedFilter(filter))}`;
}

export function feedTitle(c: Context<AppEnv>, filter: MeasureFilter): string {
  const t = c.var.t;
  const parts = [
    filter.country ? c.var.fmt.country(filter.country) : undefined,
    filter.goal ? t(`policies.goal.${filter.goal}`) : undefined,
    filter.stage ? t(`vocab.stage.${filter.stage}`) : undefined,
    filter.year ? String(filter.year) : undefined,
  ].filter((p): p is string => !!p);
  return isFiltered(filter)
    ? t('policies.feedTitleFiltered', { filters: parts.join(', ') || '…' })
    : t('policies.feedTitle');
}

export async function measuresFeed(c: Context<AppEnv>, filter: MeasureFilter): Promise<Response> {
  const f = { ...feedFilter(filter), sort: 'updated' as const };
  const locale = c.var.locale;
  const { cards } = await listMeasures(c.var.deps.db, f, { locale, pageSize: FEED_SIZE, offset: 0 });
  const entries: FeedEntry[] = cards.map((m) => ({
    name: `policies/measure/${m.id}`,
    title: m.translatedTitle ? `${m.title} — ${m.translatedTitle}` : m.title,
    url: absoluteUrl(c, `/measures/${m.id}`),
    updated: m.updated_at,
    published: m.created_at,
    summary: `${c.var.fmt.country(m.country)}, ${m.report_year}`,
    contentHtml: m.description ? renderMarkdown(m.description) : undefined,
    authors: [c.var.fmt.country(m.country)],
    categories: [m.country, ...m.goals],
  }));
  return atomResponse(c, {
    title: feedTitle(c, f),
    subtitle: c.var.t('policies.intro'),
    selfUrl: absoluteUrl(c, feedHref(f)),
    alternateUrl: absoluteUrl(c, `/measures${filterQuery(feedFilter(filter))}`),
    lang: locale,
    entries,
  });
}
