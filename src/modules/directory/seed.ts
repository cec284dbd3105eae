// Demo organisations from seed/directory/organisations.json (taken from the source documents).
// Written through the same schema and actions as the form (translations included), in one
// transaction, so they are validated and indexed like any other; an organisation whose slug is
// already there is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createOrganisation, verifyOrganisation } from './actions/organisations.ts';
import { organisationInputSchema } from './schemas.ts';

const seedFile = z.object({
  organisations: z.array(
    z
      .object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        parent: z.string().nullable(),
        verified: z.boolean(),
        translations: z.array(z.object({ lang: z.string(), name: z.string(), description: z.string() })),
      })
      .passthrough(),
  ),
});

export async function seedDirectory({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { organisations } = readSeedFile('directory/organisations.json', seedFile);
  const existing = new Set(
    (await db.selectFrom('organisations').select('slug').execute()).map((o) => o.slug),
  );
  // Parents first, so that children can point to them.
  const ordered = [...organisations].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
  await db.transaction().execute(async (trx) => {
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const entry of ordered) {
      if (existing.has(entry.slug)) continue;
      const parent = entry.parent && existing.has(entry.parent) ? entry.parent : null;
      const org = await createOrganisation(ctx, organisationInputSchema.parse({ ...entry, parent }), {
        slug: entry.slug,
      });
      existing.add(org.slug);
      if (entry.verified) await verifyOrganisation(ctx, org, true);
    }
  });
}
