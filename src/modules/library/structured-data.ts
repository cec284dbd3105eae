// schema.org JSON-LD for a document's page: Legislation for conventions, laws, decrees and
// policies (with the official number, date, issuing body and jurisdiction), Report for reports and
// studies, CreativeWork for the rest; language versions as translationOfWork / workTranslation, and
// the files as MediaObjects (`encoding`); a collection as a Collection of its documents.
import { excerpt } from '../../platform/markdown.ts';
import type { Collection, DocumentDetails } from './access.ts';
import { fileVersionUrl } from './files.ts';
import { LEGISLATION_KINDS, REPORT_KINDS } from './vocab.ts';

export function schemaTypeOf(doc: DocumentDetails): 'Legislation' | 'Report' | 'CreativeWork' {
  if (LEGISLATION_KINDS.has(doc.kind)) return 'Legislation';
  if (REPORT_KINDS.has(doc.kind)) return 'Report';
  return 'CreativeWork';
}

export function documentJsonLd(doc: DocumentDetails, baseUrl: string): Record<string, unknown> {
  const type = schemaTypeOf(doc);
  const issuer = doc.issuer
    ? { '@type': 'Organization', name: doc.issuer.name, url: `${baseUrl}/directory/${doc.issuer.slug}` }
    : doc.issuer_name
      ? { '@type': 'Organization', name: doc.issuer_name }
      : undefined;
  const countries = doc.places.filter((p) => /^[A-Z]{2}$/.test(p));
  return {
    '@context': 'https://schema.org',
    '@type': type,
    name: doc.title,
    url: `${baseUrl}/library/${doc.slug}`,
    inLanguage: doc.lang,
    ...(doc.summary ? { description: excerpt(doc.summary, 300) } : {}),
    ...(doc.translations.some((t) => t.title)
      ? { alternateName: doc.translations.flatMap((t) => (t.title ? [t.title] : [])) }
      : {}),
    ...(doc.source_url ? { sameAs: doc.source_url } : {}),
    ...(doc.licence ? { license: doc.licence } : {}),
    ...(doc.themes.length || doc.tags.length ? { keywords: [...doc.themes, ...doc.tags].join(', ') } : {}),
    ...(doc.issued_on ? { datePublished: doc.issued_on } : {}),
    dateModified: doc.updated_at,
    ...(doc.languageVersionOf
      ? {
          translationOfWork: {
            '@type': type,
            url: `${baseUrl}/library/${doc.languageVersionOf.slug}`,
            inLanguage: doc.languageVersionOf.lang,
          },
        }
      : {}),
    ...(!doc.languageVersionOf && doc.languageVersions.length
      ? {
          workTranslation: doc.languageVersions.map((l) => ({
            '@type': type,
            url: `${baseUrl}/library/${l.slug}`,
            inLanguage: l.lang,
          })),
        }
      : {}),
    ...(doc.files.length
      ? {
          encoding: doc.files.map((f) => ({
            '@type': 'MediaObject',
            name: f.label ?? f.versions[0]!.name,
            contentUrl: `${baseUrl}${fileVersionUrl(doc.slug, f.id, f.versions[0]!.hash)}`,
            encodingFormat: f.versions[0]!.mime,
            contentSize: String(f.versions[0]!.size),
            inLanguage: f.lang,
            uploadDate: f.versions[0]!.created_at,
          })),
        }
      : {}),
    ...(type === 'Legislation'
      ? {
          ...(doc.official_number ? { legislationIdentifier: doc.official_number } : {}),
          ...(doc.issued_on ? { legislationDate: doc.issued_on } : {}),
          ...(issuer ? { legislationPassedBy: issuer } : {}),
          ...(countries.length
            ? {
                legislationJurisdiction: countries.map((code) => ({
                  '@type': 'AdministrativeArea',
                  identifier: code,
                })),
              }
            : {}),
          ...(doc.status
            ? {
                legislationLegalForce: `https://schema.org/${{ draft: 'NotInForce', in_force: 'InForce', superseded: 'NotInForce' }[doc.status]}`,
              }
            : {}),
        }
      : issuer
        ? { publisher: issuer }
        : {}),
  };
}

export function collectionJsonLd(
  collection: Collection,
  documents: readonly DocumentDetails[],
  baseUrl: string,
): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Collection',
    name: collection.title,
    url: `${baseUrl}/library/collections/${collection.slug}`,
    inLanguage: collection.lang,
    hasPart: documents.map((d) => ({
      '@type': 'CreativeWork',
      name: d.title,
      url: `${baseUrl}/library/${d.slug}`,
    })),
  };
}
