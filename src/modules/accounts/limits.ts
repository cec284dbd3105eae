// How often the account forms may be tried, per address and per account.
import type { RateLimitRule } from '../../platform/rate-limit.ts';

export const LIMITS = {
  loginPerIp: { name: 'login:ip', limit: 30, windowSeconds: 15 * 60 },
  /** Failed logins only, so the real owner is not locked out by their own success. */
  loginFailuresPerAccount: { name: 'login:account', limit: 5, windowSeconds: 15 * 60 },
  mailPerIp: { name: 'account-mail:ip', limit: 10, windowSeconds: 60 * 60 },
  mailPerAccount: { name: 'account-mail:account', limit: 3, windowSeconds: 60 * 60 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;
