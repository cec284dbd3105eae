// Demo content from seed/skills/surveys.json: the digital skills mapping of UNESCO's Mekong
// cluster project (seed 001), as a draft survey of the shipped creative-sector framework, owned by
// UNESCO Bangkok when the directory's seed added it. No answers: they are never invented. A survey
// whose title is there already is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createSurvey } from './actions.ts';
import { surveyObject } from './schemas.ts';

const seedFile = z.object({
  surveys: z.array(z.object({ title: z.string(), owner: z.string() }).passthrough()),
});

export async function seedSkills({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { surveys } = readSeedFile('skills/surveys.json', seedFile);
  for (const entry of surveys) {
    const exists = await db
      .selectFrom('skill_surveys')
      .select('id')
      .where('title', '=', entry.title)
      .executeTakeFirst();
    const owner = await db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', entry.owner)
      .executeTakeFirst();
    if (exists || !owner) continue;
    await createSurvey(
      systemContext(deps, 'seed'),
      surveyObject.parse({ ...entry, owner: `organisation:${owner.id}` }),
    );
  }
}
