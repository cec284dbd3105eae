// The library's Atom feed (/library/feed.atom, with the list's filters): the documents most
// recently added, published ones only, whoever asks, so feed readers and proxies may keep it.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { absoluteUrl, atomResponse, FEED_SIZE } from '../../platform/feeds.ts';
import { excerpt, renderMarkdown } from '../../platform/markdown.ts';
import { issuerNameOf } from './access.ts';
import { listDocuments } from './listing.ts';
import { filterQuery, type LibraryFilter } from './schemas.ts';

export async function libraryFeed(c: Context<AppEnv>, query: LibraryFilter): Promise<Response> {
  const filter = { ...query, sort: 'added' as const, page: 1 };
  const { docs } = await listDocuments(c.var.deps.db, filter, null, { offset: 0, size: FEED_SIZE });
  const t = c.var.t;
  const q = filterQuery(filter);
  return atomResponse(c, {
    title: `${t('library.feedTitle')} · ${c.var.deps.config.siteName}`,
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
