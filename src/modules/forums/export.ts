// What "download my data" (/account/export.json) gets of a member's forum life: the posts they wrote
// (with their thread and category, hidden ones too: they are theirs), their translations of posts,
// their reactions and where they stopped reading.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function forumsAccountExport(db: Kysely<Database>, userId: number) {
  const [posts, reactions, reads] = await Promise.all([
    db
      .selectFrom('forum_posts as p')
      .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
      .innerJoin('forum_categories as c', 'c.id', 't.category_id')
      .select([
        'p.id',
        'p.thread_id',
        't.title as thread',
        'c.slug as category',
        'p.body',
        'p.lang',
        'p.hidden_at',
        'p.created_at',
      ])
      .where('p.author_id', '=', userId)
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('forum_reactions')
      .select(['post_id', 'reaction', 'created_at'])
      .where('user_id', '=', userId)
      .orderBy('post_id')
      .execute(),
    db
      .selectFrom('forum_reads')
      .select(['thread_id', 'last_read_post_id'])
      .where('user_id', '=', userId)
      .orderBy('thread_id')
      .execute(),
  ]);
  return { posts, reactions, reads };
}
