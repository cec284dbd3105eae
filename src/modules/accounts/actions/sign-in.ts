// The writes of the sign-in pages: registering, confirming the address, logging in, and choosing a
// new password. What they keep true (docs/security.md): each form answers the same whether the
// address has an account; the tries are counted per address and per account; passwords are checked
// in the same time for unknown accounts; an emailed link works once.
import type { User } from '../../../db/schema.ts';
import { type ActionContext, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import { hashPassword, verifyPassword } from '../../../platform/passwords.ts';
import { clearRateLimit, hitRateLimit } from '../../../platform/rate-limit.ts';
import { endAllSessions } from '../../../platform/sessions.ts';
import { nowIso } from '../../../platform/time.ts';
import { findUserByEmail, normaliseEmail } from '../access.ts';
import { consumeUserToken, issueUserToken, type TokenCheck } from '../email-tokens.ts';
import { countOrRefuse, LIMITS, limitedError } from '../limits.ts';
import { accountMails, linkTo, recipient } from '../mail.ts';
import { awaitsVerification, loginRefusal, mayResetPassword } from '../permissions.ts';
import type { LoginInput, RegisterInput, ResetInput } from '../schemas.ts';
import { insertUser } from './create.ts';

/** The mail that carries each kind of link sent from the sign-in pages. */
const LINK_MAILS = {
  verify_email: (ctx: ActionContext, user: User, token: string) =>
    accountMails.verify(recipient(ctx, user), linkTo(ctx, `/verify-email?token=${token}`)),
  reset_password: (ctx: ActionContext, user: User, token: string) =>
    accountMails.reset(recipient(ctx, user), linkTo(ctx, `/password/reset?token=${token}`)),
};

/** The address a request comes from, as the rate limits count it. */
const addressOf = (ctx: ActionContext) => ctx.ip ?? '';

/** Counts one try of a mail-sending form against the address and the account; 429 when used up. */
async function countMailTry(ctx: ActionContext, email: string): Promise<void> {
  const { db } = ctx.deps;
  await countOrRefuse(db, [
    [LIMITS.mailPerIp, addressOf(ctx)],
    [LIMITS.mailPerAccount, email],
  ]);
}

/**
 * Registers an account and mails the link that confirms its address. For an address that already
 * has an account nothing is created: its owner gets a notice instead, and the caller says the same
 * as for a new address, so the form does not reveal who has an account.
 */
export async function register(ctx: ActionContext, input: RegisterInput): Promise<void> {
  const { db, outbox } = ctx.deps;
  await countOrRefuse(db, [[LIMITS.registerPerIp, addressOf(ctx)]]);
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    // The work of the other branch, whose insertUser hashes the password: without it the answer
    // came in half the time for an address that has an account, which told who has one.
    await hashPassword(input.password);
    await enqueueMail(
      db,
      accountMails.alreadyRegistered(recipient(ctx, existing), linkTo(ctx, '/password/forgot')),
    );
  } else {
    await transact(ctx, async (trx) => {
      // No language is stored: the account follows the language menu until its owner picks one.
      const user = await insertUser(trx, { email: input.email, name: input.name, password: input.password });
      const token = await issueUserToken(trx, user.id, 'verify_email');
      await enqueueMail(
        trx,
        accountMails.verify(recipient(ctx, user), linkTo(ctx, `/verify-email?token=${token}`)),
      );
      await audit(
        trx,
        { ...ctx, user },
        { action: 'user.registered', subjectType: 'user', subjectId: user.id },
      );
    });
  }
  outbox.kick();
}

/** Confirms the address the link was sent to; the link works once. */
export async function verifyEmail(ctx: ActionContext, token: string): Promise<TokenCheck> {
  return transact(ctx, async (trx) => {
    const used = await consumeUserToken(trx, token, 'verify_email');
    if (used.ok) {
      await trx
        .updateTable('users')
        .set({ email_verified_at: nowIso() })
        .where('id', '=', used.userId)
        .where('email_verified_at', 'is', null)
        .execute();
    }
    return used;
  });
}

/**
 * Mails the account of `email` (if it has one, and `allowed`) a single-use link for `purpose`, counted
 * as a try per address and per account whether the account exists or not.
 */
async function mailLink(
  ctx: ActionContext,
  email: string,
  allowed: (user: User) => boolean,
  purpose: keyof typeof LINK_MAILS,
) {
  const address = normaliseEmail(email);
  await countMailTry(ctx, address);
  const user = await findUserByEmail(ctx.deps.db, address);
  if (!user || !allowed(user)) return;
  await transact(ctx, async (trx) => {
    const token = await issueUserToken(trx, user.id, purpose);
    await enqueueMail(trx, LINK_MAILS[purpose](ctx, user, token));
  });
  ctx.deps.outbox.kick();
}

/** Mails a new confirmation link, if the address has an account that still needs one. */
export function resendVerification(ctx: ActionContext, email: string): Promise<void> {
  return mailLink(ctx, email, awaitsVerification, 'verify_email');
}

/**
 * Checks the address and password and answers the account that may log in (the caller starts its
 * session). A wrong password and an unknown address get the same refusal (401) after the same
 * work; a disabled or unconfirmed account a 403 saying so; too many tries a 429. Every try is
 * counted before the password is checked (see countOrRefuse): per address, per account from that
 * address, and per account from everywhere; when the last locks the account, its owner is mailed
 * a link that signs them in (once per window), so a stranger cannot keep them out.
 */
export async function logIn(ctx: ActionContext, input: LoginInput): Promise<User> {
  const { db } = ctx.deps;
  const email = normaliseEmail(input.email);
  const fromHere = `${email}|${addressOf(ctx)}`;
  await countOrRefuse(db, [
    [LIMITS.loginPerIp, addressOf(ctx)],
    [LIMITS.loginPerAccountFromIp, fromHere],
  ]);
  const account = await hitRateLimit(db, LIMITS.loginPerAccount, email);
  if (account.blocked) {
    if (account.hits === LIMITS.loginPerAccount.limit + 1) await mailSignInLink(ctx, email);
    throw limitedError(account, 'login.accountLocked');
  }
  const user = await findUserByEmail(db, email);
  if (!(await verifyPassword(user?.password_hash, input.password)) || !user) {
    throw new HttpError(401, 'login.wrongCredentials');
  }
  const refusal = loginRefusal(user);
  if (refusal) throw new HttpError(403, refusal);
  await clearRateLimit(db, LIMITS.loginPerAccountFromIp, fromHere);
  await clearRateLimit(db, LIMITS.loginPerAccount, email);
  await transact(ctx, (trx) =>
    audit(trx, { ...ctx, user }, { action: 'user.logged_in', subjectType: 'user', subjectId: user.id }),
  );
  return user;
}

/** When an account is locked by tries from many addresses: a link to its owner that signs them in. */
async function mailSignInLink(ctx: ActionContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.deps.db, email);
  if (!user || loginRefusal(user)) return;
  await transact(ctx, async (trx) => {
    const token = await issueUserToken(trx, user.id, 'sign_in');
    await enqueueMail(
      trx,
      accountMails.signInLink(recipient(ctx, user), linkTo(ctx, `/login/link?token=${token}`)),
    );
  });
  ctx.deps.outbox.kick();
}

/**
 * Signs in with a mailed link (sent when the account was locked): the link works once; the
 * account's try counters start again. Answers the account, or why the link does not work.
 */
export async function logInWithLink(
  ctx: ActionContext,
  token: string,
): Promise<{ ok: true; user: User } | Extract<TokenCheck, { ok: false }>> {
  const used = await transact(ctx, async (trx) => {
    const check = await consumeUserToken(trx, token, 'sign_in');
    if (!check.ok) return check;
    const user = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', check.userId)
      .executeTakeFirstOrThrow();
    if (loginRefusal(user)) return { ok: false as const, reason: 'unknown' as const };
    await audit(
      trx,
      { ...ctx, user },
      {
        action: 'user.logged_in',
        subjectType: 'user',
        subjectId: user.id,
        details: { method: 'mailed link' },
      },
    );
    return { ok: true as const, user };
  });
  if (used.ok) await clearRateLimit(ctx.deps.db, LIMITS.loginPerAccount, normaliseEmail(used.user.email));
  return used;
}

/** Mails a link to choose a new password, if the address has an account that may have one. */
export function requestPasswordReset(ctx: ActionContext, email: string): Promise<void> {
  return mailLink(ctx, email, mayResetPassword, 'reset_password');
}

/**
 * Sets the new password the link allows. Receiving the link proves the address, and every session
 * ends with the old password.
 */
export async function resetPassword(ctx: ActionContext, input: ResetInput): Promise<TokenCheck> {
  return transact(ctx, async (trx) => {
    const used = await consumeUserToken(trx, input.token, 'reset_password');
    if (!used.ok) return used;
    const now = nowIso();
    const user = await trx
      .updateTable('users')
      .set({ password_hash: await hashPassword(input.password), updated_at: now })
      .where('id', '=', used.userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (!user.email_verified_at)
      await trx.updateTable('users').set({ email_verified_at: now }).where('id', '=', user.id).execute();
    await endAllSessions(trx, user.id);
    await audit(
      trx,
      { ...ctx, user },
      { action: 'user.password_reset', subjectType: 'user', subjectId: user.id },
    );
    return used;
  });
}
