// Who may do what with an account: pure rules, no database. The actions ask here; the counts they
// need (how many active administrators) are read by the caller.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n.ts';

/** Why an account whose password was right may still not log in, or null when it may. */
export function loginRefusal(user: User): MessageKey | null {
  if (user.disabled_at) return 'login.disabled';
  if (!user.email_verified_at) return 'login.unverified';
  return null;
}

/** Whether a link to choose a new password may be mailed to the account. */
export function mayResetPassword(user: User): boolean {
  return !user.disabled_at;
}

/** Whether a new link to confirm the address may be mailed to the account. */
export function awaitsVerification(user: User): boolean {
  return !user.email_verified_at && !user.disabled_at;
}

/**
 * Whether `user` is the hub's last active administrator, who may not be deleted, demoted or
 * disabled: the hub always keeps one. `activeAdmins` counts the administrators not disabled.
 */
export function isLastActiveAdmin(user: User, activeAdmins: number): boolean {
  return user.role === 'admin' && !user.disabled_at && activeAdmins <= 1;
}

/** Creating accounts for others (the command line and the first administrator): administrators. */
export function mayCreateAccounts(user: User): boolean {
  return hasRole(user);
}
