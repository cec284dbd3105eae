// The changes of an organisation's people: invitations by email (sent, accepted, revoked), roles,
// removals, leaving and handing over ownership. Each asks permissions.ts, then changes the
// membership, the organisation's history and the audit log (and queues the mail) in one
// transaction. A refusal the members page shows next to the list is a MemberRefusal.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Locale } from '../../../locales/index.ts';
import { type ActionContext, actingUser, audit, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { formatters, translator } from '../../../platform/i18n.ts';
import {
  countInvitation,
  INVITATION_LIFETIME_SECONDS,
  inviteeLocale,
  storeInvitation,
} from '../../../platform/invitations.ts';
import { enqueueMail, type MailMessage } from '../../../platform/mail/outbox.ts';
import type { RateLimitRule } from '../../../platform/rate-limit.ts';
import { siteName } from '../../../platform/site/index.ts';
import { nowIso } from '../../../platform/time.ts';
import { actingRole, ensureWithRole, memberRole, type Organisation } from '../access.ts';
import {
  checkInvitation,
  type InvitationCheck,
  invitationMatches,
  isMemberEmail,
  normaliseEmail,
} from '../members.ts';
import { canManageMembers, canTransferOwnership } from '../permissions.ts';
import type { InviteInput } from '../schemas.ts';
import type { MemberRole } from '../vocab.ts';
import { recordHistory } from './history.ts';

type Db = Kysely<Database>;

export { INVITATION_LIFETIME_SECONDS };

/** Invitations one account may send per hour (each sends a mail to an address of their choosing). */
const INVITES_PER_HOUR: RateLimitRule = { name: 'directory-invite:account', limit: 30, windowSeconds: 3600 };

/** A change of members the page refuses with a message: the last owner, someone not a member… */
export class MemberRefusal extends HttpError {}

const lastOwner = () => new MemberRefusal(409, 'directory.members.lastOwner');
const notMember = () => new MemberRefusal(404, 'directory.members.notMember');

async function setRole(db: Db, organisationId: number, userId: number, role: MemberRole): Promise<void> {
  await db
    .updateTable('organisation_members')
    .set({ role })
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
}

async function nameOf(db: Db, userId: number): Promise<string> {
  const row = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return row?.name ?? `#${userId}`;
}

async function otherOwners(db: Db, organisationId: number, userId: number): Promise<number> {
  const row = await db
    .selectFrom('organisation_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .where('user_id', '<>', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function invitationMail(
  locale: Locale,
  input: {
    to: string;
    siteName: string;
    organisation: string;
    inviter: string;
    role: MemberRole;
    link: string;
    expires: string;
  },
): MailMessage {
  const t = translator(locale);
  const expires = formatters(locale, 'UTC').date(input.expires);
  const values = { ...input, role: t(`directory.role.${input.role}`), expires };
  return {
    to: input.to,
    subject: t('mail.invitation.subject', values),
    text: `${t('mail.invitation.body', values)}\n\n-- \n${input.siteName}\n`,
  };
}

/**
 * Invites an address to the organisation: a link by mail (in the invitee's language when they have
 * an account), of which only the hash is stored. Earlier open invitations of the same address to
 * the same organisation stop working: the newest counts.
 */
export async function inviteMember(
  ctx: ActionContext,
  org: Organisation,
  input: InviteInput,
): Promise<number> {
  await ensureWithRole(ctx, org.id, canManageMembers);
  const user = actingUser(ctx);
  const { db, config, outbox } = ctx.deps;
  const email = normaliseEmail(input.email);
  if (await isMemberEmail(db, org.id, email))
    throw HttpError.invalid({ email: 'directory.members.alreadyMember' });
  await countInvitation(db, INVITES_PER_HOUR, user.id, 'directory.members.tooManyInvitations');
  const locale = await inviteeLocale(db, email, ctx.locale, config.defaultLocale);
  const id = await transact(ctx, async (trx) => {
    const { id, token, expiresAt } = await storeInvitation(
      trx,
      'organisation_invitations',
      { column: 'organisation_id', id: org.id },
      { email, role: input.role, invitedBy: user.id },
    );
    await recordHistory(trx, org.id, user.id, {
      invitation: { from: null, to: { email, role: input.role } },
    });
    await enqueueMail(
      trx,
      invitationMail(locale, {
        to: email,
        siteName: siteName(ctx.deps, locale),
        organisation: org.name,
        inviter: user.name,
        role: input.role,
        link: `${config.baseUrl}/directory/invitations/${token}`,
        expires: expiresAt,
      }),
    );
    await audit(trx, ctx, {
      action: 'organisation.member_invited',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { invitationId: id, email, role: input.role },
    });
    return id;
  });
  outbox.kick();
  return id;
}

/**
 * Uses an invitation: marks it accepted only if nobody did before (a concurrent second use finds it
 * taken), then makes the account a member. Someone already a member keeps their role unless the
 * invitation makes them an owner.
 */
export async function acceptInvitation(
  ctx: ActionContext,
  token: string,
): Promise<InvitationCheck & { role?: MemberRole }> {
  const user = actingUser(ctx);
  return transact(ctx, async (trx) => {
    const check = await checkInvitation(trx, token);
    if (!check.ok) return check;
    const { invitation } = check;
    if (invitationMatches(invitation, user) !== 'ok') throw new HttpError(403, 'error.403.message');
    const now = nowIso();
    const taken = await trx
      .updateTable('organisation_invitations')
      .set({ accepted_at: now, accepted_by: user.id })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
    const current = await memberRole(trx, invitation.organisation_id, user.id);
    let role: MemberRole = invitation.role;
    if (current === null)
      await trx
        .insertInto('organisation_members')
        .values({ organisation_id: invitation.organisation_id, user_id: user.id, role, created_at: now })
        .execute();
    else if (current === 'editor' && invitation.role === 'owner')
      await setRole(trx, invitation.organisation_id, user.id, 'owner');
    else role = current;
    if (current !== role)
      await recordHistory(trx, invitation.organisation_id, user.id, {
        members: { from: current && { user: user.name, role: current }, to: { user: user.name, role } },
      });
    await audit(trx, ctx, {
      action: 'organisation.member_joined',
      subjectType: 'organisation',
      subjectId: invitation.organisation_id,
      details: { invitationId: invitation.id, role },
    });
    return { ...check, role };
  });
}

/** Withdraws an open invitation of this organisation. */
export async function revokeInvitation(
  ctx: ActionContext,
  org: Organisation,
  invitationId: number,
): Promise<void> {
  const user = await ensureWithRole(ctx, org.id, canManageMembers);
  await transact(ctx, async (trx) => {
    const row = await trx
      .updateTable('organisation_invitations')
      .set({ revoked_at: nowIso() })
      .where('id', '=', invitationId)
      .where('organisation_id', '=', org.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .returning(['email', 'role'])
      .executeTakeFirst();
    if (!row) throw new MemberRefusal(404, 'directory.members.noSuchInvitation');
    await recordHistory(trx, org.id, user?.id ?? null, { invitation: { from: row, to: null } });
    await audit(trx, ctx, {
      action: 'organisation.invitation_revoked',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { invitationId, email: row.email },
    });
  });
}

/** Changes a member's role; an organisation with owners keeps at least one. */
export async function changeMemberRole(
  ctx: ActionContext,
  org: Organisation,
  userId: number,
  role: MemberRole,
): Promise<void> {
  const actor = await ensureWithRole(ctx, org.id, canManageMembers);
  await transact(ctx, async (trx) => {
    const current = await memberRole(trx, org.id, userId);
    if (current === null) throw notMember();
    if (current !== role) {
      if (current === 'owner' && (await otherOwners(trx, org.id, userId)) === 0) throw lastOwner();
      await setRole(trx, org.id, userId, role);
      const user = await nameOf(trx, userId);
      await recordHistory(trx, org.id, actor?.id ?? null, {
        members: { from: { user, role: current }, to: { user, role } },
      });
    }
    await audit(trx, ctx, {
      action: 'organisation.member_role_changed',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { userId, role },
    });
  });
}

/** Takes a member out; the last owner can neither leave nor be removed. */
async function takeOut(
  ctx: ActionContext,
  org: Organisation,
  userId: number,
  entry: { action: string; details: Record<string, unknown> },
): Promise<void> {
  await transact(ctx, async (trx) => {
    const current = await memberRole(trx, org.id, userId);
    if (current === null) throw notMember();
    if (current === 'owner' && (await otherOwners(trx, org.id, userId)) === 0) throw lastOwner();
    const user = await nameOf(trx, userId);
    await trx
      .deleteFrom('organisation_members')
      .where('organisation_id', '=', org.id)
      .where('user_id', '=', userId)
      .execute();
    await recordHistory(trx, org.id, ctx.user?.id ?? null, {
      members: { from: { user, role: current }, to: null },
    });
    await audit(trx, ctx, { ...entry, subjectType: 'organisation', subjectId: org.id });
  });
}

/** An owner (or an admin) removes a member; removing oneself is leaving. */
export async function removeMember(ctx: ActionContext, org: Organisation, userId: number): Promise<void> {
  const actor = await ensureWithRole(ctx, org.id, canManageMembers);
  const self = userId === actor?.id;
  await takeOut(ctx, org, userId, {
    action: self ? 'organisation.member_left' : 'organisation.member_removed',
    details: { userId },
  });
}

/** A member leaves the organisation. */
export async function leaveOrganisation(ctx: ActionContext, org: Organisation): Promise<void> {
  const user = actingUser(ctx);
  const role = await actingRole(ctx, org.id);
  if (role === null) throw notMember();
  await takeOut(ctx, org, user.id, {
    action: 'organisation.member_left',
    details: { userId: user.id, role },
  });
}

/** The owner hands over: the chosen member becomes owner and the owner becomes an editor. */
export async function transferOwnership(
  ctx: ActionContext,
  org: Organisation,
  toUserId: number,
): Promise<void> {
  await ensureWithRole(ctx, org.id, canTransferOwnership);
  const from = actingUser(ctx);
  if (from.id === toUserId) throw new MemberRefusal(422, 'directory.members.sameMember');
  await transact(ctx, async (trx) => {
    if ((await memberRole(trx, org.id, toUserId)) === null) throw notMember();
    await setRole(trx, org.id, toUserId, 'owner');
    await setRole(trx, org.id, from.id, 'editor');
    const [fromName, toName] = await Promise.all([nameOf(trx, from.id), nameOf(trx, toUserId)]);
    await recordHistory(trx, org.id, from.id, { owner: { from: fromName, to: toName } });
    await audit(trx, ctx, {
      action: 'organisation.ownership_transferred',
      subjectType: 'organisation',
      subjectId: org.id,
      details: { from: from.id, to: toUserId },
    });
  });
}
