// Demo people from seed/people/people.json (named in the source documents, with only what those
// say publicly). Runs after the directory's seed, so the organisations they work for exist; written
// through the same store functions as the pages, so they are indexed like any other profile.
import { z } from 'zod';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { personInputSchema } from './schemas.ts';
import { createPerson, resolveOrganisations } from './store.ts';

const seedFile = z.object({
  people: z.array(
    z
      .object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        organisations: z.array(z.object({ slug: z.string(), role: z.string().nullable() })),
      })
      .passthrough(),
  ),
});

export async function seedPeople({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { people } = readSeedFile('people/people.json', seedFile);
  const existing = new Set((await db.selectFrom('people').select('slug').execute()).map((p) => p.slug));
  await db.transaction().execute(async (trx) => {
    for (const entry of people) {
      if (existing.has(entry.slug)) continue;
      const input = personInputSchema.parse({ lang: 'en', ...entry });
      // An organisation missing from this hub's directory is left out rather than failing the seed.
      const { ids } = await resolveOrganisations(
        trx,
        input.organisations.map((o) => o.slug),
      );
      await createPerson(trx, input, {
        userId: null,
        actor: null,
        status: 'published',
        organisationIds: ids,
        slug: entry.slug,
      });
    }
  });
}
