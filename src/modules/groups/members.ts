// The people of a group as its page reads them: members by role, the open invitations and requests
// to join (for those who manage it), the membership events (its activity, from the audit log), an
// invitation looked up by its link's secret, and someone's memberships (download my data).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  type InvitationRefusal,
  invitationHashOf,
  invitationRefusal,
  normaliseEmail,
} from '../../platform/invitations.ts';
import { nowIso } from '../../platform/time.ts';
import { ACTIVITY_ACTIONS, GROUP_ROLES, type GroupRole } from './vocab.ts';

type Db = Kysely<Database>;

export interface GroupMember {
  user_id: number;
  name: string;
  email: string;
  role: GroupRole;
  created_at: string;
}

/** Coordinators first, then members, then observers; by name within each. */
export async function listMembers(db: Db, groupId: number): Promise<GroupMember[]> {
  const rows = await db
    .selectFrom('group_members')
    .innerJoin('users', 'users.id', 'group_members.user_id')
    .select([
      'group_members.user_id',
      'group_members.role',
      'group_members.created_at',
      'users.name',
      'users.email',
    ])
    .where('group_members.group_id', '=', groupId)
    .orderBy('users.name')
    .orderBy('group_members.user_id')
    .execute();
  return rows.sort((a, b) => GROUP_ROLES.indexOf(a.role) - GROUP_ROLES.indexOf(b.role));
}

export async function countCoordinators(db: Db, groupId: number, except?: number): Promise<number> {
  let q = db
    .selectFrom('group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('group_id', '=', groupId)
    .where('role', '=', 'coordinator');
  if (except !== undefined) q = q.where('user_id', '<>', except);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export function listOpenInvitations(db: Db, groupId: number) {
  return db
    .selectFrom('group_invitations')
    .select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('group_id', '=', groupId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('id', 'desc')
    .execute();
}

export function listOpenRequests(db: Db, groupId: number) {
  return db
    .selectFrom('group_join_requests')
    .innerJoin('users', 'users.id', 'group_join_requests.user_id')
    .select([
      'group_join_requests.id',
      'group_join_requests.user_id',
      'group_join_requests.message',
      'group_join_requests.created_at',
      'users.name',
    ])
    .where('group_join_requests.group_id', '=', groupId)
    .where('group_join_requests.decided_at', 'is', null)
    .orderBy('group_join_requests.id')
    .execute();
}

/** The open request of `userId` to join, if any. */
export function openRequestOf(db: Db, groupId: number, userId: number) {
  return db
    .selectFrom('group_join_requests')
    .select(['id', 'created_at'])
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('decided_at', 'is', null)
    .executeTakeFirst();
}

export interface ActivityEntry {
  at: string;
  action: (typeof ACTIVITY_ACTIONS)[number];
  actor: string | null;
  /** The person the event is about (joined, removed, whose role changed), when another. */
  subject: string | null;
  role: GroupRole | null;
}

/** The latest membership events of a group, newest first, from the audit log. */
export async function activityOf(db: Db, groupId: number, limit = 30): Promise<ActivityEntry[]> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select(['audit_log.at', 'audit_log.action', 'audit_log.details', 'users.name as actor'])
    .where('audit_log.subject_type', '=', 'group')
    .where('audit_log.subject_id', '=', String(groupId))
    .where('audit_log.action', 'in', [...ACTIVITY_ACTIONS])
    .orderBy('audit_log.id', 'desc')
    .limit(limit)
    .execute();
  const details = rows.map((r) => (r.details ? (JSON.parse(r.details) as Record<string, unknown>) : {}));
  const ids = [...new Set(details.map((d) => d.userId).filter((v): v is number => typeof v === 'number'))];
  const names = new Map(
    ids.length
      ? (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  return rows.map((r, i) => {
    const d = details[i] ?? {};
    const role =
      typeof d.role === 'string' && (GROUP_ROLES as readonly string[]).includes(d.role) ? d.role : null;
    return {
      at: r.at,
      action: r.action as ActivityEntry['action'],
      actor: r.actor ?? null,
      subject: typeof d.userId === 'number' ? (names.get(d.userId) ?? null) : null,
      role: role as GroupRole | null,
    };
  });
}

export interface GroupInvitation {
  id: number;
  group_id: number;
  email: string;
  role: GroupRole;
  slug: string;
  name: string;
  lang: string;
  invited_by_name: string | null;
  expires_at: string;
}

export type InvitationCheck =
  | { ok: true; invitation: GroupInvitation }
  | { ok: false; reason: InvitationRefusal };

const invitationRows = (db: Db) =>
  db
    .selectFrom('group_invitations as i')
    .innerJoin('groups as g', 'g.id', 'i.group_id')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.group_id',
      'i.email',
      'i.role',
      'i.expires_at',
      'i.accepted_at',
      'i.revoked_at',
      'g.slug',
      'g.name',
      'g.lang',
      'u.name as invited_by_name',
    ]);

/**
 * Looks an invitation up without using it: by its link's secret, or by its id (for the invited
 * account's own list of invitations, which has no secret: /groups/invitations).
 */
export async function checkInvitation(db: Db, by: string | { id: number }): Promise<InvitationCheck> {
  let row: Awaited<ReturnType<ReturnType<typeof invitationRows>['executeTakeFirst']>>;
  if (typeof by === 'string') {
    const hash = invitationHashOf(by);
    if (!hash) return { ok: false, reason: 'unknown' };
    row = await invitationRows(db).where('i.token_hash', '=', hash).executeTakeFirst();
  } else {
    row = await invitationRows(db).where('i.id', '=', by.id).executeTakeFirst();
  }
  const refusal = invitationRefusal(row);
  if (!row || refusal) return { ok: false, reason: refusal ?? 'unknown' };
  const { accepted_at: _a, revoked_at: _r, ...invitation } = row;
  return { ok: true, invitation };
}

/** The open invitations to an address (neither used, withdrawn nor expired), newest first. */
export async function openInvitationsTo(db: Db, email: string): Promise<GroupInvitation[]> {
  const rows = await invitationRows(db)
    .where('i.email', '=', normaliseEmail(email))
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .where('i.expires_at', '>', nowIso())
    .orderBy('i.id', 'desc')
    .execute();
  return rows.map(({ accepted_at: _a, revoked_at: _r, ...invitation }) => invitation);
}

/** Someone's groups and requests, for "download my data". */
export async function membershipsOf(db: Db, userId: number) {
  const [memberships, requests] = await Promise.all([
    db
      .selectFrom('group_members')
      .innerJoin('groups', 'groups.id', 'group_members.group_id')
      .select(['groups.slug', 'groups.name', 'group_members.role', 'group_members.created_at as since'])
      .where('group_members.user_id', '=', userId)
      .orderBy('groups.name')
      .execute(),
    db
      .selectFrom('group_join_requests')
      .innerJoin('groups', 'groups.id', 'group_join_requests.group_id')
      .select([
        'groups.slug',
        'group_join_requests.message',
        'group_join_requests.created_at',
        'group_join_requests.decision',
        'group_join_requests.decided_at',
      ])
      .where('group_join_requests.user_id', '=', userId)
      .orderBy('group_join_requests.id')
      .execute(),
  ]);
  return { memberships, requests };
}
