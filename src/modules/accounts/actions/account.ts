// The writes of the account page, each by the signed-in member on their own account: the profile,
// the password (asked again for every change that matters), the address, personal API tokens,
// sessions, and deleting the account.
import type { User } from '../../../db/schema.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import { createApiToken } from '../../../platform/auth.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { hashPassword, verifyPassword } from '../../../platform/passwords.ts';
import { endAllSessions } from '../../../platform/sessions.ts';
import { nowIso } from '../../../platform/time.ts';
import { countAdmins, findUserByEmail, findUserById, normaliseEmail } from '../access.ts';
import { consumeUserToken, issueUserToken } from '../email-tokens.ts';
import { countOrRefuse, LIMITS } from '../limits.ts';
import { accountMails, linkTo, recipient } from '../mail.ts';
import { isLastActiveAdmin } from '../permissions.ts';
import type { ChangeEmailInput, ChangePasswordInput, DeleteAccountInput, ProfileInput } from '../schemas.ts';

/** The signed-in member, once they have typed their current password again (422 otherwise). */
async function confirmedUser(ctx: ActionContext, password: string): Promise<User> {
  const user = actingUser(ctx);
  if (!(await verifyPassword(user.password_hash, password)))
    throw HttpError.invalid({ current_password: 'account.wrongPassword' });
  return user;
}

/** Saves name, language and time zone; a new name goes to the audit log. */
export async function updateProfile(ctx: ActionContext, input: ProfileInput): Promise<User> {
  const user = actingUser(ctx);
  return transact(ctx, async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ name: input.name, locale: input.locale, time_zone: input.time_zone, updated_at: nowIso() })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.name !== user.name)
      await audit(trx, ctx, {
        action: 'user.renamed',
        subjectType: 'user',
        subjectId: user.id,
        details: { from: user.name, to: input.name },
      });
    return updated;
  });
}

/**
 * Sets a new password, logs out every other device (`keepSessionId` is the one asking) and tells
 * the owner by mail.
 */
export async function changePassword(
  ctx: ActionContext,
  input: ChangePasswordInput,
  keepSessionId?: string,
): Promise<void> {
  const user = await confirmedUser(ctx, input.current_password);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.new_password), updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await endAllSessions(trx, user.id, keepSessionId);
    await enqueueMail(
      trx,
      accountMails.passwordChanged(recipient(ctx, user), linkTo(ctx, '/password/forgot')),
    );
    await audit(trx, ctx, { action: 'user.password_changed', subjectType: 'user', subjectId: user.id });
  });
  ctx.deps.outbox.kick();
}

/**
 * Mails a link to the new address (the change happens when it is opened) and a notice to the old
 * one. Whether the new address is taken is only told to its owner, when the link is opened.
 */
export async function requestEmailChange(ctx: ActionContext, input: ChangeEmailInput): Promise<void> {
  const user = await confirmedUser(ctx, input.current_password);
  const newEmail = normaliseEmail(input.new_email);
  if (newEmail === user.email) throw HttpError.invalid({ new_email: 'account.sameEmail' });
  const { db } = ctx.deps;
  await countOrRefuse(db, [[LIMITS.mailPerAccount, user.email]]);
  await transact(ctx, async (trx) => {
    const token = await issueUserToken(trx, user.id, 'change_email', newEmail);
    await enqueueMail(
      trx,
      accountMails.changeEmail(
        recipient(ctx, user, newEmail),
        linkTo(ctx, `/account/email/confirm?token=${token}`),
      ),
    );
    await enqueueMail(trx, accountMails.emailChangeNotice(recipient(ctx, user), linkTo(ctx, '/account')));
  });
  ctx.deps.outbox.kick();
}

export type EmailChangeResult =
  | { ok: true }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'emailTaken' };

/**
 * Moves the account the link was sent for to its new address, unless another account took that
 * address meanwhile. Whoever opens the link acts as the account's owner: they proved the address.
 */
export async function confirmEmailChange(ctx: ActionContext, token: string): Promise<EmailChangeResult> {
  return transact(ctx, async (trx) => {
    const used = await consumeUserToken(trx, token, 'change_email');
    if (!used.ok || !used.newEmail) return { ok: false, reason: used.ok ? 'unknown' : used.reason };
    if (await findUserByEmail(trx, used.newEmail)) return { ok: false, reason: 'emailTaken' };
    const before = await findUserById(trx, used.userId);
    const now = nowIso();
    await trx
      .updateTable('users')
      .set({ email: used.newEmail, email_verified_at: now, updated_at: now })
      .where('id', '=', used.userId)
      .execute();
    await audit(
      trx,
      { ...ctx, user: before ?? null },
      {
        action: 'user.email_changed',
        subjectType: 'user',
        subjectId: used.userId,
        details: { from: before?.email, to: used.newEmail },
      },
    );
    return { ok: true };
  });
}

/** A personal API token; its secret is in the answer only, never stored (only its hash is). */
export async function createToken(ctx: ActionContext, name: string): Promise<{ id: number; token: string }> {
  const user = actingUser(ctx);
  return transact(ctx, async (trx) => {
    const token = await createApiToken(trx, user.id, name);
    await audit(trx, ctx, {
      action: 'token.created',
      subjectType: 'api_token',
      subjectId: token.id,
      details: { name },
    });
    return token;
  });
}

/** Revokes one of the member's own tokens; anyone else's, or one already revoked, is a 404. */
export async function revokeToken(ctx: ActionContext, tokenId: number): Promise<void> {
  const user = actingUser(ctx);
  await transact(ctx, async (trx) => {
    const result = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', tokenId)
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new HttpError(404, 'error.404.message');
    await audit(trx, ctx, { action: 'token.revoked', subjectType: 'api_token', subjectId: tokenId });
  });
}

/** Ends every session of the member, this one included (the caller removes its cookie). */
export async function logOutEverywhere(ctx: ActionContext): Promise<void> {
  const user = actingUser(ctx);
  await transact(ctx, async (trx) => {
    await endAllSessions(trx, user.id);
    await audit(trx, ctx, { action: 'user.logged_out_everywhere', subjectType: 'user', subjectId: user.id });
  });
}

/**
 * Deletes the member's account (their sessions and tokens go with it), after the password; the
 * hub's last active administrator is refused (409).
 */
export async function deleteAccount(ctx: ActionContext, input: DeleteAccountInput): Promise<void> {
  const user = await confirmedUser(ctx, input.current_password);
  if (isLastActiveAdmin(user, await countAdmins(ctx.deps.db))) throw new HttpError(409, 'account.lastAdmin');
  await transact(ctx, async (trx) => {
    await audit(trx, ctx, { action: 'user.deleted', subjectType: 'user', subjectId: user.id });
    await trx.deleteFrom('users').where('id', '=', user.id).execute();
  });
}
