// What every invitation by email shares, whatever it invites to (an organisation, a group): the
// secret link of which only the hash is stored, its lifetime, the states that stop it working, the
// rule that only the invited address (verified) may take it, the language of the mail, and a limit
// on how many one account sends. The modules keep their own table and what joining means.
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema.ts';
import { isLocale, type Locale } from '../locales/index.ts';
import { HttpError } from './http/errors.ts';
import type { MessageKey } from './i18n.ts';
import { hitRateLimit, type RateLimitRule } from './rate-limit.ts';
import { randomToken, sha256 } from './security-tokens.ts';
import { DAY, isoIn, nowIso } from './time.ts';

type Db = Kysely<Database>;

/** How long an emailed invitation link works. */
export const INVITATION_LIFETIME_SECONDS = 14 * DAY;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A new invitation link's secret (mailed), its hash (stored) and when it stops working. */
export function newInvitationSecret(lifetimeSeconds = INVITATION_LIFETIME_SECONDS) {
  const token = randomToken(32);
  return { token, tokenHash: sha256(token), expiresAt: isoIn(lifetimeSeconds) };
}

/**
 * Stores a new invitation of `email` to the record `owner` (its column and id in `table`): the
 * address's earlier open invitations to the same record stop working (the newest one counts), and
 * the new row gets a fresh secret. Every invitation table has the same columns besides its owner
 * (email, role, token_hash, invited_by, created_at, expires_at, accepted_at, revoked_at); the
 * table is named by the module, so the query is written without its types. Returns the row's id
 * and the secret for the mailed link.
 */
export async function storeInvitation(
  trx: Kysely<Database>,
  table: string,
  owner: { column: string; id: number },
  invitation: { email: string; role: string; invitedBy: number },
): Promise<{ id: number; token: string; expiresAt: string }> {
  // biome-ignore lint/suspicious/noExplicitAny: the module's invitation table, named at run time.
  const db = trx as unknown as Kysely<any>;
  const now = nowIso();
  await db
    .updateTable(table)
    .set({ revoked_at: now })
    .where(owner.column, '=', owner.id)
    .where('email', '=', invitation.email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const { token, tokenHash, expiresAt } = newInvitationSecret();
  const row = await db
    .insertInto(table)
    .values({
      [owner.column]: owner.id,
      email: invitation.email,
      role: invitation.role,
      token_hash: tokenHash,
      invited_by: invitation.invitedBy,
      created_at: now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), token, expiresAt };
}

/** The hash an invitation is looked up by; null for what cannot be a link's secret. */
export function invitationHashOf(token: string): string | null {
  return token && token.length <= 100 ? sha256(token) : null;
}

export type InvitationRefusal = 'unknown' | 'used' | 'expired' | 'revoked';

/** Why an invitation row no longer works, or null while it does. */
export function invitationRefusal(
  row: { accepted_at: string | null; revoked_at: string | null; expires_at: string } | undefined,
): InvitationRefusal | null {
  if (!row) return 'unknown';
  if (row.accepted_at) return 'used';
  if (row.revoked_at) return 'revoked';
  if (row.expires_at <= nowIso()) return 'expired';
  return null;
}

/** Whether this account may take an invitation to `email`: same address, and that address verified. */
export function invitationMatches(email: string, user: User): 'ok' | 'otherEmail' | 'unverified' {
  if (normaliseEmail(user.email) !== normaliseEmail(email)) return 'otherEmail';
  if (!user.email_verified_at) return 'unverified';
  return 'ok';
}

/** The language of the mail: the invitee's own when they have an account, else the inviter's. */
export async function inviteeLocale(
  db: Db,
  email: string,
  fallback: string,
  hubDefault: Locale,
): Promise<Locale> {
  const account = await db.selectFrom('users').select('locale').where('email', '=', email).executeTakeFirst();
  if (isLocale(account?.locale)) return account.locale;
  return isLocale(fallback) ? fallback : hubDefault;
}

/** Counts one invitation sent by `userId` against `rule`; too many is a 429 shown on the form. */
export async function countInvitation(
  db: Db,
  rule: RateLimitRule,
  userId: number,
  message: MessageKey,
): Promise<void> {
  const limit = await hitRateLimit(db, rule, String(userId));
  if (limit.blocked)
    throw new HttpError(
      429,
      message,
      undefined,
      { 'Retry-After': String(limit.retryAfter) },
      { _form: message },
    );
}
