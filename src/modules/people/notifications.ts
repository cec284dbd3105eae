// What members may follow among people: a profile, by its id (its slug may change with the name),
// found only as the follower may see it (drafts and hidden profiles by their owner and the editors).
import type { Followable } from '../../platform/notifications/follows.ts';
import { canView } from './permissions.ts';

export const personFollowable: Followable = {
  type: 'person',
  label: 'people.searchType',
  async find(db, key, viewer) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const person = await db
      .selectFrom('people')
      .select(['slug', 'name', 'user_id', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    return person && canView(viewer, person)
      ? { title: person.name, url: `/directory/people/${person.slug}` }
      : null;
  },
};
