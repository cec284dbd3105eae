import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { USER_STATUSES } from './store.ts';

/** Filters of the user list. Invalid values are dropped, so an edited URL still shows a list. */
export const userFilterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

export const roleChangeSchema = z.object({ role: z.enum(ROLES, 'admin.unknownRole') });

export const auditFilterSchema = z.object({
  action: z.string().trim().max(100).optional().catch(undefined),
  actor: z.string().trim().max(100).optional().catch(undefined),
  subject_type: z.string().trim().max(50).optional().catch(undefined),
  subject_id: z.string().trim().max(100).optional().catch(undefined),
  before: z.coerce.number().int().min(1).optional().catch(undefined),
});
