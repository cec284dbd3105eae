// A post as schema.org JSON-LD: a NewsArticle (a BlogPosting in the blog category), published by the
// organisation it is for or by the hub, in the language shown (a translation names its original).
import { excerpt } from '../../platform/markdown.ts';
import type { PostDetails } from './access.ts';
import type { PostState } from './vocab.ts';

/** What a post's page shows: the original or one translation. */
export interface ShownVersion {
  lang: string;
  title: string;
  body: string;
  translated: boolean;
}

export function postJsonLd(
  post: PostDetails,
  options: {
    shown: ShownVersion;
    state: PostState;
    baseUrl: string;
    siteName: string;
    /** The category's name in the reader's language. */
    section: string;
    image?: string;
  },
): Record<string, unknown> {
  const { shown, baseUrl, image } = options;
  const pageUrl = `${baseUrl}/news/${post.slug}`;
  const publisher = post.organisation
    ? {
        '@type': 'Organization',
        name: post.organisation.name,
        url: `${baseUrl}/directory/${post.organisation.slug}`,
      }
    : { '@type': 'Organization', name: options.siteName, url: baseUrl };
  return {
    '@context': 'https://schema.org',
    '@type': post.category === 'blog' ? 'BlogPosting' : 'NewsArticle',
    headline: shown.title.slice(0, 110),
    inLanguage: shown.lang,
    ...(shown.translated
      ? { translationOfWork: { '@type': 'CreativeWork', inLanguage: post.lang, name: post.title } }
      : {}),
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    ...(post.published_at && options.state === 'published' ? { datePublished: post.published_at } : {}),
    dateModified: post.updated_at,
    author: post.organisation
      ? publisher
      : post.author
        ? { '@type': 'Person', name: post.author.name }
        : publisher,
    publisher,
    ...(image ? { image } : {}),
    ...(post.body ? { description: excerpt(shown.body, 300) } : {}),
    articleSection: options.section,
    ...(post.tags.length ? { keywords: post.tags.join(', ') } : {}),
  };
}
