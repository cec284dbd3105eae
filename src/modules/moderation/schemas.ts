// What the report form and the moderator's decision accept. Error messages are message keys.
import { z } from 'zod';
import { REPORT_REASONS } from './vocab.ts';

export const reportInputSchema = z.object({
  type: z.string().trim().min(1).max(30),
  key: z.string().trim().min(1).max(200),
  reason: z.enum(REPORT_REASONS, 'moderation.chooseReason'),
  message: z.string().trim().max(2000, 'form.tooLong').default(''),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

export const decisionSchema = z.object({
  status: z.enum(['resolved', 'dismissed']),
  note: z.string().trim().max(1000, 'form.tooLong').default(''),
});
