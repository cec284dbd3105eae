// What the groups module hands to the moderation queue: anyone signed in may report a group they
// can see (a secret group is found for its members only).
import type { ModerationHooks } from '../../platform/context.ts';
import { SLUG } from '../../platform/http/fields.ts';
import { reportableAt } from '../../platform/reportables.ts';
import { getGroup } from './access.ts';

export const groupsModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'group',
      label: 'groups.searchType',
      path: '/groups/',
      pattern: SLUG,
      find: async (db, key, viewer) => {
        const group = await getGroup(db, { slug: key });
        if (group?.visibility !== 'secret' || viewer?.role === 'admin') return group;
        const member = viewer
          ? await db
              .selectFrom('group_members')
              .select('user_id')
              .where('group_id', '=', group.id)
              .where('user_id', '=', viewer.id)
              .executeTakeFirst()
          : undefined;
        return member ? group : undefined;
      },
      title: (group) => group.name,
      keyOf: (group) => group.slug,
    }),
  ],
};
