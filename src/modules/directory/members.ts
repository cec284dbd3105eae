// The people of an organisation as its members page reads them: who is a member with which role,
// the open invitations, and what an invitation link leads to (looked up by its secret, of which
// only the hash is stored). The changes are in actions/members.ts.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import {
  type InvitationRefusal,
  invitationHashOf,
  invitationRefusal,
  invitationMatches as matchesAddress,
  normaliseEmail,
} from '../../platform/invitations.ts';
import { nowIso } from '../../platform/time.ts';
import type { MemberRole } from './vocab.ts';

type Db = Kysely<Database>;

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

export { normaliseEmail };

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

export type { InvitationRefusal };
export type InvitationCheck =
  | { ok: true; invitation: InvitationDetails }
  | { ok: false; reason: InvitationRefusal };

/** Looks an invitation up by its secret without using it. */
export async function checkInvitation(db: Db, token: string): Promise<InvitationCheck> {
  const hash = invitationHashOf(token);
  if (!hash) return { ok: false, reason: 'unknown' };
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
    .where('i.token_hash', '=', hash)
    .executeTakeFirst();
  const refusal = invitationRefusal(row);
  if (!row || refusal) return { ok: false, reason: refusal ?? 'unknown' };
  const { accepted_at: _a, revoked_at: _r, ...invitation } = row;
  return { ok: true, invitation };
}

/** Whether this account may take this invitation: same address, and that address verified. */
export function invitationMatches(
  invitation: InvitationDetails,
  user: User,
): 'ok' | 'otherEmail' | 'unverified' {
  return matchesAddress(invitation.email, user);
}
