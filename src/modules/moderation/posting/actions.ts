// The writes of suspensions and new-member limits, each audited in its transaction. Moderators
// suspend and lift; admins set the limits. The suspended member is told, with the end and the reason.
import { type ActionContext, audit, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { nowIso } from '../../../platform/time.ts';
import { canChangeSwitches, canModerate } from '../permissions.ts';
import { type PostingLimits, postingLimitRows } from './limits.ts';
import { isLimited } from './may-post.ts';
import type { SuspensionInput } from './schemas.ts';

/** Suspends member `userId` for `input.days` days; ends any earlier suspension in force. */
export async function suspendMember(ctx: ActionContext, userId: number, input: SuspensionInput) {
  const moderator = ensure(ctx, canModerate);
  return transact(ctx, async (trx) => {
    const member = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!member) throw new HttpError(404, 'error.404.message');
    // Staff are not limited by posting rules; a moderator who misbehaves loses the role instead.
    if (!isLimited(member) || member.id === moderator?.id)
      throw new HttpError(409, 'moderation.cannotSuspendStaff');
    const now = nowIso();
    await trx
      .updateTable('member_suspensions')
      .set({ lifted_at: now, lifted_by: moderator?.id ?? null })
      .where('user_id', '=', userId)
      .where('lifted_at', 'is', null)
      .where('until', '>', now)
      .execute();
    const until = new Date(Date.now() + input.days * 86_400_000).toISOString();
    const { id } = await trx
      .insertInto('member_suspensions')
      .values({
        user_id: userId,
        until,
        reason: input.reason,
        created_by: moderator?.id ?? null,
        created_at: now,
        lifted_at: null,
        lifted_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, ctx, {
      action: 'member.suspended',
      subjectType: 'user',
      subjectId: userId,
      details: { suspension: id, until, reason: input.reason },
    });
    await notify(trx, ctx.deps, {
      kind: 'moderation.suspended',
      subject: { type: 'member_suspension', key: id },
      url: '/account',
      params: { until: until.slice(0, 10), reason: input.reason },
      to: { users: [userId] },
      actorId: moderator?.id ?? null,
    });
    return { id, until };
  });
}

/** Ends a suspension before its time (404 when there is none in force with this id). */
export async function liftSuspension(ctx: ActionContext, userId: number, suspensionId: number) {
  const moderator = ensure(ctx, canModerate);
  await transact(ctx, async (trx) => {
    const now = nowIso();
    const lifted = await trx
      .updateTable('member_suspensions')
      .set({ lifted_at: now, lifted_by: moderator?.id ?? null })
      .where('id', '=', suspensionId)
      .where('user_id', '=', userId)
      .where('lifted_at', 'is', null)
      .where('until', '>', now)
      .executeTakeFirst();
    if (Number(lifted.numUpdatedRows) === 0) throw new HttpError(404, 'error.404.message');
    await audit(trx, ctx, {
      action: 'member.suspension-lifted',
      subjectType: 'user',
      subjectId: userId,
      details: { suspension: suspensionId },
    });
  });
}

export async function setPostingLimits(ctx: ActionContext, limits: PostingLimits): Promise<void> {
  ensure(ctx, canChangeSwitches);
  const now = nowIso();
  await transact(ctx, async (trx) => {
    for (const { key, value } of postingLimitRows(limits)) {
      await trx
        .insertInto('settings')
        .values({ key, value, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
        .execute();
    }
    await audit(trx, ctx, { action: 'posting-limits.changed', subjectType: 'settings', details: limits });
  });
}
