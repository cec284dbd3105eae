// Who may see and do what around an event's roster: the one place these rules live. Every page,
// export and API route asks here (after loadVisibleEvent: a draft is 404 for strangers anyway).
// "Organisers" are the hub's editors and the members of an organiser organisation (canEdit).
import type { User } from '../../../db/schema.ts';
import { canEdit } from '../permissions.ts';
import type { EventStatus } from '../vocab.ts';

interface EventFacts {
  status: EventStatus;
  ends_on: string;
}

/** The roster (with gender per person), its exports, check-in, the documents, photos and texts. */
export function canManageRoster(user: User | null, organiser: boolean): boolean {
  return canEdit(user, organiser);
}

/** canManageRoster for the actions' ensure(): the rule for an event `organiser` says of the actor. */
export const managesRoster = (organiser: boolean) => (user: User) => canManageRoster(user, organiser);

/**
 * The organisers change and remove only the rows they entered: a row made from an accepted
 * application is changed through the application.
 */
export function isEnteredByOrganisers(row: { registration_id: number | null }): boolean {
  return row.registration_id === null;
}

/**
 * The key figures and their export: the organisers at any time; everyone once the event is held —
 * the figures of an event still to come change every day, and would say who has applied so far.
 */
export function canSeeFigures(user: User | null, event: EventFacts, organiser: boolean): boolean {
  return canManageRoster(user, organiser) || event.status === 'held';
}

/**
 * A participant's own certificate: once the event is held, and — when the organisers used check-in
 * — only after being checked in on at least one day. Organisers print everyone's at any time.
 */
export function canSeeCertificate(
  user: User | null,
  event: EventFacts,
  organiser: boolean,
  participant: { user_id: number | null; daysPresent: number },
  checkinUsed: boolean,
): boolean {
  if (canManageRoster(user, organiser)) return true;
  if (!user || participant.user_id !== user.id || event.status !== 'held') return false;
  return !checkinUsed || participant.daysPresent > 0;
}

/** The networking page: the event's participants (observers too) and its organisers. */
export function canSeeNetworking(user: User | null, organiser: boolean, onRoster: boolean): boolean {
  return canManageRoster(user, organiser) || (!!user && onRoster);
}

/**
 * Feedback is asked of the people on the roster once the event's last day has come (or it is
 * marked held); never for a cancelled event. `today` is the date in the event's own zone.
 */
export function feedbackIsOpen(event: EventFacts, today: string): boolean {
  if (event.status === 'cancelled' || event.status === 'draft') return false;
  return event.status === 'held' || today >= event.ends_on;
}

export function canAnswerFeedback(user: User | null, onRoster: boolean, event: EventFacts, today: string) {
  return !!user && onRoster && feedbackIsOpen(event, today);
}

/** The summary of the answers: the organisers, and whoever sees the report when they chose so. */
export function canSeeFeedbackSummary(
  user: User | null,
  event: EventFacts,
  organiser: boolean,
  feedbackPublic: boolean,
): boolean {
  return canManageRoster(user, organiser) || (feedbackPublic && canSeeFigures(user, event, organiser));
}
