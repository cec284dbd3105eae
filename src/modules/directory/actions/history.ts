// An organisation's history (shown on the profile to its editors): one entry per change, written by
// every action that changes the organisation, its members, its logo or its parent link.
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';

type Db = Kysely<Database>;

/** What a change did to each field: { field: { from, to } } (the history shows it). */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/** Writes one entry of the organisation's history (shown on the profile to its editors). */
export async function recordHistory(
  db: Db,
  organisationId: number,
  actorId: number | null,
  changes: Changes,
): Promise<void> {
  await db
    .insertInto('organisation_history')
    .values({
      organisation_id: organisationId,
      actor_id: actorId,
      at: nowIso(),
      changes: JSON.stringify(changes),
    })
    .execute();
}
