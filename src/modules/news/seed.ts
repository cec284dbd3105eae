// Demo posts from seed/news/posts.json: news of the gatherings the source documents describe, with
// their dates, posted for their organisers where the directory has them. Written through the same
// schema and store as the form, so they are validated and indexed like any other; a post whose slug
// is already there is skipped, so seeding twice adds nothing twice.
import { z } from 'zod';
import type { SeedContext } from '../../platform/context.ts';
import { readSeedFile } from '../../seed.ts';
import { postInputSchema } from './schemas.ts';
import { createPost } from './store.ts';

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
    for (const entry of posts) {
      if (existing.has(entry.slug)) continue;
      const input = postInputSchema.parse({ ...entry, status: 'publish', publish_at: null });
      const org = entry.organisation
        ? await trx
            .selectFrom('organisations')
            .select('id')
            .where('slug', '=', entry.organisation)
            .executeTakeFirst()
        : undefined;
      await createPost(
        trx,
        { ...input, organisation: org ? entry.organisation : null },
        { organisationId: org?.id ?? null, publishedAt: entry.published_at },
        null,
        entry.slug,
      );
    }
  });
}
