// The schema.org Person of a profile page (JSON-LD): who, where they work and on what, the
// languages they speak, and the email and phone only where the reader may see them.
import type { Translator } from '../../platform/i18n.ts';
import { excerpt } from '../../platform/markdown.ts';
import type { Domain } from '../../platform/vocabularies.ts';
import type { PersonDetails } from './access.ts';
import { photoUrl } from './photo.ts';

export function personJsonLd(
  person: PersonDetails,
  options: { baseUrl: string; t: Translator; contact: boolean },
): Record<string, unknown> {
  const { baseUrl, t, contact } = options;
  const organisations = person.organisations.filter((o) => o.published);
  return {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.name,
    ...(person.name_translit ? { alternateName: person.name_translit } : {}),
    url: `${baseUrl}/directory/people/${person.slug}`,
    ...(person.photo ? { image: `${baseUrl}${photoUrl(person.slug, person.photo)}` } : {}),
    ...(person.title ? { jobTitle: person.title } : {}),
    ...(person.bio ? { description: excerpt(person.bio, 300) } : {}),
    ...(organisations.length
      ? {
          worksFor: organisations.map((o) => ({
            '@type': 'Organization',
            name: o.name,
            url: `${baseUrl}/directory/${o.slug}`,
          })),
        }
      : {}),
    ...(person.country
      ? {
          workLocation: {
            '@type': 'Place',
            address: { '@type': 'PostalAddress', addressCountry: person.country },
          },
        }
      : {}),
    ...(person.languages.length ? { knowsLanguage: person.languages } : {}),
    ...(person.skills.length || person.domains.length
      ? { knowsAbout: [...person.domains.map((d) => t(`vocab.domain.${d as Domain}`)), ...person.skills] }
      : {}),
    ...(person.linkList.length ? { sameAs: person.linkList } : {}),
    ...(contact && person.email ? { email: person.email } : {}),
    ...(contact && person.phone ? { telephone: person.phone } : {}),
  };
}
