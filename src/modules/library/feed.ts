// The library's Atom feed (/library/feed.atom, with the list's filters): the documents most
// recently added, published ones only, whoever asks, so feed readers and proxies may keep it;
// titled by its filters, as the press and news feeds are.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE } from '../../platform/feeds.ts';
import type { Formatters, Translator } from '../../platform/i18n.ts';
import { excerpt, renderMarkdown } from '../../platform/markdown.ts';
import { siteName } from '../../platform/site/index.ts';
import { REGIONS, type Region } from '../../platform/vocabularies.ts';
import { issuerNameOf } from './access.ts';
import { listDocuments } from './listing.ts';
import { filterQuery, type LibraryFilter } from './schemas.ts';

/** A country's name, or a region's label (documents apply to either). */
export function placeLabel(code: string, t: Translator, fmt: Formatters): string {
  return (REGIONS as readonly string[]).includes(code)
    ? t(`vocab.region.${code as Region}`)
    : fmt.country(code);
}

/**
 * The feed's title: the library's, followed by the filters when it has any ("Library: documents —
 * Law, Laos, 2024"), so a reader subscribed to several feeds of the library can tell them apart.
 */
export async function feedTitle(c: Context<AppEnv>, filter: LibraryFilter): Promise<string> {
  const { t, fmt } = c.var;
  const issuer = filter.issuer
    ? ((
        await c.var.deps.db
          .selectFrom('organisations')
          .select('name')
          .where('slug', '=', filter.issuer)
          .executeTakeFirst()
      )?.name ?? filter.issuer)
    : undefined;
  const parts = [
    filter.q ? `“${filter.q}”` : undefined,
    filter.kind ? t(`library.kind.${filter.kind}`) : undefined,
    filter.country ? placeLabel(filter.country, t, fmt) : undefined,
    filter.language ? fmt.language(filter.language) : undefined,
    filter.domain ? t(`vocab.domain.${filter.domain}`) : undefined,
    filter.year,
    issuer,
    filter.status ? t(`library.status.${filter.status}`) : undefined,
    filter.theme,
    filter.tag ? `#${filter.tag}` : undefined,
  ].filter((p): p is string => !!p);
  return parts.length
    ? t('library.feedTitleFiltered', { filters: parts.join(', ') })
    : t('library.feedTitle');
}

export async function libraryFeed(c: Context<AppEnv>, query: LibraryFilter): Promise<Response> {
  const filter = { ...query, sort: 'added' as const, page: 1 };
  const { docs } = await listDocuments(c.var.deps.db, filter, null, { offset: 0, size: FEED_SIZE });
  const t = c.var.t;
  const q = filterQuery(filter);
  return atomResponse(c, {
    title: `${await feedTitle(c, filter)} · ${siteName(c)}`,
    subtitle: t('library.intro'),
    selfUrl: absoluteUrl(c, `/library/feed.atom${q}`),
    alternateUrl: absoluteUrl(c, `/library${q}`),
    lang: c.var.locale,
    entries: docs.map((doc) => {
      const issuer = issuerNameOf(doc);
      return {
        name: `library/document/${doc.id}`,
        title: doc.official_number ? `${doc.title} (${doc.official_number})` : doc.title,
        url: absoluteUrl(c, `/library/${doc.slug}`),
        updated: doc.updated_at,
        published: doc.published_at ?? undefined,
        summary: doc.summary ? excerpt(doc.summary, 300) : undefined,
        contentHtml: doc.summary ? renderMarkdown(doc.summary) : undefined,
        authors: issuer ? [issuer] : undefined,
        categories: [t(`library.kind.${doc.kind}`), ...doc.themes],
      };
    }),
  });
}
