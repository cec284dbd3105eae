// What the events module hands to the moderation queue: anyone signed in may report an event (a
// wrong date, a misleading description). A draft is found only by those who may see it, so a
// stranger cannot learn of it by reporting its slug.
import type { ModerationHooks } from '../../platform/context.ts';
import { getEvent, isOrganiser } from './access.ts';
import { canView } from './permissions.ts';

export const eventsModeration: ModerationHooks = {
  reportables: [
    {
      type: 'event',
      label: 'events.searchType',
      async find(db, key, viewer) {
        const event = await getEvent(db, key);
        if (!event) return null;
        if (!canView(viewer, event, await isOrganiser(db, viewer, event.id))) return null;
        return { title: event.title, url: `/events/${event.slug}` };
      },
      urlOf: (key) => `/events/${encodeURIComponent(key)}`,
    },
  ],
};
