// Queries on accounts and their emailed tokens.
import type { Kysely } from 'kysely';
import type { Database, Role, User, UserTokenPurpose } from '../../db/schema.ts';
import { hashPassword } from '../../platform/passwords.ts';
import { randomToken, sha256 } from '../../platform/security-tokens.ts';
import { isoIn, nowIso } from '../../platform/time.ts';

type Db = Kysely<Database>;

/** Emails are compared without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
}

export function findUserById(db: Db, id: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createUser(
  db: Db,
  input: {
    email: string;
    name: string;
    password?: string | null;
    role?: Role;
    locale?: string | null;
    verified?: boolean;
  },
): Promise<User> {
  const now = nowIso();
  return db
    .insertInto('users')
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      password_hash: input.password ? await hashPassword(input.password) : null,
      role: input.role ?? 'member',
      locale: input.locale ?? null,
      email_verified_at: input.verified ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setPassword(db: Db, userId: number, password: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

export async function updateProfile(
  db: Db,
  userId: number,
  changes: { name?: string; locale?: string | null; time_zone?: string | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ ...changes, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const TOKEN_LIFETIME_SECONDS: Record<UserTokenPurpose, number> = {
  verify_email: 48 * 3600,
  reset_password: 3600,
  change_email: 24 * 3600,
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

export function listApiTokens(db: Db, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
}

export async function revokeApiToken(db: Db, userId: number, tokenId: number): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listSessions(db: Db, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Everything the platform holds about a person, for "download my data". */
export async function exportUserData(db: Db, userId: number) {
  const user = await findUserById(db, userId);
  if (!user) return undefined;
  const { password_hash: _secret, ...account } = user;
  const [sessions, tokens, activity] = await Promise.all([
    db
      .selectFrom('sessions')
      .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('api_tokens')
      .select(['name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .execute(),
    db
      .selectFrom('audit_log')
      .select(['at', 'action', 'subject_type', 'subject_id', 'details', 'ip'])
      .where((eb) =>
        eb.or([
          eb('actor_id', '=', userId),
          eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', String(userId))]),
        ]),
      )
      .orderBy('id')
      .execute(),
  ]);
  return {
    exportedAt: nowIso(),
    account,
    sessions,
    apiTokens: tokens,
    activity: activity.map((a) => ({ ...a, details: a.details ? JSON.parse(a.details) : null })),
  };
}

export async function deleteUser(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}
