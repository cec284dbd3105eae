// The QPR module's tables, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';

/** A country's report for a cycle. */
export interface QprReportsTable {
  id: Generated<number>;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** `2024-2027` (structure.ts). */
  cycle: string;
  /** The structure it is drafted in (REPORT_STRUCTURES' key). */
  structure: string;
  /** draft | submitted. */
  status: string;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  /** 0/1: shown on the country's page (only once submitted). */
  published: number;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One section of a report, as it is now. */
export interface QprSectionsTable {
  id: Generated<number>;
  report_id: number;
  code: string;
  /** todo | drafting | review | validated. */
  status: string;
  assignee_id: number | null;
  /** YYYY-MM-DD. */
  due_on: string | null;
  /** Markdown. */
  body: string;
  /** BCP 47 language of the body. */
  lang: string;
  /** JSON: { answers: {q: {answer, evidence}}, statistics: [{label, value, year, source}], documents: [slug] }. */
  content: string;
  /** The number of the latest version (0: never written). */
  version: number;
  /** The due date a reminder was sent for (not twice for the same date). */
  reminded_for: string | null;
  updated_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Every saved state of a section: its history. */
export interface QprSectionVersionsTable {
  id: Generated<number>;
  section_id: number;
  version: number;
  body: string;
  lang: string;
  content: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface QprCommentsTable {
  id: Generated<number>;
  section_id: number;
  author_id: number | null;
  body: string;
  created_at: Timestamp;
}

/** What a member of a civil-society organisation brings to the report. */
export interface QprInputsTable {
  id: Generated<number>;
  report_id: number;
  organisation_id: number;
  user_id: number | null;
  /** measure | initiative | data. */
  kind: string;
  title: string;
  lang: string;
  description: string;
  /** The area of monitoring it is about, if said. */
  area: string | null;
  /** draft | submitted | accepted | merged | declined. */
  status: string;
  reason: string;
  /** The measure it became or was merged into. */
  measure_id: number | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A consultation round: a section's text as it was, opened for comments until a closing date. */
export interface QprRoundsTable {
  id: Generated<number>;
  section_id: number;
  /** The section's version the text was taken from. */
  version: number;
  body: string;
  lang: string;
  /** everyone (every signed-in member) | group (the members of group_id). */
  audience: string;
  group_id: number | null;
  /** YYYY-MM-DD: open until the end of that day (UTC); the job closes it. */
  closes_on: string;
  /** open | closed. */
  status: string;
  created_by: number | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
}

/** A comment in a round, anchored to a paragraph of its text. */
export interface QprRoundCommentsTable {
  id: Generated<number>;
  round_id: number;
  /** The paragraph's index (0 for the first). */
  paragraph: number;
  author_id: number | null;
  /** The organisation the author speaks for, if any (the summary's kind of organisation). */
  organisation_id: number | null;
  /** woman | man | another | null (not stated). */
  gender: string | null;
  body: string;
  created_at: Timestamp;
}

declare module '../../db/schema.ts' {
  interface Database {
    qpr_reports: QprReportsTable;
    qpr_sections: QprSectionsTable;
    qpr_section_versions: QprSectionVersionsTable;
    qpr_comments: QprCommentsTable;
    qpr_inputs: QprInputsTable;
    qpr_rounds: QprRoundsTable;
    qpr_round_comments: QprRoundCommentsTable;
  }
}
