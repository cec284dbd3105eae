// Demo measures from seed/policies/measures.json: what the source documents say of Lao PDR's
// measures (the QPR, STELLA's hub), Viet Nam's strategy in the library and Qingdao's film industry
// — nothing invented (no budgets). Written through the same schema and action as the form; a
// measure whose title is there already for its country is skipped, so seeding twice adds nothing
// twice. A document or event another seed did not add is left out rather than refused.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createMeasure } from './actions.ts';
import { measureInput } from './schemas.ts';

const seedFile = z.object({
  measures: z.array(z.object({ title: z.string(), country: z.string(), evidence: z.string() }).passthrough()),
});

export async function seedPolicies({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { measures } = readSeedFile('policies/measures.json', seedFile);
  const existing = new Set(
    (await db.selectFrom('policy_measures').select(['country', 'title']).execute()).map(
      (r) => `${r.country} ${r.title}`,
    ),
  );
  const documents = new Set((await db.selectFrom('documents').select('slug').execute()).map((r) => r.slug));
  const events = new Set((await db.selectFrom('events').select('slug').execute()).map((r) => r.slug));
  await db.transaction().execute(async (trx) => {
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const { evidence: _evidence, ...entry } of measures) {
      if (existing.has(`${entry.country} ${entry.title}`)) continue;
      const input = measureInput.parse(entry);
      input.documents = input.documents.filter((d) => documents.has(d));
      if (input.event && !events.has(input.event)) input.event = null;
      await createMeasure(ctx, input);
    }
  });
}
