// Who may do what with groups: the scoped actions (which roles grant them in a group, its country,
// its organisation, on the platform: platform/scopes.ts), the pure predicates the pages and the
// API ask, and the SQL visibility rule beside them. No database calls here: `held` is what
// heldRoles() found for the reader.
import type { ExpressionBuilder } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { allows, type HeldRoles, scopedAction } from '../../platform/scopes.ts';
import type { GroupsTable } from './tables.ts';
import { GROUP_ROLES, type GroupRole, type GroupVisibility } from './vocab.ts';

/** Reading a private or secret group's members and activity: its people, the country's focal points. */
export const VIEW_GROUP = scopedAction('groups.view', {
  group: GROUP_ROLES,
  country: ['focal_point'],
});

/**
 * Managing a group (editing it, inviting, deciding requests, changing roles, removing people): its
 * coordinators and the focal points of its country; admins everywhere.
 */
export const MANAGE_GROUP = scopedAction('groups.manage', {
  group: ['coordinator'],
  country: ['focal_point'],
});

/** Deleting a group: its coordinators (and admins). */
export const DELETE_GROUP = scopedAction('groups.delete', { group: ['coordinator'] });

/**
 * Starting a group: the hub's editors anywhere, a country's focal points in their country, an
 * organisation's owners for their organisation.
 */
export const CREATE_GROUP = scopedAction('groups.create', {
  platform: ['editor'],
  country: ['focal_point'],
  organisation: ['owner'],
});

/** The role `held` says the reader has in the group itself, or null. */
export function groupRoleIn(held: readonly HeldRoles[]): GroupRole | null {
  const own = held.find((h) => h.scope.kind === 'group');
  const role = own?.roles[0];
  return role && (GROUP_ROLES as readonly string[]).includes(role) ? (role as GroupRole) : null;
}

interface Visible {
  visibility: GroupVisibility;
}

/** Whether the reader knows the group exists: every group but a secret one, which its people see. */
export function canSeeGroup(user: User | null, group: Visible, held: readonly HeldRoles[]): boolean {
  return group.visibility !== 'secret' || allows(VIEW_GROUP, user, held);
}

/** Its members and activity: everyone for a public group, its people (and those above) otherwise. */
export function canSeeInside(user: User | null, group: Visible, held: readonly HeldRoles[]): boolean {
  return group.visibility === 'public' || allows(VIEW_GROUP, user, held);
}

export const canManage = (user: User | null, held: readonly HeldRoles[]) => allows(MANAGE_GROUP, user, held);
export const canDelete = (user: User | null, held: readonly HeldRoles[]) => allows(DELETE_GROUP, user, held);

/** Anyone signed in who is not in it may ask to join a public or private group; a secret one invites. */
export function canRequestToJoin(user: User | null, group: Visible, role: GroupRole | null): boolean {
  return !!user && role === null && group.visibility !== 'secret';
}

/** Email addresses of the members: those who manage the group. */
export const canSeeEmails = canManage;

/**
 * Why a member may not go from `from` to `to` (null: leaving or being removed): the last
 * coordinator stays one, so a group is never left without anyone to manage it. Null when allowed.
 */
export function lastCoordinatorRefusal(
  from: GroupRole,
  to: GroupRole | null,
  otherCoordinators: number,
): 'groups.members.lastCoordinator' | null {
  return from === 'coordinator' && to !== 'coordinator' && otherCoordinators === 0
    ? 'groups.members.lastCoordinator'
    : null;
}

/** What a reader of the list sees: the groups they know exist (SQL beside canSeeGroup). */
export interface ListViewer {
  user: User | null;
  /** Their groups' ids. */
  groupIds: readonly number[];
  /** The countries where they are a focal point. */
  countries: readonly string[];
}

export function visibleGroups(viewer: ListViewer) {
  return (eb: ExpressionBuilder<Database & { g: GroupsTable }, 'g'>) => {
    if (viewer.user?.role === 'admin') return eb.lit(true);
    const ors = [eb('g.visibility', '!=', 'secret')];
    if (viewer.groupIds.length) ors.push(eb('g.id', 'in', [...viewer.groupIds]));
    if (viewer.countries.length) ors.push(eb('g.country', 'in', [...viewer.countries]));
    return eb.or(ors);
  };
}
