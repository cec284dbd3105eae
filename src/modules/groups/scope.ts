// How the groups module answers for its kind of scope (platform/scopes.ts): the role someone has in
// a group, the scopes above a group (its country, its organisation), and the groups whose private
// content someone reads (their memberships), for search, and who reads a group's (for notifications).
import type { Scope, ScopeResolver } from '../../platform/scopes.ts';
import { inCountry, inOrganisation } from '../../platform/scopes.ts';

const idOf = (key: string) => (/^\d{1,15}$/.test(key) ? Number(key) : 0);

export const groupScope: ScopeResolver = {
  kind: 'group',
  async rolesOf(db, key, userId) {
    const row = await db
      .selectFrom('group_members')
      .select('role')
      .where('group_id', '=', idOf(key))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row ? [row.role] : [];
  },
  async parentsOf(db, key) {
    const group = await db
      .selectFrom('groups')
      .select(['country', 'organisation_id'])
      .where('id', '=', idOf(key))
      .executeTakeFirst();
    const parents: Scope[] = [];
    if (group?.country) parents.push(inCountry(group.country));
    if (group?.organisation_id) parents.push(inOrganisation(group.organisation_id));
    return parents;
  },
  async readableBy(db, userId) {
    const rows = await db
      .selectFrom('group_members')
      .select('group_id')
      .where('user_id', '=', userId)
      .execute();
    return rows.map((r) => `group:${r.group_id}`);
  },
  async readersOf(db, key) {
    const rows = await db
      .selectFrom('group_members')
      .select('user_id')
      .where('group_id', '=', idOf(key))
      .execute();
    return rows.map((r) => r.user_id);
  },
};
