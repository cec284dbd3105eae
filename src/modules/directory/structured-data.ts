// The schema.org description of an organisation's page (JSON-LD): what search engines read of it.
// Contacts only where the reader may see them, as on the page.
import { excerpt } from '../../platform/markdown.ts';
import type { OrganisationDetails } from './access.ts';

export function organisationJsonLd(
  org: OrganisationDetails,
  options: { baseUrl: string; contact: boolean; logo?: string },
): Record<string, unknown> {
  const { baseUrl, contact } = options;
  const sameAs = [...new Set([org.website, ...org.linkList.map((l) => l.url)].filter((u) => !!u))];
  return {
    '@context': 'https://schema.org',
    '@type':
      org.kind === 'government'
        ? 'GovernmentOrganization'
        : org.kind === 'academic'
          ? 'EducationalOrganization'
          : 'Organization',
    name: org.name,
    ...(org.name_translit ? { alternateName: org.name_translit } : {}),
    url: `${baseUrl}/directory/${org.slug}`,
    ...(sameAs.length ? { sameAs } : {}),
    ...(org.description ? { description: excerpt(org.description, 300) } : {}),
    ...(org.founded_year ? { foundingDate: String(org.founded_year) } : {}),
    address: {
      '@type': 'PostalAddress',
      addressCountry: org.country,
      ...(org.city ? { addressLocality: org.city } : {}),
      ...(org.province ? { addressRegion: org.province } : {}),
      ...(org.address ? { streetAddress: org.address } : {}),
    },
    ...(org.latitude !== null && org.longitude !== null
      ? {
          location: {
            '@type': 'Place',
            geo: { '@type': 'GeoCoordinates', latitude: org.latitude, longitude: org.longitude },
          },
        }
      : {}),
    ...(org.parent
      ? {
          parentOrganization: {
            '@type': 'Organization',
            name: org.parent.name,
            url: `${baseUrl}/directory/${org.parent.slug}`,
          },
        }
      : {}),
    ...(contact && org.email ? { email: org.email } : {}),
    ...(contact && org.phone ? { telephone: org.phone } : {}),
    ...(options.logo ? { logo: options.logo } : {}),
  };
}
