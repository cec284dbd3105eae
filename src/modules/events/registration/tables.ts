// The tables of taking part in an event: its registration settings, participant categories, the
// registrations/applications and the roster of participants; and the tables of applications: who
// is invited, who reviews, the rubric and the reviewers' scores. The application form and its
// answers are a questionnaire of the platform (platform/questionnaires, owner "event_application"
// and the event's id; a registration's response has the registration's id). Check-ins have a table
// of their own (participants/tables.ts).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/schema.ts';
import type { Gender, OrganisationKind } from '../../../platform/vocabularies.ts';
import type { ParticipantRole, RegistrationMode, RegistrationStatus } from './vocab.ts';

/** One row per event that takes registrations; an event without a row takes none. */
export interface EventRegistrationTable {
  event_id: number;
  mode: RegistrationMode;
  /** Accepted participants at most (observers not counted); null: no limit. */
  capacity: number | null;
  /** 1: past the capacity, people go on a waiting list; 0: registration closes when full. */
  waiting_list: number;
  /** The last moment applications are taken (UTC); null: until the event starts. */
  deadline: Timestamp | null;
  /** The stated selection criteria (Markdown), shown on the form and to reviewers. */
  criteria: string;
  updated_at: Timestamp;
}

/** A participant category ("Creative industry representatives", "Government officials"…). */
export interface EventCategoriesTable {
  id: Generated<number>;
  event_id: number;
  position: number;
  label: string;
}

/** How a person appears on a registration and on the roster (copied from the one to the other). */
interface PersonColumns {
  /** How they want to appear on the roster and certificate. */
  name: string;
  organisation_name: string | null;
  /** Their organisation in the directory, when they chose one. */
  organisation_id: number | null;
  organisation_kind: OrganisationKind | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  category_id: number | null;
  gender: Gender | null;
  /** 1: other participants may see this person's public profile (networking). */
  networking_consent: number;
}

/** A registration (open mode) or an application (selection); one per account and event. */
export interface EventRegistrationsTable extends PersonColumns {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  status: RegistrationStatus;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * The roster: accepted registrations (registration_id set, kept in step with the decision) and
 * people added by the organisers (walk-ins, the published rosters of past events).
 */
export interface EventParticipantsTable extends PersonColumns {
  id: Generated<number>;
  event_id: number;
  registration_id: number | null;
  user_id: number | null;
  /** A profile of the directory's people, when this participant has one. */
  person_id: number | null;
  role: ParticipantRole;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An address invited to an invitation-only event; only accounts with it may apply. */
export interface EventInvitationsTable {
  event_id: number;
  /** Lower case, as accounts store it. */
  email: string;
  invited_by: number | null;
  created_at: Timestamp;
}

/** An account the organisers asked to review the applications (organisers review anyway). */
export interface EventReviewersTable {
  event_id: number;
  user_id: number;
  added_by: number | null;
  created_at: Timestamp;
}

/** A criterion of the rubric reviewers score applications on, from 0 to max_score. */
export interface EventRubricCriteriaTable {
  id: Generated<number>;
  event_id: number;
  position: number;
  label: string;
  max_score: number;
}

/** One reviewer's review of one application: a note and a score per criterion. */
export interface EventReviewsTable {
  id: Generated<number>;
  registration_id: number;
  reviewer_id: number;
  note: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventReviewScoresTable {
  review_id: number;
  criterion_id: number;
  score: number;
}

declare module '../../../db/schema.ts' {
  interface Database {
    event_registration: EventRegistrationTable;
    event_categories: EventCategoriesTable;
    event_registrations: EventRegistrationsTable;
    event_participants: EventParticipantsTable;
    event_invitations: EventInvitationsTable;
    event_reviewers: EventReviewersTable;
    event_rubric_criteria: EventRubricCriteriaTable;
    event_reviews: EventReviewsTable;
    event_review_scores: EventReviewScoresTable;
  }
}
