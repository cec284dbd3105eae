// The tables of applications beside the shared ones (tables.ts): the organiser's form, who is
// invited, who reviews, the rubric and the reviewers' scores. Answers themselves stay in
// event_registrations.answers, keyed by the ids of the fields below.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/schema.ts';
import type { FormFieldKind } from './vocab.ts';

/** A question of an event's application form, in `position` order. */
export interface EventFormFieldsTable {
  id: Generated<number>;
  event_id: number;
  position: number;
  kind: FormFieldKind;
  label: string;
  /** Shown under the label. */
  help: string;
  required: number;
  /** JSON array of the offered choices (single and multiple choice); '[]' for other kinds. */
  options: string;
  /**
   * 1: no longer asked. A field that has answers is hidden rather than deleted, so the answers
   * already given stay readable to the reviewers.
   */
  hidden: number;
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
    event_form_fields: EventFormFieldsTable;
    event_invitations: EventInvitationsTable;
    event_reviewers: EventReviewersTable;
    event_rubric_criteria: EventRubricCriteriaTable;
    event_reviews: EventReviewsTable;
    event_review_scores: EventReviewScoresTable;
  }
}
