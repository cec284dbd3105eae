// The codes and limits of taking part in an event: how people get in (registration modes), where
// a registration or application stands, how a participant is counted, the kinds of question on an
// application form, what a reviewer decides, and the limits of forms and lists. Stored as these
// codes and shown through the locale files (`events.mode.<code>`, …).
import { QUESTION_KINDS, type QuestionKind } from '../../../platform/questionnaires/vocab.ts';

/**
 * `open`: whoever registers is in (or on the waiting list once the capacity is reached);
 * `application`: people apply and reviewers select; `invitation`: only invited addresses may apply.
 */
export const REGISTRATION_MODES = ['open', 'application', 'invitation'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/**
 * A registration (open events) or application (selection) goes draft → submitted → accepted,
 * waitlisted or declined; the applicant may withdraw it at any point before the event.
 */
export const REGISTRATION_STATUSES = [
  'draft',
  'submitted',
  'accepted',
  'waitlisted',
  'declined',
  'withdrawn',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Observers are on the roster but counted apart from the participants in the key figures. */
export const PARTICIPANT_ROLES = ['participant', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * The kinds of question an organiser puts on an application form, beside the standard fields every
 * application has (name, organisation, kind, country, category, gender, networking consent): every
 * kind of the platform's questionnaires but a rating (the reviewers' scores are the rubric's).
 */
export const FORM_FIELD_KINDS = QUESTION_KINDS.filter((k) => k !== 'rating') as [
  QuestionKind,
  ...QuestionKind[],
];

/** What a reviewer decides; each is also a registration status. */
export const DECISIONS = [
  'accepted',
  'waitlisted',
  'declined',
] as const satisfies readonly RegistrationStatus[];
export type Decision = (typeof DECISIONS)[number];

/** Statuses in which the applicant still edits the form (a withdrawn application may be sent again). */
export const EDITABLE_STATUSES: ReadonlySet<RegistrationStatus> = new Set(['draft', 'withdrawn']);

/** Statuses the applicant may withdraw from, until the event starts. */
export const WITHDRAWABLE_STATUSES: ReadonlySet<RegistrationStatus> = new Set([
  'submitted',
  'accepted',
  'waitlisted',
]);

export const MAX_FORM_FIELDS = 40;
export const MAX_CATEGORIES = 20;
export const MAX_INVITATIONS = 2000;
export const MAX_CRITERIA = 12;
export const MAX_SCORE = 100;

export const APPLICATIONS_PAGE_SIZE = 25;
