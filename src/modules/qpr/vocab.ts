// The QPR module's code lists and limits: where a section stands, a report's state, the kinds of
// civil-society inputs and what became of them. Shown through the locale files (`qpr.status.<code>`…).

/** Where a section of the report stands. */
export const SECTION_STATUSES = ['todo', 'drafting', 'review', 'validated'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

/** A report is drafted, then submitted (read-only from then on). */
export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What civil society brings: a measure, an initiative of its own, or data. */
export const INPUT_KINDS = ['measure', 'initiative', 'data'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

/** A civil-society input, from its draft to the coordinator's decision. */
export const INPUT_STATUSES = ['draft', 'submitted', 'accepted', 'merged', 'declined'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];
export const DECISIONS = ['accepted', 'merged', 'declined'] as const;
export type Decision = (typeof DECISIONS)[number];

export const ANSWERS = ['yes', 'no'] as const;

export const LIMITS = {
  body: 50_000,
  evidence: 5_000,
  title: 500,
  description: 10_000,
  comment: 5_000,
  reason: 2_000,
  statistics: 30,
  documents: 30,
  statLabel: 300,
  statValue: 100,
  statSource: 500,
} as const;

/** A section due within this many days (and not validated) gets a reminder. */
export const REMIND_DAYS = 3;
