// The single-use links sent by email (confirm an address, choose a new password, move to a new
// address): only their SHA-256 is stored; a used or a newer link makes the older ones stop working.
import type { Kysely } from 'kysely';
import type { Database, UserTokenPurpose } from '../../db/schema.ts';
import { randomToken, sha256 } from '../../platform/security-tokens.ts';
import { isoIn, nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

const TOKEN_LIFETIME_SECONDS: Record<UserTokenPurpose, number> = {
  verify_email: 48 * 3600,
  reset_password: 3600,
  change_email: 24 * 3600,
  sign_in: 3600,
};

/** Creates a single-use token to be sent by email and returns its secret value. */
export async function issueUserToken(
  db: Db,
  userId: number,
  purpose: UserTokenPurpose,
  newEmail: string | null = null,
): Promise<string> {
  const token = randomToken(32);
  await db
    .insertInto('user_tokens')
    .values({
      token_hash: sha256(token),
      user_id: userId,
      purpose,
      new_email: newEmail,
      created_at: nowIso(),
      expires_at: isoIn(TOKEN_LIFETIME_SECONDS[purpose]),
    })
    .execute();
  return token;
}

export type TokenCheck =
  | { ok: true; userId: number; newEmail: string | null }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** Looks a token up without using it (to show the form that will use it). */
export async function checkUserToken(db: Db, token: string, purpose: UserTokenPurpose): Promise<TokenCheck> {
  if (!token || token.length > 100) return { ok: false, reason: 'unknown' };
  const row = await db
    .selectFrom('user_tokens')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at <= nowIso()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: row.user_id, newEmail: row.new_email };
}

/**
 * Uses a token: marks it used only if nobody used it before (a second, concurrent use finds it
 * taken). Call inside the transaction that does what the token allows.
 */
export async function consumeUserToken(
  db: Db,
  token: string,
  purpose: UserTokenPurpose,
): Promise<TokenCheck> {
  const check = await checkUserToken(db, token, purpose);
  if (!check.ok) return check;
  const result = await db
    .updateTable('user_tokens')
    .set({ used_at: nowIso() })
    .where('token_hash', '=', sha256(token))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
  // Other outstanding tokens of the same kind stop working too: only the newest link counts.
  await db
    .updateTable('user_tokens')
    .set({ used_at: nowIso() })
    .where('user_id', '=', check.userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  return check;
}
