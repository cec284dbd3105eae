// Who may report, moderate and change the queue's switches: the one place these rules live.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';

/** Reporting a record: anyone signed in (a visitor is asked to log in first). */
export function canReport(_user: User): boolean {
  return true;
}

/** The queue and the decisions on reports: moderators and admins. */
export function canModerate(user: User): boolean {
  return hasRole(user, 'moderator');
}

/** The on/off switches of the queue (approval of new records): admins only. */
export function canChangeSwitches(user: User): boolean {
  return hasRole(user);
}
