// What the people directory hands to the moderation queue: any profile can be reported.
import type { ModerationHooks } from '../../platform/context.ts';
import { getPerson } from './access.ts';
import { canView } from './permissions.ts';

export const peopleModeration: ModerationHooks = {
  reportables: [
    {
      type: 'person',
      label: 'people.searchType',
      async find(db, slug, viewer) {
        const person = await getPerson(db, slug);
        return person && canView(viewer, person)
          ? { title: person.name, url: `/directory/people/${person.slug}` }
          : null;
      },
      urlOf: (slug) => `/directory/people/${encodeURIComponent(slug)}`,
    },
  ],
};
