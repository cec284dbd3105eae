// The audit log: who did what to which record, when, and from where. Written in the transaction of
// the change it records.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { AppEnv } from './context.ts';
import { nowIso } from './time.ts';

export interface AuditEvent {
  action: string;
  actorId: number | null;
  subjectType?: string;
  subjectId?: string | number;
  details?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
}

export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId === undefined ? null : String(event.subjectId),
      details: event.details ? JSON.stringify(event.details) : null,
      ip: event.ip ?? null,
      request_id: event.requestId ?? null,
    })
    .execute();
}

/** The actor, address and request id of an audit event, taken from the request. */
export function auditOrigin(c: Context<AppEnv>): Pick<AuditEvent, 'actorId' | 'ip' | 'requestId'> {
  return { actorId: c.var.auth?.user.id ?? null, ip: c.var.clientIp, requestId: c.var.requestId };
}
