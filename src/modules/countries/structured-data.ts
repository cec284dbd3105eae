// A country's page as schema.org JSON-LD: a Country, named in the page's language, with its ISO code.
export function countryJsonLd(code: string, name: string, baseUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Country',
    name,
    identifier: code,
    url: `${baseUrl}/countries/${code}`,
  };
}
