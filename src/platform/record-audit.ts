// The audit entries of one kind of record, named once: `auditOf('post')` gives a function that
// writes `post.<what>` about a post, so an action says what it did to which record in one line
// (audit() in actions.ts adds the actor, address, request id and `via`).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type ActionContext, audit } from './actions.ts';

export type RecordAudit = (
  trx: Kysely<Database>,
  ctx: ActionContext,
  subjectId: number,
  what: string,
  details?: Record<string, unknown>,
) => Promise<void>;

/** Entries about records of `subjectType`, their actions named `<actionPrefix>.<what>`. */
export function auditOf(subjectType: string, actionPrefix = subjectType): RecordAudit {
  return (trx, ctx, subjectId, what, details) =>
    audit(trx, ctx, { action: `${actionPrefix}.${what}`, subjectType, subjectId, details });
}
