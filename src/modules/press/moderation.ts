// What the press module hands to the moderation queue: anyone signed in may report a clipping (a
// wrong link, a summary that misquotes the article).
import type { ModerationHooks } from '../../platform/context.ts';
import { NUMBER_KEY, reportableAt } from '../../platform/reportables.ts';
import { getClipping } from './access.ts';

export const pressModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'press-clipping',
      label: 'press.searchType',
      path: '/press/',
      pattern: NUMBER_KEY,
      find: (db, key) => getClipping(db, Number(key)),
      title: (clipping) => clipping.title,
      keyOf: (clipping) => clipping.id,
    }),
  ],
};
