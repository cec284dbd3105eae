// Demo forum content from seed/forums/forums.json: the theme categories, the Lao QPR working team's
// own category (its group's members only), and threads from the source documents with replies in
// several languages (Lao, Khmer, Burmese among them). Written through the same actions as the
// pages, so they are indexed like any other; a category already there is skipped with its threads.
import { z } from 'zod';
import { systemContext } from '../../platform/actions.ts';
import type { SeedContext } from '../../platform/context.ts';
import { nowIso } from '../../platform/time.ts';
import { readSeedFile } from '../../seed.ts';
import { getCategory, getThread } from './access.ts';
import { createReply, createThread } from './actions/posting.ts';
import { VISITOR } from './permissions.ts';
import { CATEGORY_VISIBILITIES } from './vocab.ts';

const post = z.object({ author: z.string(), lang: z.string(), body: z.string() });
const seedFile = z.object({
  categories: z.array(
    z.object({
      slug: z.string(),
      theme: z.string().nullable(),
      name: z.string(),
      lang: z.string(),
      domain: z.string().nullable(),
      country: z.string().nullable(),
      visibility: z.enum(CATEGORY_VISIBILITIES),
      group: z.string().optional(),
      description: z.string(),
      translations: z.array(z.object({ lang: z.string(), name: z.string() })),
    }),
  ),
  threads: z.array(
    post.extend({ category: z.string(), title: z.string(), question: z.boolean(), replies: z.array(post) }),
  ),
});

export async function seedForums({ deps }: SeedContext): Promise<void> {
  const { db } = deps;
  const data = readSeedFile('forums/forums.json', seedFile);
  const users = new Map(
    (await db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]),
  );
  await db.transaction().execute(async (trx) => {
    const ctx = { ...systemContext(deps, 'seed'), trx };
    const added = new Set<string>();
    for (const [position, cat] of data.categories.entries()) {
      if (await getCategory(trx, cat.slug)) continue;
      const group = cat.group
        ? await trx.selectFrom('groups').select('id').where('slug', '=', cat.group).executeTakeFirst()
        : undefined;
      // A group's category needs its group (the groups seed runs first).
      if (cat.visibility === 'group' && !group) continue;
      const now = nowIso();
      const { id } = await trx
        .insertInto('forum_categories')
        .values({
          slug: cat.slug,
          name: cat.name,
          lang: cat.lang,
          description: cat.description,
          theme: cat.theme,
          domain: cat.domain,
          country: cat.country,
          visibility: cat.visibility,
          group_id: group?.id ?? null,
          position,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const tr of cat.translations)
        await trx
          .insertInto('forum_category_translations')
          .values({ category_id: id, lang: tr.lang, name: tr.name, description: '' })
          .execute();
      added.add(cat.slug);
    }
    // The threads, an hour apart, their replies ten minutes apart: a thread that reads in order.
    let at = Date.now() - 30 * 86_400_000;
    for (const th of data.threads) {
      if (!added.has(th.category)) continue;
      const category = await getCategory(trx, th.category);
      if (!category) continue;
      const { thread } = await createThread(
        ctx,
        VISITOR,
        category,
        { title: th.title, body: th.body, lang: th.lang, is_question: th.question, contact_website: '' },
        { as: users.get(th.author) ?? null, at: new Date(at).toISOString() },
      );
      for (const reply of th.replies) {
        at += 10 * 60_000;
        const current = await getThread(trx, thread.id);
        if (!current) break;
        await createReply(
          ctx,
          current,
          { body: reply.body, lang: reply.lang, contact_website: '' },
          { as: users.get(reply.author) ?? null, at: new Date(at).toISOString() },
        );
      }
      at += 3_600_000;
    }
  });
}
