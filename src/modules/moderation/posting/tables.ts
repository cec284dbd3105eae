// Suspensions of members, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/schema.ts';

/**
 * A member kept from posting until `until`. Rows are kept after they end (the history a moderator
 * reads before deciding again); a suspension lifted early has `lifted_at`.
 */
export interface MemberSuspensionsTable {
  id: Generated<number>;
  user_id: number;
  until: Timestamp;
  /** Shown to the member when a post is refused, and to the other moderators. */
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
  lifted_at: Timestamp | null;
  lifted_by: number | null;
}

declare module '../../../db/schema.ts' {
  interface Database {
    member_suspensions: MemberSuspensionsTable;
  }
}
