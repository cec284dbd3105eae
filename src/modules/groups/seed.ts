// Demo groups from seed/groups/groups.json (the Lao QPR working team, the Mekong digital skills
// network), written through the same schema and action as the form, with their demo members. A
// group whose name is already there is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createGroup } from './actions/groups.ts';
import { groupInput } from './schemas.ts';
import { GROUP_ROLES } from './vocab.ts';

const seedFile = z.object({
  groups: z.array(
    z
      .object({
        name: z.string(),
        members: z.array(z.object({ email: z.string(), role: z.enum(GROUP_ROLES) })),
      })
      .passthrough(),
  ),
});

export async function seedGroups({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { groups } = readSeedFile('groups/groups.json', seedFile);
  const existing = new Set((await db.selectFrom('groups').select('name').execute()).map((r) => r.name));
  await db.transaction().execute(async (trx) => {
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const { members, ...entry } of groups) {
      if (existing.has(entry.name)) continue;
      // A demo organisation that is not there (the directory's seed did not run) is left out.
      const organisation =
        typeof entry.organisation === 'string' &&
        (await trx
          .selectFrom('organisations')
          .select('id')
          .where('slug', '=', entry.organisation)
          .executeTakeFirst())
          ? entry.organisation
          : null;
      const group = await createGroup(ctx, groupInput.parse({ ...entry, organisation }));
      for (const m of members) {
        const user = await trx
          .selectFrom('users')
          .select('id')
          .where('email', '=', m.email)
          .executeTakeFirst();
        if (!user) continue;
        await trx
          .insertInto('group_members')
          .values({ group_id: group.id, user_id: user.id, role: m.role, created_at: group.created_at })
          .execute();
      }
    }
  });
}
