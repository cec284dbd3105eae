// Where an account stands, as the account list filters, shows and exports it
// (`admin.status.<code>`).
import type { User } from '../../db/schema.ts';

export const USER_STATUSES = ['active', 'unverified', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Disabled, waiting for its address to be confirmed, or active. */
export function statusOf(user: Pick<User, 'disabled_at' | 'email_verified_at'>): UserStatus {
  if (user.disabled_at) return 'disabled';
  if (!user.email_verified_at) return 'unverified';
  return 'active';
}
