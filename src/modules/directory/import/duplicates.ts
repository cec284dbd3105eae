// "Likely duplicates": the same name in the same country once case, accents, spacing and
// punctuation are folded the way the search index folds them ("Sàn Art" = "SAN ART" = "San-Art").
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { searchForm } from '../../../search/normalize.ts';
import { foldLatin } from '../../../search/tokenize.ts';

export function duplicateKey(name: string, country: string): string {
  const folded = foldLatin(searchForm(name))
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
  return `${country}|${folded}`;
}

export interface ExistingOrganisation {
  slug: string;
  name: string;
}

/** The organisations already in the directory in these countries, by duplicate key. */
export async function existingByKey(
  db: Kysely<Database>,
  countries: string[],
): Promise<Map<string, ExistingOrganisation>> {
  const out = new Map<string, ExistingOrganisation>();
  if (countries.length === 0) return out;
  const rows = await db
    .selectFrom('organisations')
    .select(['slug', 'name', 'country'])
    .where('country', 'in', countries)
    .execute();
  for (const r of rows) {
    const key = duplicateKey(r.name, r.country);
    if (!out.has(key)) out.set(key, { slug: r.slug, name: r.name });
  }
  return out;
}
