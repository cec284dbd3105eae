// The people of an organisation: who is a member with which role, invitations by email, and the
// changes owners make (roles, removals, handing over ownership). Every change writes the
// organisation's history here; the routes add the audit log entry in the same transaction.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, User } from '../../db/schema.ts';
import { randomToken, sha256 } from '../../platform/security-tokens.ts';
import { DAY, isoIn, nowIso } from '../../platform/time.ts';
import { MEMBER_ROLES, type MemberRole } from './vocab.ts';

type Db = Kysely<Database>;

/** How long an emailed invitation link works. */
export const INVITATION_LIFETIME_SECONDS = 14 * DAY;

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'form.required').max(254, 'form.tooLong').pipe(z.email()),
  role: z.enum(MEMBER_ROLES, 'form.invalid').default('editor'),
});
export type InviteInput = z.output<typeof inviteSchema>;

export const roleChangeSchema = z.object({
  user_id: z.coerce.number().int().positive(),
  role: z.enum(MEMBER_ROLES),
});

export const memberChoiceSchema = z.object({ user_id: z.coerce.number().int().positive() });

export interface Member {
  user_id: number;
  name: string;
  email: string;
  role: MemberRole;
  created_at: string;
}

export interface PendingInvitation {
  id: number;
  email: string;
  role: MemberRole;
  created_at: string;
  expires_at: string;
  invited_by_name: string | null;
}

/** Why a member change was refused; the routes turn it into a message. */
export type MemberRefusal = 'lastOwner' | 'notMember' | 'sameMember';
export type MemberChange = { ok: true } | { ok: false; reason: MemberRefusal };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function listMembers(db: Db, organisationId: number): Promise<Member[]> {
  const rows = await db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select([
      'organisation_members.user_id',
      'organisation_members.role',
      'organisation_members.created_at',
      'users.name',
      'users.email',
    ])
    .where('organisation_members.organisation_id', '=', organisationId)
    .orderBy('users.name')
    .orderBy('organisation_members.user_id')
    .execute();
  // Owners first, then editors; by name within each.
  return rows.sort((a, b) => (a.role === b.role ? 0 : a.role === 'owner' ? -1 : 1));
}

export function listPendingInvitations(db: Db, organisationId: number): Promise<PendingInvitation[]> {
  return db
    .selectFrom('organisation_invitations')
    .leftJoin('users', 'users.id', 'organisation_invitations.invited_by')
    .select([
      'organisation_invitations.id',
      'organisation_invitations.email',
      'organisation_invitations.role',
      'organisation_invitations.created_at',
      'organisation_invitations.expires_at',
      'users.name as invited_by_name',
    ])
    .where('organisation_invitations.organisation_id', '=', organisationId)
    .where('organisation_invitations.accepted_at', 'is', null)
    .where('organisation_invitations.revoked_at', 'is', null)
    .where('organisation_invitations.expires_at', '>', nowIso())
    .orderBy('organisation_invitations.id', 'desc')
    .execute();
}

/** Writes one entry of the organisation's history (shown on the profile to its editors). */
export async function recordHistory(
  db: Db,
  organisationId: number,
  actorId: number | null,
  changes: Record<string, { from: unknown; to: unknown }>,
): Promise<void> {
  await db
    .insertInto('organisation_history')
    .values({
      organisation_id: organisationId,
      actor_id: actorId,
      at: nowIso(),
      changes: JSON.stringify(changes),
    })
    .execute();
}

export async function isMemberEmail(db: Db, organisationId: number, email: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_members')
    .innerJoin('users', 'users.id', 'organisation_members.user_id')
    .select('users.id')
    .where('organisation_members.organisation_id', '=', organisationId)
    .where('users.email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return !!row;
}

/**
 * Creates an invitation and returns the secret for the link (only its hash is stored). Earlier
 * open invitations of the same address to the same organisation stop working: the newest counts.
 */
export async function createInvitation(
  db: Db,
  organisationId: number,
  input: InviteInput,
  inviter: User,
): Promise<{ id: number; token: string; expiresAt: string }> {
  const now = nowIso();
  const email = normaliseEmail(input.email);
  await db
    .updateTable('organisation_invitations')
    .set({ revoked_at: now })
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const token = randomToken(32);
  const expiresAt = isoIn(INVITATION_LIFETIME_SECONDS);
  const row = await db
    .insertInto('organisation_invitations')
    .values({
      organisation_id: organisationId,
      email,
      role: input.role,
      token_hash: sha256(token),
      invited_by: inviter.id,
      created_at: now,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordHistory(db, organisationId, inviter.id, {
    invitation: { from: null, to: { email, role: input.role } },
  });
  return { id: row.id, token, expiresAt };
}

export interface InvitationDetails {
  id: number;
  email: string;
  role: MemberRole;
  organisation_id: number;
  slug: string;
  name: string;
  invited_by_name: string | null;
  expires_at: string;
}

export type InvitationCheck =
  | { ok: true; invitation: InvitationDetails }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' | 'revoked' };

/** Looks an invitation up by its secret without using it. */
export async function checkInvitation(db: Db, token: string): Promise<InvitationCheck> {
  if (!token || token.length > 100) return { ok: false, reason: 'unknown' };
  const row = await db
    .selectFrom('organisation_invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.email',
      'i.role',
      'i.organisation_id',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'o.slug',
      'o.name',
      'u.name as invited_by_name',
    ])
    .where('i.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.accepted_at) return { ok: false, reason: 'used' };
  if (row.revoked_at) return { ok: false, reason: 'revoked' };
  if (row.expires_at <= nowIso()) return { ok: false, reason: 'expired' };
  const { accepted_at: _a, revoked_at: _r, ...invitation } = row;
  return { ok: true, invitation };
}

/** Whether this account may take this invitation: same address, and that address verified. */
export function invitationMatches(
  invitation: InvitationDetails,
  user: User,
): 'ok' | 'otherEmail' | 'unverified' {
  if (normaliseEmail(user.email) !== invitation.email) return 'otherEmail';
  if (!user.email_verified_at) return 'unverified';
  return 'ok';
}

/**
 * Uses the invitation: marks it accepted only if nobody did before (a concurrent second use finds
 * it taken), then makes the account a member. Someone already a member keeps their role unless
 * the invitation makes them an owner. Call inside a transaction.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  user: User,
): Promise<InvitationCheck & { role?: MemberRole }> {
  const check = await checkInvitation(db, token);
  if (!check.ok) return check;
  const { invitation } = check;
  const now = nowIso();
  const taken = await db
    .updateTable('organisation_invitations')
    .set({ accepted_at: now, accepted_by: user.id })
    .where('id', '=', invitation.id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return { ok: false, reason: 'used' };
  const current = await roleOf(db, invitation.organisation_id, user.id);
  let role: MemberRole = invitation.role;
  if (current === null) {
    await db
      .insertInto('organisation_members')
      .values({ organisation_id: invitation.organisation_id, user_id: user.id, role, created_at: now })
      .execute();
  } else if (current === 'editor' && invitation.role === 'owner') {
    await setRole(db, invitation.organisation_id, user.id, 'owner');
  } else {
    role = current;
  }
  if (current !== role) {
    await recordHistory(db, invitation.organisation_id, user.id, {
      members: { from: current && { user: user.name, role: current }, to: { user: user.name, role } },
    });
  }
  return { ...check, role };
}

/** Revokes an open invitation of this organisation; false when there is none with that id. */
export async function revokeInvitation(
  db: Db,
  organisationId: number,
  invitationId: number,
  actorId: number,
): Promise<{ email: string; role: MemberRole } | null> {
  const row = await db
    .updateTable('organisation_invitations')
    .set({ revoked_at: nowIso() })
    .where('id', '=', invitationId)
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning(['email', 'role'])
    .executeTakeFirst();
  if (!row) return null;
  await recordHistory(db, organisationId, actorId, { invitation: { from: row, to: null } });
  return row;
}

async function roleOf(db: Db, organisationId: number, userId: number): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('organisation_members')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

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

/** Changes a member's role; an organisation with owners keeps at least one. */
export async function changeRole(
  db: Db,
  organisationId: number,
  userId: number,
  role: MemberRole,
  actorId: number,
): Promise<MemberChange> {
  const current = await roleOf(db, organisationId, userId);
  if (current === null) return { ok: false, reason: 'notMember' };
  if (current === role) return { ok: true };
  if (current === 'owner' && (await otherOwners(db, organisationId, userId)) === 0)
    return { ok: false, reason: 'lastOwner' };
  await setRole(db, organisationId, userId, role);
  const user = await nameOf(db, userId);
  await recordHistory(db, organisationId, actorId, {
    members: { from: { user, role: current }, to: { user, role } },
  });
  return { ok: true };
}

/** Removes a member (or lets one leave); the last owner can neither leave nor be removed. */
export async function removeMember(
  db: Db,
  organisationId: number,
  userId: number,
  actorId: number,
): Promise<MemberChange> {
  const current = await roleOf(db, organisationId, userId);
  if (current === null) return { ok: false, reason: 'notMember' };
  if (current === 'owner' && (await otherOwners(db, organisationId, userId)) === 0)
    return { ok: false, reason: 'lastOwner' };
  const user = await nameOf(db, userId);
  await db
    .deleteFrom('organisation_members')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .execute();
  await recordHistory(db, organisationId, actorId, { members: { from: { user, role: current }, to: null } });
  return { ok: true };
}

/** The chosen member becomes owner and the owner who hands over becomes an editor. */
export async function transferOwnership(
  db: Db,
  organisationId: number,
  fromUserId: number,
  toUserId: number,
): Promise<MemberChange> {
  if (fromUserId === toUserId) return { ok: false, reason: 'sameMember' };
  const [fromRole, toRole] = await Promise.all([
    roleOf(db, organisationId, fromUserId),
    roleOf(db, organisationId, toUserId),
  ]);
  if (fromRole !== 'owner' || toRole === null) return { ok: false, reason: 'notMember' };
  await setRole(db, organisationId, toUserId, 'owner');
  await setRole(db, organisationId, fromUserId, 'editor');
  const [from, to] = await Promise.all([nameOf(db, fromUserId), nameOf(db, toUserId)]);
  await recordHistory(db, organisationId, fromUserId, { owner: { from, to } });
  return { ok: true };
}
