// What the policies module hands to the moderation queue: anyone signed in may report a measure (a
// wrong country, a misquoted result).
import type { ModerationHooks } from '../../platform/context.ts';
import { NUMBER_KEY, reportableAt } from '../../platform/reportables.ts';
import { getMeasure } from './access.ts';

export const policiesModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'policy-measure',
      label: 'policies.searchType',
      path: '/measures/',
      pattern: NUMBER_KEY,
      find: (db, key) => getMeasure(db, Number(key)),
      title: (m) => m.title,
      keyOf: (m) => m.id,
    }),
  ],
};
