// The filters of the account list and the audit log (invalid values are dropped, so an edited URL
// still shows a list), and the one role field of the page's form and the API's body.
import { z } from 'zod';
import { ROLES } from '../../db/schema.ts';
import { choice } from '../../platform/http/fields.ts';
import { choiceFilter, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { USER_STATUSES } from './vocab.ts';

const search = (max: number) => optionalFilter(z.string().trim().max(max));

export const userFilterSchema = z.object({
  q: search(100),
  role: choiceFilter(ROLES),
  status: choiceFilter(USER_STATUSES),
  page: pageFilter(100_000),
});
export type UserFilter = z.infer<typeof userFilterSchema>;

export const auditFilterSchema = z.object({
  action: search(100),
  actor: search(100),
  subject_type: search(50),
  subject_id: search(100),
  /** Entries older than this id (the "older" link); not a filter of the selection. */
  before: optionalFilter(z.coerce.number().int().min(1)),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const roleChangeSchema = z.object({ role: choice(ROLES, 'admin.unknownRole') });

/** PATCH /api/v1/users/{id}: a new role, disabled or enabled, or both. */
export const userUpdateSchema = z
  .object({ role: roleChangeSchema.shape.role, disabled: z.boolean('form.invalid') })
  .partial();
