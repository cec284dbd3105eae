// The writes of two-factor sign-in: setting it up (a secret, confirmed with a code before it counts),
// recovery codes (a new set replaces the old; only hashes are kept), turning it off (the password
// or a current code), and checking the code of a sign-in's second step. Each change is audited.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, actingUser, audit, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { verifyPassword } from '../../../platform/passwords.ts';
import { endAllSessions } from '../../../platform/sessions.ts';
import { nowIso } from '../../../platform/time.ts';
import { countOrRefuse, LIMITS } from '../limits.ts';
import { accountMails, linkTo, recipient } from '../mail.ts';
import {
  looksLikeRecoveryCode,
  newRecoveryCode,
  newSecret,
  RECOVERY_CODE_COUNT,
  recoveryCodeHash,
  stepOfCode,
} from './codes.ts';

type Db = Kysely<Database>;

/** The member's two-factor row (confirmed or still being set up), if any. */
export const twoFactorOf = (db: Db, userId: number) =>
  db.selectFrom('two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();

/** Whether the member signs in with a second step. */
export async function hasTwoFactor(db: Db, userId: number): Promise<boolean> {
  return !!(await twoFactorOf(db, userId))?.enabled_at;
}

/** How many unused recovery codes the member has left. */
export async function recoveryCodesLeft(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('two_factor_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The secret of a set-up in progress: the one already proposed (so the QR code stays the same
 * while the member retries a code), or a new one. Null once two-factor sign-in is on: a
 * confirmed secret is never shown again.
 */
export async function pendingSecret(ctx: ActionContext): Promise<string | null> {
  const user = actingUser(ctx);
  const { db } = ctx.deps;
  const row = await twoFactorOf(db, user.id);
  if (row?.enabled_at) return null;
  if (row) return row.secret;
  const secret = newSecret();
  await db
    .insertInto('two_factor')
    .values({ user_id: user.id, secret, enabled_at: null, last_step: null, created_at: nowIso() })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
  // Two tabs at once: the one written first wins, and both show it.
  return (await twoFactorOf(db, user.id))?.secret ?? secret;
}

const wrongCode = () => HttpError.invalid({ code: 'twoFactor.wrongCode' });

/** Writes a new set of recovery codes in place of the old; answers them (shown this once). */
async function replaceRecoveryCodes(trx: Db, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('two_factor_recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: recoveryCodeHash(code), used_at: null })))
    .execute();
  return codes;
}

/** Turns two-factor sign-in on once a code of the proposed secret is right; answers the recovery codes. */
export async function confirmTwoFactor(ctx: ActionContext, code: string): Promise<string[]> {
  const user = actingUser(ctx);
  const row = await twoFactorOf(ctx.deps.db, user.id);
  if (row?.enabled_at) throw new HttpError(409, 'twoFactor.alreadyOn');
  // No set-up in progress (turned off in another tab): the page shows a new secret to scan.
  if (!row) throw wrongCode();
  const step = stepOfCode(row.secret, code);
  if (step === null) throw wrongCode();
  return transact(ctx, async (trx) => {
    await trx
      .updateTable('two_factor')
      .set({ enabled_at: nowIso(), last_step: step })
      .where('user_id', '=', user.id)
      .execute();
    const codes = await replaceRecoveryCodes(trx, user.id);
    await audit(trx, ctx, { action: 'user.two_factor_enabled', subjectType: 'user', subjectId: user.id });
    return codes;
  });
}

/** A new set of recovery codes (the old ones stop working), after the password. */
export async function renewRecoveryCodes(ctx: ActionContext, password: string): Promise<string[]> {
  const user = actingUser(ctx);
  if (!(await hasTwoFactor(ctx.deps.db, user.id))) throw new HttpError(409, 'twoFactor.notOn');
  if (!(await verifyPassword(user.password_hash, password)))
    throw HttpError.invalid({ current_password: 'account.wrongPassword' });
  return transact(ctx, async (trx) => {
    const codes = await replaceRecoveryCodes(trx, user.id);
    await audit(trx, ctx, {
      action: 'user.two_factor_recovery_renewed',
      subjectType: 'user',
      subjectId: user.id,
    });
    return codes;
  });
}

/** Turns two-factor sign-in off: the password, or a current code, proves it is the member. */
export async function disableTwoFactor(ctx: ActionContext, proof: { password: string; code: string }) {
  const user = actingUser(ctx);
  const { db } = ctx.deps;
  if (!(await hasTwoFactor(db, user.id))) throw new HttpError(409, 'twoFactor.notOn');
  const passwordOk = proof.password !== '' && (await verifyPassword(user.password_hash, proof.password));
  // Codes tried here count as at sign-in: a stolen session cannot guess its way to turning it off.
  if (!passwordOk && proof.code !== '')
    await countOrRefuse(db, [[LIMITS.twoFactorPerAccount, String(user.id)]]);
  if (!passwordOk && !(proof.code !== '' && (await acceptCode(db, user, proof.code))))
    throw HttpError.invalid({ current_password: 'twoFactor.passwordOrCode' });
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('two_factor').where('user_id', '=', user.id).execute();
    await audit(trx, ctx, { action: 'user.two_factor_disabled', subjectType: 'user', subjectId: user.id });
  });
}

/** Which of `userIds` sign in with a second step (the administrators' list of accounts). */
export async function usersWithTwoFactor(db: Db, userIds: readonly number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('two_factor')
    .select('user_id')
    .where('user_id', 'in', userIds)
    .where('enabled_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.user_id));
}

/**
 * An administrator turns off the two-factor sign-in of a member who lost their phone and their
 * recovery codes (after checking who they are, outside the hub). The member's sessions end (a lost
 * phone may be in other hands), they are told by mail, and the audit log keeps who did it. One's
 * own is turned off on the account page, with the password or a code (409 here).
 */
export async function resetTwoFactor(ctx: ActionContext, userId: number): Promise<void> {
  const admin = ensure(ctx, (user) => user.role === 'admin');
  if (admin?.id === userId) throw new HttpError(409, 'twoFactor.resetOwn');
  const { db } = ctx.deps;
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new HttpError(404, 'error.404.message');
  if (!(await hasTwoFactor(db, userId))) throw new HttpError(409, 'twoFactor.notOn');
  await transact(ctx, async (trx) => {
    await trx.deleteFrom('two_factor_recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('two_factor').where('user_id', '=', userId).execute();
    await endAllSessions(trx, userId);
    await enqueueMail(
      trx,
      accountMails.twoFactorReset(recipient(ctx, user), linkTo(ctx, '/account/two-factor')),
    );
    await audit(trx, ctx, { action: 'user.two_factor_reset', subjectType: 'user', subjectId: userId });
  });
  ctx.deps.outbox.kick();
}

/**
 * Whether `code` (six digits, or a recovery code) is right for `user`, using it up: a TOTP code's
 * step is remembered, a recovery code is marked used. Each write only succeeds for the first of
 * two requests sent at once, so a code is never accepted twice.
 */
export async function acceptCode(db: Db, user: User, code: string): Promise<'totp' | 'recovery' | null> {
  if (looksLikeRecoveryCode(code)) {
    const used = await db
      .updateTable('two_factor_recovery_codes')
      .set({ used_at: nowIso() })
      .where('user_id', '=', user.id)
      .where('code_hash', '=', recoveryCodeHash(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(used.numUpdatedRows) > 0 ? 'recovery' : null;
  }
  const row = await twoFactorOf(db, user.id);
  if (!row?.enabled_at) return null;
  const step = stepOfCode(row.secret, code);
  if (step === null) return null;
  const taken = await db
    .updateTable('two_factor')
    .set({ last_step: step })
    .where('user_id', '=', user.id)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) > 0 ? 'totp' : null;
}
