// New accounts: the row itself (registration adds its verification link and mail around it), and
// the accounts the platform creates on its own (`hub user create`, the first administrator, the
// demo members).
import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../../../db/schema.ts';
import { type ActionContext, audit, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { hashPassword } from '../../../platform/passwords.ts';
import { nowIso } from '../../../platform/time.ts';
import { findUserByEmail, normaliseEmail } from '../access.ts';
import { mayCreateAccounts } from '../permissions.ts';

export interface NewAccount {
  email: string;
  name: string;
  /** None: the account cannot log in until a password is chosen through "forgotten password". */
  password?: string | null;
  role?: Role;
  locale?: string | null;
  timeZone?: string | null;
  /** Whether the address counts as confirmed (accounts made by the hub's staff or the seed). */
  verified?: boolean;
}

/** Writes the account's row; the caller checks that the address is free. */
export async function insertUser(db: Kysely<Database>, input: NewAccount): Promise<User> {
  const now = nowIso();
  return db
    .insertInto('users')
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      password_hash: input.password ? await hashPassword(input.password) : null,
      role: input.role ?? 'member',
      locale: input.locale ?? null,
      time_zone: input.timeZone ?? null,
      email_verified_at: input.verified ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * An account made by the hub rather than by its owner: from the command line, at the first start
 * (the first administrator) or by the demo seed (which leaves no audit entry). `auditVia` names
 * the occasion in the audit entry (the context's `via` unless told, e.g. 'start').
 */
export async function createAccount(
  ctx: ActionContext,
  input: NewAccount,
  auditVia: string = ctx.via,
): Promise<User> {
  ensure(ctx, mayCreateAccounts);
  return transact(ctx, async (trx) => {
    if (await findUserByEmail(trx, input.email)) throw HttpError.invalid({ email: 'account.emailTaken' });
    const user = await insertUser(trx, input);
    await audit(trx, ctx, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      details: { role: user.role, via: auditVia },
    });
    return user;
  });
}
