// The tables every part of taking part in an event shares: the event's registration settings, its
// participant categories, the registrations/applications, and the roster of participants. The
// application form, reviews, check-ins and feedback have tables of their own beside these.
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

/** A registration (open mode) or an application (selection); one per account and event. */
export interface EventRegistrationsTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  status: RegistrationStatus;
  /** How the applicant wants to appear on the roster and certificate. */
  name: string;
  organisation_name: string | null;
  /** The applicant's organisation in the directory, when they chose one. */
  organisation_id: number | null;
  organisation_kind: OrganisationKind | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  category_id: number | null;
  gender: Gender | null;
  /** 1: other participants may see this person's public profile (networking). */
  networking_consent: number;
  /** The answers to the event's own form, as JSON: { "<field id>": value }. */
  answers: string;
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
export interface EventParticipantsTable {
  id: Generated<number>;
  event_id: number;
  registration_id: number | null;
  user_id: number | null;
  /** A profile of the directory's people, when this participant has one. */
  person_id: number | null;
  name: string;
  organisation_name: string | null;
  organisation_id: number | null;
  organisation_kind: OrganisationKind | null;
  country: string | null;
  category_id: number | null;
  gender: Gender | null;
  role: ParticipantRole;
  networking_consent: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

declare module '../../../db/schema.ts' {
  interface Database {
    event_registration: EventRegistrationTable;
    event_categories: EventCategoriesTable;
    event_registrations: EventRegistrationsTable;
    event_participants: EventParticipantsTable;
  }
}
