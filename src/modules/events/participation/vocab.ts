// The vocabularies of taking part in an event: how people get in (registration modes), where a
// registration or application stands, and how a participant is counted. Stored as these codes and
// shown through the locale files (`events.mode.<code>`, `events.registrationStatus.<code>`, …).

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
 * application has (name, organisation, kind, country, category, gender, networking consent).
 */
export const FORM_FIELD_KINDS = [
  'text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'number',
  'date',
  'file',
] as const;
export type FormFieldKind = (typeof FORM_FIELD_KINDS)[number];
