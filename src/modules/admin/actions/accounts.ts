// The administrators' writes on accounts, for the pages, the API and `hub user set-role` alike: who
// may (administrators; the command line is the platform itself), the rule that the hub keeps one
// active administrator, the change and its audit entry in one transaction.
import type { Kysely } from 'kysely';
import type { Database, Role, User } from '../../../db/schema.ts';
import { type ActionContext, audit, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { endAllSessions } from '../../../platform/sessions.ts';
import { nowIso } from '../../../platform/time.ts';
import { countAdmins, findUserById } from '../../accounts/index.ts';
import { canAdminister, disableRefusal, roleChangeRefusal } from '../permissions.ts';

/** The account, or 404. */
async function accountOf(trx: Kysely<Database>, userId: number): Promise<User> {
  const user = await findUserById(trx, userId);
  if (!user) throw new HttpError(404, 'error.404.message');
  return user;
}

/** Gives an account another role (409 for the last active administrator); the account as it is now. */
export async function changeRole(ctx: ActionContext, userId: number, role: Role): Promise<User> {
  ensure(ctx, canAdminister);
  return transact(ctx, async (trx) => {
    const user = await accountOf(trx, userId);
    if (user.role === role) return user;
    const refusal = roleChangeRefusal(user, role, await countAdmins(trx));
    if (refusal) throw new HttpError(409, refusal);
    const updated = await trx
      .updateTable('users')
      .set({ role, updated_at: nowIso() })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: 'user.role_changed',
      subjectType: 'user',
      subjectId: userId,
      details: { from: user.role, to: role },
    });
    return updated;
  });
}

/**
 * Disables an account (ending every session it has) or enables it again. Refused (409): one's own
 * account, and the last active administrator.
 */
export async function setDisabled(ctx: ActionContext, userId: number, disabled: boolean): Promise<User> {
  const actor = ensure(ctx, canAdminister);
  return transact(ctx, async (trx) => {
    const user = await accountOf(trx, userId);
    if (!!user.disabled_at === disabled) return user;
    const refusal = disableRefusal(actor, user, disabled, await countAdmins(trx));
    if (refusal) throw new HttpError(409, refusal);
    const updated = await trx
      .updateTable('users')
      .set({ disabled_at: disabled ? nowIso() : null, updated_at: nowIso() })
      .where('id', '=', userId)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (disabled) await endAllSessions(trx, userId);
    await audit(trx, ctx, {
      action: disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: userId,
    });
    return updated;
  });
}
