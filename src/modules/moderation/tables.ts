// The reports table, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { ReportReason, ReportStatus } from './vocab.ts';

export interface ReportsTable {
  id: Generated<number>;
  /** A Reportable's type, e.g. `organisation`. */
  target_type: string;
  /** The record's slug: stable across edits, and the report outlives a deleted record. */
  target_key: string;
  /** The record's title when reported, shown if the record is gone since. */
  target_title: string;
  reporter_id: number | null;
  reason: ReportReason;
  message: string;
  status: ReportStatus;
  created_at: Timestamp;
  handled_by: number | null;
  handled_at: Timestamp | null;
  /** What the moderator did, for the reporter and the next moderator. */
  note: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    reports: ReportsTable;
  }
}
