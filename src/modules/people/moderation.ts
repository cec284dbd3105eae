// What the people directory hands to the moderation queue: any profile can be reported.
import type { ModerationHooks } from '../../platform/context.ts';
import { reportableAt } from '../../platform/reportables.ts';
import { getPerson } from './access.ts';
import { canView } from './permissions.ts';

export const peopleModeration: ModerationHooks = {
  reportables: [
    reportableAt({
      type: 'person',
      label: 'people.searchType',
      path: '/directory/people/',
      async find(db, slug, viewer) {
        const person = await getPerson(db, slug);
        return person && canView(viewer, person) ? person : null;
      },
      title: (person) => person.name,
      keyOf: (person) => person.slug,
    }),
  ],
};
