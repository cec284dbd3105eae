// Why a record is reported, and where a report stands. Shown through `moderation.reason.<code>`
// and `moderation.status.<code>`.

export const REPORT_REASONS = [
  'incorrect',
  'spam',
  'offensive',
  'impersonation',
  'privacy',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
