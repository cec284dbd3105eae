// Demo organisations from seed/directory/organisations.json (taken from the source documents).
// Written through the same store functions as the pages (translations included), so they are
// indexed like any other.
import { z } from 'zod';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { organisationInputSchema } from './schemas.ts';
import { createOrganisation, setVerified } from './store.ts';

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
  const existing = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  const idOf = new Map(existing.map((o) => [o.slug, o.id]));
  // Parents first, so that children can point to them.
  const ordered = [...organisations].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
  await db.transaction().execute(async (trx) => {
    for (const entry of ordered) {
      if (idOf.has(entry.slug)) continue;
      const input = organisationInputSchema.parse({ ...entry, parent: null });
      const parentId = entry.parent ? (idOf.get(entry.parent) ?? null) : null;
      const org = await createOrganisation(trx, { ...input, parentId, slug: entry.slug }, null, 'published');
      idOf.set(entry.slug, org.id);
      if (entry.verified) await setVerified(trx, org.id, true);
    }
  });
}
