// A clipping as schema.org JSON-LD: a NewsArticle that is the outlet's. Its url is the original
// article, and this page is where the hub keeps it (mainEntityOfPage); the outlet is the publisher,
// as the article names it; what it is about is the hub's event, or what `covers` says.
import { excerpt } from '../../platform/markdown.ts';
import type { ClippingDetails, ClippingTranslation } from './access.ts';

export function clippingJsonLd(
  clipping: ClippingDetails,
  options: { baseUrl: string; translation?: ClippingTranslation; screenshot?: string },
): Record<string, unknown> {
  const { baseUrl, translation, screenshot } = options;
  const about = clipping.event?.published
    ? { '@type': 'Event', name: clipping.event.title, url: `${baseUrl}/events/${clipping.event.slug}` }
    : clipping.covers
      ? {
          '@type': 'Thing',
          name: clipping.covers,
          ...(clipping.covers_url ? { url: clipping.covers_url } : {}),
        }
      : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: clipping.title,
    ...(translation?.title ? { alternativeHeadline: translation.title } : {}),
    inLanguage: clipping.lang,
    datePublished: clipping.published_on,
    url: clipping.url,
    mainEntityOfPage: `${baseUrl}/press/${clipping.id}`,
    publisher: {
      '@type': 'Organization',
      name: clipping.outlet,
      ...(clipping.outlet_url ? { url: clipping.outlet_url } : {}),
    },
    ...(clipping.summary ? { abstract: excerpt(clipping.summary, 300) } : {}),
    ...(about ? { about } : {}),
    ...(screenshot ? { image: screenshot } : {}),
    dateModified: clipping.updated_at,
  };
}
