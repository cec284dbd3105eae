// How often the account forms may be tried, per address and per account, and the refusal when a
// limit is used up.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HttpError } from '../../platform/http/errors.ts';
import {
  countOrRefuse as countOrRefuseWith,
  type RateLimitRule,
  type RateLimitState,
} from '../../platform/rate-limit.ts';

export const LIMITS = {
  /** Every login try from one address, whatever the account. */
  loginPerIp: { name: 'login:ip', limit: 30, windowSeconds: 15 * 60 },
  /**
   * Tries for one account from one address: a guesser is stopped after five without locking out
   * the owner, who signs in from another address. A success clears the count.
   */
  loginPerAccountFromIp: { name: 'login:account-ip', limit: 5, windowSeconds: 15 * 60 },
  /**
   * Tries for one account from all addresses together: a guesser with many addresses is stopped
   * too. This one does lock the account, so its owner is mailed a link that signs them in.
   */
  loginPerAccount: { name: 'login:account', limit: 20, windowSeconds: 15 * 60 },
  /**
   * Codes tried at a sign-in's second step, per account: six digits are guessed in a million
   * tries, so five in a quarter of an hour, whatever the browser or the pending step, keep a
   * guesser who has the password far from it. A right code clears the count.
   */
  twoFactorPerAccount: { name: 'two-factor:account', limit: 5, windowSeconds: 15 * 60 },
  mailPerIp: { name: 'account-mail:ip', limit: 10, windowSeconds: 60 * 60 },
  mailPerAccount: { name: 'account-mail:account', limit: 3, windowSeconds: 60 * 60 },
  registerPerIp: { name: 'register:ip', limit: 10, windowSeconds: 60 * 60 },
  /**
   * Sign-ins sent to the organisation's provider from one address: each keeps a row for ten
   * minutes, so a loop of them would fill the table; a person needs a handful.
   */
  openidPerIp: { name: 'openid:ip', limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/** The 429 of a used-up limit: the message says how many minutes to wait, Retry-After how many seconds. */
export function limitedError(
  state: RateLimitState,
  message: 'auth.rateLimited' | 'login.accountLocked' = 'auth.rateLimited',
) {
  return new HttpError(
    429,
    message,
    { minutes: Math.ceil(state.retryAfter / 60) },
    { 'Retry-After': String(state.retryAfter) },
  );
}

/** The platform's countOrRefuse, with the accounts' refusal (how many minutes to wait). */
export const countOrRefuse = (db: Kysely<Database>, checks: [RateLimitRule, string][]): Promise<void> =>
  countOrRefuseWith(db, checks, (state) => limitedError(state));
