// Who may do what with people's profiles: the one place these rules live. Every page and API route
// asks here, and the tests go through both.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { PeopleTable } from './tables.ts';
import type { PersonStatus } from './vocab.ts';

type Person = Pick<PeopleTable, 'user_id' | 'status' | 'contact_visibility'>;

const owns = (user: User | null, person: Pick<Person, 'user_id'>) =>
  !!user && person.user_id !== null && person.user_id === user.id;

/** A member makes one profile of their own. */
export function canCreateOwn(user: User | null, hasProfile: boolean): boolean {
  return !!user && !hasProfile;
}

/** The hub's editors also make profiles of people without an account (who may claim them later). */
export function canCreateForOthers(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/** The person themselves, and the hub's editors. */
export function canEdit(user: User | null, person: Pick<Person, 'user_id'>): boolean {
  return owns(user, person) || hasRole(user, 'editor');
}

/** The person themselves and the hub's admins; editors also delete the profiles nobody owns. */
export function canDelete(user: User | null, person: Pick<Person, 'user_id'>): boolean {
  return owns(user, person) || hasRole(user) || (person.user_id === null && hasRole(user, 'editor'));
}

/** Drafts and hidden profiles are seen by their owner, the hub's editors and its moderators only. */
export function canView(user: User | null, person: Pick<Person, 'user_id' | 'status'>): boolean {
  return person.status === 'published' || owns(user, person) || hasRole(user, 'editor', 'moderator');
}

/** Email and phone: to everyone, to members (signed in), or hidden (the person and the editors). */
export function canSeeContact(
  user: User | null,
  person: Pick<Person, 'user_id' | 'contact_visibility'>,
): boolean {
  if (person.contact_visibility === 'public') return true;
  if (person.contact_visibility === 'members') return !!user;
  return owns(user, person) || hasRole(user, 'editor');
}

/** The statuses a user may give a profile: owners publish or keep a draft; editors may also hide. */
export function allowedStatuses(user: User | null): PersonStatus[] {
  return hasRole(user, 'editor') ? ['published', 'draft', 'hidden'] : ['published', 'draft'];
}

/**
 * The status a profile gets from a save: what was asked if the user may give it; an owner's edit
 * leaves a profile the editors hid hidden.
 */
export function statusAfterSave(
  user: User | null,
  current: PersonStatus | null,
  asked: PersonStatus,
): PersonStatus {
  if (hasRole(user, 'editor')) return asked;
  if (current === 'hidden') return 'hidden';
  return asked === 'hidden' ? 'draft' : asked;
}

/**
 * Why `user` may not claim `person` ("This is me"), or null when they may: they need to be signed
 * in, without a profile of their own, and the profile must belong to no one yet.
 */
export function claimRefusal(
  user: User | null,
  person: Pick<Person, 'user_id'>,
  state: { hasProfile: boolean; pendingClaim: boolean },
): { status: 401 | 409; message: MessageKey } | null {
  if (!user) return { status: 401, message: 'error.401.message' };
  if (person.user_id !== null) return { status: 409, message: 'people.claimOwned' };
  if (state.hasProfile) return { status: 409, message: 'people.claimHasProfile' };
  if (state.pendingClaim) return { status: 409, message: 'people.claimPending' };
  return null;
}

/** Deciding claims gives a profile to an account: the hub's admins only. */
export function canDecideClaims(user: User | null): boolean {
  return hasRole(user);
}
