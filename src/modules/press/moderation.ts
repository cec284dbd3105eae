// What the press module hands to the moderation queue: anyone signed in may report a clipping (a
// wrong link, a summary that misquotes the article).
import type { ModerationHooks } from '../../platform/context.ts';
import { getClipping } from './access.ts';

export const pressModeration: ModerationHooks = {
  reportables: [
    {
      type: 'press-clipping',
      label: 'press.searchType',
      async find(db, key) {
        if (!/^\d{1,15}$/.test(key)) return null;
        const clipping = await getClipping(db, Number(key));
        return clipping ? { title: clipping.title, url: `/press/${clipping.id}` } : null;
      },
      urlOf: (key) => `/press/${encodeURIComponent(key)}`,
    },
  ],
};
