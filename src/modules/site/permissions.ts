// Who may change the hub's settings and pages: its administrators. Reading them is for everyone.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';

export function canRunSite(user: User): boolean {
  return hasRole(user);
}
