// Demo people from seed/people/people.json (named in the source documents, with only what those
// say publicly). Runs after the directory's seed, so the organisations they work for exist; written
// through the same schema and action as the form, in one transaction, so they are validated and
// indexed like any other profile. A person whose slug is there already is skipped, so seeding twice
// adds nothing twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createPerson, resolveOrganisations } from './actions/profiles.ts';
import { personInput } from './schemas.ts';

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
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const entry of people) {
      if (existing.has(entry.slug)) continue;
      const input = personInput.parse({ lang: 'en', ...entry });
      // An organisation missing from this hub's directory is left out rather than failing the seed.
      const { ids } = await resolveOrganisations(
        trx,
        input.organisations.map((o) => o.slug),
      );
      const organisations = input.organisations.filter((o) => ids.has(o.slug));
      await createPerson(ctx, { ...input, organisations, owner: 'none' }, { slug: entry.slug });
    }
  });
}
