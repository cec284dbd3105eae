// Who may do what with events: the one place these rules live. Pages, the API and the iCal feeds ask
// here, and the tests go through all of them.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';
import type { EventStatus } from './vocab.ts';

/** The hub's editors (and admins) create events. */
export function canCreate(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/**
 * The editors, and the members of an organisation that organises the event (`organiser`: the
 * caller looked that up, store.isOrganiser). Partners and donors do not edit.
 */
export function canEdit(user: User | null, organiser: boolean): boolean {
  return hasRole(user, 'editor') || (!!user && organiser);
}

/** Deleting an event is the editors' decision. */
export function canDelete(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/** A draft is seen by its organisers and the editors; anyone else gets a 404, as if it did not exist. */
export function canView(user: User | null, event: { status: EventStatus }, organiser: boolean): boolean {
  return event.status !== 'draft' || canEdit(user, organiser);
}
