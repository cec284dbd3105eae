// Who may do what with registrations and applications: the one place these rules live (the
// events' own rules are in ../permissions.ts, and organisers are who may edit the event there).
import type { User } from '../../../db/schema.ts';
import { localToUtc } from '../../../platform/time.ts';
import type { EventRow } from '../access.ts';
import { canEdit } from '../permissions.ts';
import type { RegistrationMode, RegistrationStatus } from './vocab.ts';
import { WITHDRAWABLE_STATUSES } from './vocab.ts';

/** What the rules read of an event's registration settings. */
interface Settings {
  mode: RegistrationMode;
  deadline: string | null;
}

/** The organisers (the hub's editors, members of an organising organisation) set registration up. */
export function canManage(user: User | null, organiser: boolean): boolean {
  return canEdit(user, organiser);
}

/** Organisers review applications, and so do the accounts they add as the event's reviewers. */
export function canReview(user: User | null, organiser: boolean, reviewer: boolean): boolean {
  return canManage(user, organiser) || (!!user && reviewer);
}

/** Nobody scores or decides their own application, organisers included. */
export function canJudge(user: User, application: { user_id: number }): boolean {
  return application.user_id !== user.id;
}

/** An application and its files are seen by the applicant and by the event's reviewers. */
export function canSeeApplication(user: User | null, application: { user_id: number }, mayReview: boolean) {
  return !!user && (application.user_id === user.id || mayReview);
}

/** The first moment of the event in its own zone. */
export function eventStart(event: Pick<EventRow, 'starts_on' | 'start_time' | 'time_zone'>): Date {
  return localToUtc(event.starts_on, event.start_time ?? '00:00', event.time_zone);
}

/** When applications stop: the deadline, or the start of the event when there is none. */
export function closesAt(event: EventRow, settings: Pick<Settings, 'deadline'>): Date {
  return settings.deadline ? new Date(settings.deadline) : eventStart(event);
}

export type ApplyRefusal = 'noRegistration' | 'notOpen' | 'deadlinePassed' | 'notInvited';

/**
 * Why the account may not apply (or save a draft) now, or null when it may: the event must take
 * registrations, be in its `registration_open` status, before the deadline, and — invitation only —
 * the account's address must be invited.
 */
export function applyRefusal(
  event: EventRow,
  settings: Settings | undefined,
  context: { now: Date; invited: boolean },
): ApplyRefusal | null {
  if (!settings) return 'noRegistration';
  if (event.status !== 'registration_open') return 'notOpen';
  if (context.now.getTime() >= closesAt(event, settings).getTime()) return 'deadlinePassed';
  if (settings.mode === 'invitation' && !context.invited) return 'notInvited';
  return null;
}

/** An applicant withdraws what they sent (or what was decided) until the event starts. */
export function canWithdraw(event: EventRow, status: RegistrationStatus, now: Date): boolean {
  return WITHDRAWABLE_STATUSES.has(status) && now.getTime() < eventStart(event).getTime();
}
