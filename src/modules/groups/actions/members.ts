// The changes of a group's people: invitations by email (sent, accepted, revoked), requests to join
// (asked, approved, declined), roles, removals and leaving. Each asks who may (MANAGE_GROUP at the
// group: its coordinators, its country's focal points, admins), then changes the membership and the
// audit log (which is also the group's activity) and queues the mail (and an invitee's notification),
// in one transaction. The last coordinator can neither leave, nor be removed, nor become anything
// else.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Locale } from '../../../locales/index.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { formatters, translator } from '../../../platform/i18n.ts';
import {
  countInvitation,
  invitationMatches,
  inviteeLocale,
  normaliseEmail,
  storeInvitation,
} from '../../../platform/invitations.ts';
import { enqueueMail } from '../../../platform/mail/outbox.ts';
import type { RateLimitRule } from '../../../platform/rate-limit.ts';
import { ensureMay } from '../../../platform/scope-checks.ts';
import { inGroup } from '../../../platform/scopes.ts';
import { siteName } from '../../../platform/site/index.ts';
import { nowIso } from '../../../platform/time.ts';
import { type Group, memberRole } from '../access.ts';
import { checkInvitation, countCoordinators, type InvitationCheck, openRequestOf } from '../members.ts';
import { announceInvitation } from '../notifications.ts';
import { canRequestToJoin, lastCoordinatorRefusal, MANAGE_GROUP } from '../permissions.ts';
import type { InviteInput } from '../schemas.ts';
import type { GroupRole } from '../vocab.ts';

type Db = Kysely<Database>;

const INVITES_PER_HOUR: RateLimitRule = { name: 'group-invite:account', limit: 30, windowSeconds: 3600 };

/** A change of members the page refuses with a message next to the list. */
export class MemberRefusal extends HttpError {}

const notMember = () => new MemberRefusal(404, 'groups.members.notMember');

async function guardLastCoordinator(
  db: Db,
  groupId: number,
  userId: number,
  from: GroupRole,
  to: GroupRole | null,
) {
  if (from !== 'coordinator' || to === 'coordinator') return;
  const refusal = lastCoordinatorRefusal(from, to, await countCoordinators(db, groupId, userId));
  if (refusal) throw new MemberRefusal(409, refusal);
}

const groupAudit = (
  trx: Db,
  ctx: ActionContext,
  groupId: number,
  action: string,
  details: Record<string, unknown>,
) => audit(trx, ctx, { action: `group.${action}`, subjectType: 'group', subjectId: groupId, details });

async function addMember(trx: Db, groupId: number, userId: number, role: GroupRole): Promise<void> {
  await trx
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: userId, role, created_at: nowIso() })
    .execute();
}

/** Invites an address: a link by mail, in the invitee's language when they have an account. */
export async function inviteToGroup(ctx: ActionContext, group: Group, input: InviteInput): Promise<number> {
  await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
  const user = actingUser(ctx);
  const { db, config, outbox } = ctx.deps;
  const email = normaliseEmail(input.email);
  const already = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select('users.id')
    .where('group_members.group_id', '=', group.id)
    .where('users.email', '=', email)
    .executeTakeFirst();
  if (already) throw HttpError.invalid({ email: 'groups.members.alreadyMember' });
  await countInvitation(db, INVITES_PER_HOUR, user.id, 'groups.members.tooManyInvitations');
  const locale: Locale = await inviteeLocale(db, email, ctx.locale, config.defaultLocale);
  const id = await transact(ctx, async (trx) => {
    const { id, token, expiresAt } = await storeInvitation(
      trx,
      'group_invitations',
      { column: 'group_id', id: group.id },
      { email, role: input.role, invitedBy: user.id },
    );
    const t = translator(locale);
    const values = {
      group: group.name,
      inviter: user.name,
      role: t(`groups.role.${input.role}`),
      link: `${config.baseUrl}/groups/invitations/${token}`,
      expires: formatters(locale, 'UTC').date(expiresAt),
    };
    await enqueueMail(trx, {
      to: email,
      subject: t('groups.mail.invitationSubject', values),
      text: `${t('groups.mail.invitationBody', values)}\n\n-- \n${siteName(ctx.deps, locale)}\n`,
    });
    await groupAudit(trx, ctx, group.id, 'member_invited', { invitationId: id, email, role: input.role });
    await announceInvitation(trx, ctx, { id, email, group: group.name });
    return id;
  });
  outbox.kick();
  return id;
}

/**
 * Uses an invitation once, found by its link's secret or (from the invited account's list) by its
 * id: the invited account joins (or keeps its role, unless invited higher).
 */
export async function acceptGroupInvitation(
  ctx: ActionContext,
  by: string | { id: number },
): Promise<InvitationCheck> {
  const user = actingUser(ctx);
  return transact(ctx, async (trx) => {
    const check = await checkInvitation(trx, by);
    if (!check.ok) return check;
    const { invitation } = check;
    if (invitationMatches(invitation.email, user) !== 'ok') throw new HttpError(403, 'error.403.message');
    const taken = await trx
      .updateTable('group_invitations')
      .set({ accepted_at: nowIso(), accepted_by: user.id })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
    const current = await memberRole(trx, invitation.group_id, user.id);
    if (current === null) await addMember(trx, invitation.group_id, user.id, invitation.role);
    await trx
      .updateTable('group_join_requests')
      .set({ decided_at: nowIso(), decision: 'approved' })
      .where('group_id', '=', invitation.group_id)
      .where('user_id', '=', user.id)
      .where('decided_at', 'is', null)
      .execute();
    await groupAudit(trx, ctx, invitation.group_id, 'member_joined', {
      invitationId: invitation.id,
      userId: user.id,
      role: current ?? invitation.role,
    });
    return check;
  });
}

export async function revokeGroupInvitation(
  ctx: ActionContext,
  group: Group,
  invitationId: number,
): Promise<void> {
  await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
  await transact(ctx, async (trx) => {
    const row = await trx
      .updateTable('group_invitations')
      .set({ revoked_at: nowIso() })
      .where('id', '=', invitationId)
      .where('group_id', '=', group.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning(['email'])
      .executeTakeFirst();
    if (!row) throw new MemberRefusal(404, 'groups.members.noSuchInvitation');
    await groupAudit(trx, ctx, group.id, 'invitation_revoked', { invitationId, email: row.email });
  });
}

/** Asks to join a public or private group; one open request at a time. */
export async function requestToJoin(ctx: ActionContext, group: Group, message: string): Promise<number> {
  const user = actingUser(ctx);
  const { db } = ctx.deps;
  const role = await memberRole(db, group.id, user.id);
  if (role !== null) throw new MemberRefusal(409, 'groups.members.alreadyIn');
  if (!canRequestToJoin(user, group, role)) throw new HttpError(403, 'error.403.message');
  if (await openRequestOf(db, group.id, user.id)) throw new MemberRefusal(409, 'groups.join.alreadyAsked');
  return transact(ctx, async (trx) => {
    const row = await trx
      .insertInto('group_join_requests')
      .values({ group_id: group.id, user_id: user.id, message, created_at: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await groupAudit(trx, ctx, group.id, 'join_requested', { requestId: row.id, userId: user.id });
    return row.id;
  });
}

/** A coordinator approves (the person joins as a member) or declines a request. */
export async function decideJoinRequest(
  ctx: ActionContext,
  group: Group,
  requestId: number,
  decision: 'approve' | 'decline',
): Promise<void> {
  const actor = await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
  await transact(ctx, async (trx) => {
    const request = await trx
      .updateTable('group_join_requests')
      .set({
        decided_at: nowIso(),
        decided_by: actor?.id ?? null,
        decision: decision === 'approve' ? 'approved' : 'declined',
      })
      .where('id', '=', requestId)
      .where('group_id', '=', group.id)
      .where('decided_at', 'is', null)
      .returning(['user_id'])
      .executeTakeFirst();
    if (!request) throw new MemberRefusal(404, 'groups.join.noSuchRequest');
    if (decision === 'approve' && (await memberRole(trx, group.id, request.user_id)) === null)
      await addMember(trx, group.id, request.user_id, 'member');
    await groupAudit(trx, ctx, group.id, decision === 'approve' ? 'join_approved' : 'join_declined', {
      requestId,
      userId: request.user_id,
      ...(decision === 'approve' ? { role: 'member' } : {}),
    });
  });
}

export async function changeGroupRole(
  ctx: ActionContext,
  group: Group,
  userId: number,
  role: GroupRole,
): Promise<void> {
  await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
  await transact(ctx, async (trx) => {
    const current = await memberRole(trx, group.id, userId);
    if (current === null) throw notMember();
    if (current === role) return;
    await guardLastCoordinator(trx, group.id, userId, current, role);
    await trx
      .updateTable('group_members')
      .set({ role })
      .where('group_id', '=', group.id)
      .where('user_id', '=', userId)
      .execute();
    await groupAudit(trx, ctx, group.id, 'member_role_changed', { userId, from: current, role });
  });
}

async function takeOut(
  ctx: ActionContext,
  group: Group,
  userId: number,
  action: 'member_removed' | 'member_left',
) {
  await transact(ctx, async (trx) => {
    const current = await memberRole(trx, group.id, userId);
    if (current === null) throw notMember();
    await guardLastCoordinator(trx, group.id, userId, current, null);
    await trx
      .deleteFrom('group_members')
      .where('group_id', '=', group.id)
      .where('user_id', '=', userId)
      .execute();
    await groupAudit(trx, ctx, group.id, action, { userId, role: current });
  });
}

/** Someone who manages the group takes a member out; taking oneself out is leaving. */
export async function removeGroupMember(ctx: ActionContext, group: Group, userId: number): Promise<void> {
  const actor = await ensureMay(ctx, MANAGE_GROUP, inGroup(group.id));
  await takeOut(ctx, group, userId, userId === actor?.id ? 'member_left' : 'member_removed');
}

export async function leaveGroup(ctx: ActionContext, group: Group): Promise<void> {
  const user = actingUser(ctx);
  await takeOut(ctx, group, user.id, 'member_left');
}
