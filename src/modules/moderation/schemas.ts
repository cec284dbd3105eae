// What the report form and the moderator's decision accept, built from the platform's fields.
// Error messages are message keys.
import { z } from 'zod';
import { choice, line, optionalText } from '../../platform/http/fields.ts';
import { REPORT_REASONS } from './vocab.ts';

export const reportInputSchema = z.object({
  /** A Reportable's type, e.g. `organisation`, and the record's key (its slug or number). */
  type: line(30),
  key: line(200),
  reason: choice(REPORT_REASONS, 'moderation.chooseReason'),
  /** What should change, and how the reporter knows; none when left empty. */
  message: optionalText(2000),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const DECISIONS = ['resolved', 'dismissed'] as const;

export const decisionSchema = z.object({
  status: choice(DECISIONS, 'moderation.badDecision'),
  /** What the moderator did, for the reporter and the next moderator. */
  note: optionalText(1000),
});
export type Decision = z.infer<typeof decisionSchema>;
