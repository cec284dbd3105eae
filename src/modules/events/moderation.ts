// What the events module hands to the moderation queue: anyone signed in may report an event (a
// wrong date, a misleading description). A draft is found only by those who may see it, so a
// stranger cannot learn of it by reporting its slug.
import type { ModerationHooks } from '../../platform/context.ts';
import { reportableAt } from '../../platform/reportables.ts';
import { getEvent, isOrganiser } from './access.ts';
import { canView } from './permissions.ts';

export const eventsModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'event',
      label: 'events.searchType',
      path: '/events/',
      async find(db, key, viewer) {
        const event = await getEvent(db, key);
        return event && canView(viewer, event, await isOrganiser(db, viewer, event.id)) ? event : null;
      },
      title: (event) => event.title,
      keyOf: (event) => event.slug,
    }),
  ],
};
