// Who may administer the hub, and the rules of role changes and disabling: pure predicates, no
// database (the count of active administrators is read by the caller).
import type { Role, User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { isLastActiveAdmin } from '../accounts/index.ts';

/** The administration pages, their exports and /api/v1/users: administrators only. */
export function canAdminister(user: User): boolean {
  return hasRole(user);
}

/** Why `target` may not be given `role` (the hub keeps one active administrator), or null. */
export function roleChangeRefusal(target: User, role: Role, activeAdmins: number): MessageKey | null {
  if (target.role === role) return null;
  return isLastActiveAdmin(target, activeAdmins) ? 'admin.lastAdmin' : null;
}

/**
 * Why `actor` may not disable `target` (their own account, or the last active administrator), or
 * null. Enabling is always allowed.
 */
export function disableRefusal(
  actor: User | null,
  target: User,
  disabled: boolean,
  activeAdmins: number,
): MessageKey | null {
  if (!disabled || target.disabled_at) return null;
  if (actor?.id === target.id) return 'admin.cannotDisableSelf';
  return isLastActiveAdmin(target, activeAdmins) ? 'admin.lastAdmin' : null;
}
