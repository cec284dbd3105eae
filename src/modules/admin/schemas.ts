// The filters of the account list and the audit log (invalid values are dropped, so an edited URL
// still shows a list), and the one role field of the page's form and the API's body.
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { choice } from '../../platform/http/fields.ts';
import { USER_STATUSES } from './vocab.ts';

const search = (max: number) => z.string().trim().max(max).optional().catch(undefined);

export const userFilterSchema = z.object({
  q: search(100),
  role: z.enum(ROLES).optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

export const auditFilterSchema = z.object({
  action: search(100),
  actor: search(100),
  subject_type: search(50),
  subject_id: search(100),
  /** Entries older than this id (the "older" link); not a filter of the selection. */
  before: z.coerce.number().int().min(1).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const roleChangeSchema = z.object({ role: choice(ROLES, 'admin.unknownRole') });

/** PATCH /api/v1/users/{id}: a new role, disabled or enabled, or both. */
export const userUpdateSchema = z
  .object({ role: roleChangeSchema.shape.role, disabled: z.boolean('form.invalid') })
  .partial();
