// What the suspension form accepts (page and API).
import { z } from 'zod';
import { integer, requiredText } from '../../../platform/http/fields.ts';

export const suspensionSchema = z.object({
  /** Whole days from now; a year at most (longer is a decision to disable the account). */
  days: integer({ min: 1, max: 365 }, 'moderation.badDays'),
  /** Told to the member and kept for the next moderator. */
  reason: requiredText(1000, 'moderation.reasonRequired'),
});
export type SuspensionInput = z.infer<typeof suspensionSchema>;
