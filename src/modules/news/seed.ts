// Demo posts from seed/news/posts.json: news of the gatherings the source documents describe, with
// their dates, posted for their organisers where the directory has them. Written through the same
// schema and actions as the form, so they are validated and indexed like any other; a post whose
// slug is already there is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { createPost } from './actions.ts';
import { postInput } from './schemas.ts';

const seedFile = z.object({
  posts: z.array(
    z
      .object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        organisation: z.string().nullable(),
        published_at: z.iso.datetime(),
      })
      .passthrough(),
  ),
});

export async function seedNews({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const { posts } = readSeedFile('news/posts.json', seedFile);
  const existing = new Set((await db.selectFrom('posts').select('slug').execute()).map((r) => r.slug));
  await db.transaction().execute(async (trx) => {
    const ctx = { ...systemContext(deps, 'seed'), trx };
    for (const entry of posts) {
      if (existing.has(entry.slug)) continue;
      // Posted for its organiser when the directory has it (its seed ran), else as the hub's news.
      const organiser = entry.organisation
        ? await trx
            .selectFrom('organisations')
            .select('id')
            .where('slug', '=', entry.organisation)
            .executeTakeFirst()
        : undefined;
      const input = postInput.parse({
        ...entry,
        organisation: organiser ? entry.organisation : null,
        status: 'publish',
        publish_at: null,
      });
      await createPost(ctx, input, { imported: { slug: entry.slug, publishedAt: entry.published_at } });
    }
  });
}
