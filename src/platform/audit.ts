// The audit log: who did what to which record, when, and from where. Written in the transaction of
// the change it records (modules write it through audit() in platform/actions.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
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
