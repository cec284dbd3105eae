// A measure as schema.org JSON-LD: `Legislation` when it is a law or rests on one (a law, a decree,
// a policy of the library), otherwise `CreativeWork`; its country is the spatial coverage, its
// bodies the authors.
import { excerpt } from '../../platform/markdown.ts';
import type { MeasureDetails, MeasureTranslation } from './access.ts';

const LEGAL_KINDS = new Set(['convention', 'law', 'decree', 'policy']);
const LAW_WORDS = /\b(law|decree|act|ordinance|regulation)\b|luật|nghị định|ກົດໝາຍ|ດຳລັດ|ច្បាប់|พระราชบัญญัติ|法/iu;

/** Whether the measure is (or rests on) a legal instrument. */
export const isLegislation = (m: Pick<MeasureDetails, 'title' | 'documents'>): boolean =>
  m.documents.some((d) => LEGAL_KINDS.has(d.kind)) || LAW_WORDS.test(m.title);

export function measureJsonLd(
  m: MeasureDetails,
  options: { baseUrl: string; translation?: MeasureTranslation },
): Record<string, unknown> {
  const { baseUrl, translation } = options;
  const legislation = isLegislation(m);
  return {
    '@context': 'https://schema.org',
    '@type': legislation ? 'Legislation' : 'CreativeWork',
    name: m.title,
    ...(translation?.title ? { alternateName: translation.title } : {}),
    inLanguage: m.lang,
    url: `${baseUrl}/measures/${m.id}`,
    ...(m.description ? { abstract: excerpt(m.description, 300) } : {}),
    spatialCoverage: { '@type': 'Country', identifier: m.country },
    ...(legislation ? { legislationJurisdiction: m.country } : {}),
    temporalCoverage: String(m.report_year),
    ...(m.bodies.length
      ? {
          author: m.bodies.map((b) => ({
            '@type': 'Organization',
            name: b.name,
            ...(b.slug ? { url: `${baseUrl}/directory/${b.slug}` } : {}),
          })),
        }
      : {}),
    ...(m.website ? { sameAs: m.website } : {}),
    ...(m.documents.length
      ? {
          isBasedOn: m.documents.map((d) => ({
            '@type': LEGAL_KINDS.has(d.kind) ? 'Legislation' : 'CreativeWork',
            name: d.title,
            url: `${baseUrl}/library/${d.slug}`,
          })),
        }
      : {}),
    dateModified: m.updated_at,
  };
}
