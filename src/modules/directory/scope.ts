// How the directory answers for organisations as scopes (platform/scopes.ts): the member role
// someone has in an organisation (owner, editor), so that actions elsewhere may be granted to an
// organisation's owners (starting a group of the organisation).
import type { ScopeResolver } from '../../platform/scopes.ts';
import { memberRole } from './access.ts';

export const organisationScope: ScopeResolver = {
  kind: 'organisation',
  async rolesOf(db, key, userId) {
    if (!/^\d{1,15}$/.test(key)) return [];
    const role = await memberRole(db, Number(key), userId);
    return role ? [role] : [];
  },
};
