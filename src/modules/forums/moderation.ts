// What the forums hand to the moderation queue: anyone signed in may report a post (an opening
// post or a reply) they can read; a post of a group's category is found only for its readers.
import type { ModerationHooks } from '../../platform/context.ts';
import { NUMBER_KEY, reportableAt } from '../../platform/reportables.ts';

export const forumsModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'forum-post',
      label: 'forums.post',
      path: '/forum/p/',
      pattern: NUMBER_KEY,
      find: async (db, key, viewer) => {
        const row = await db
          .selectFrom('forum_posts as p')
          .innerJoin('forum_threads as t', 't.id', 'p.thread_id')
          .innerJoin('forum_categories as c', 'c.id', 't.category_id')
          .select(['p.id', 't.title', 'c.visibility', 'c.group_id'])
          .where('p.id', '=', Number(key))
          .executeTakeFirst();
        if (!row) return undefined;
        if (row.visibility === 'public' || viewer?.role === 'admin') return row;
        if (!viewer) return undefined;
        if (row.visibility === 'members') return row;
        const member = await db
          .selectFrom('group_members')
          .select('user_id')
          .where('group_id', '=', row.group_id ?? 0)
          .where('user_id', '=', viewer.id)
          .executeTakeFirst();
        return member ? row : undefined;
      },
      title: (row) => row.title,
      keyOf: (row) => row.id,
    }),
  ],
};
