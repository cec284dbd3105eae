// Who may do what in the directory: the one place these rules live. Every page and API route asks
// here, and the tests go through both.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { Organisation } from './tables.ts';
import type { MemberRole } from './vocab.ts';

/** Any signed-in member may add an organisation. */
export function canCreate(user: User | null): boolean {
  return !!user;
}

/** Its owners and editors, and the hub's editors and admins. */
export function canEdit(user: User | null, role: MemberRole | null): boolean {
  return !!user && (role !== null || hasRole(user, 'editor'));
}

/** Its owners and the hub's admins. */
export function canDelete(user: User | null, role: MemberRole | null): boolean {
  return !!user && (role === 'owner' || hasRole(user));
}

/** The "verified" badge, and approving organisations that wait, are for admins. */
export function canVerify(user: User | null): boolean {
  return hasRole(user);
}

/** Approving an organisation that waits, or hiding a reported one, is moderators' (and admins') work. */
export function canModerate(user: User | null): boolean {
  return hasRole(user, 'moderator');
}

/** Who sees unpublished organisations in lists: the directory's editors (and admins). */
export function seesUnpublished(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/** Unpublished organisations are seen by their members, the hub's editors and its moderators. */
export function canView(user: User | null, org: Organisation, role: MemberRole | null): boolean {
  return org.status === 'published' || role !== null || hasRole(user, 'editor', 'moderator');
}

/** Email and phone: public, to members (signed in), or hidden (only the organisation's people). */
export function canSeeContact(user: User | null, org: Organisation, role: MemberRole | null): boolean {
  if (org.contact_visibility === 'public') return true;
  if (org.contact_visibility === 'members') return !!user;
  return role !== null || hasRole(user, 'editor');
}

/** The member list: the organisation's own people and the hub's editors and admins. */
export function canSeeMembers(user: User | null, role: MemberRole | null): boolean {
  return !!user && (role !== null || hasRole(user, 'editor'));
}

/**
 * Inviting, revoking invitations, changing roles and removing members: its owners, and the hub's
 * admins (who may have to rescue an organisation whose owners are gone).
 */
export function canManageMembers(user: User | null, role: MemberRole | null): boolean {
  return !!user && (role === 'owner' || hasRole(user));
}

/** Handing the organisation over is the owner's own decision. */
export function canTransferOwnership(user: User | null, role: MemberRole | null): boolean {
  return !!user && role === 'owner';
}

/** The logo is part of the profile: whoever may edit the profile may change it. */
export function canChangeLogo(user: User | null, role: MemberRole | null): boolean {
  return canEdit(user, role);
}

/** Confirming or declining an organisation that names this one as its parent: its owners, the hub's editors and admins. */
export function canConfirmUnit(user: User | null, role: MemberRole | null): boolean {
  return !!user && (role === 'owner' || hasRole(user, 'editor'));
}
