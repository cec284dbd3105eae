// What members may follow in the directory: an organisation, by its id (a slug may change), found
// only as the follower may see it (an unpublished one by its people and the hub's editors).
import type { Followable } from '../../platform/notifications/follows.ts';
import { memberRole } from './access.ts';
import { canView } from './permissions.ts';

export const organisationFollowable: Followable = {
  type: 'organisation',
  label: 'directory.searchType',
  async find(db, key, viewer) {
    const id = Number(key);
    if (!Number.isSafeInteger(id) || id <= 0) return null;
    const org = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!org) return null;
    const role = viewer ? await memberRole(db, org.id, viewer.id) : null;
    return canView(viewer, org, role) ? { title: org.name, url: `/directory/${org.slug}` } : null;
  },
};
