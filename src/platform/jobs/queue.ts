// Queuing a one-off job: inside the transaction of the change that causes it (as enqueueMail), so a
// rolled-back change queues nothing and a committed one is never forgotten.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export const DEFAULT_MAX_ATTEMPTS = 5;

export interface EnqueueOptions {
  /** When it becomes due (default: now). */
  runAt?: Date;
  /**
   * At most one job with this key exists at a time (a reminder per event and day, say): queuing it
   * again while it waits or has failed does nothing. Free again once the job has run.
   */
  uniqueKey?: string;
  maxAttempts?: number;
}

/**
 * Queues a job of the kind `name` (a JobKind some module or the platform declares) with `payload`
 * (JSON). Pass the transaction of the change that causes it. Returns false when `uniqueKey` was
 * already queued.
 */
export async function enqueueJob(
  db: Kysely<Database>,
  name: string,
  payload: Record<string, unknown> = {},
  options: EnqueueOptions = {},
): Promise<boolean> {
  const now = new Date();
  const result = await db
    .insertInto('jobs')
    .values({
      name,
      payload: JSON.stringify(payload),
      unique_key: options.uniqueKey ?? null,
      run_at: (options.runAt ?? now).toISOString(),
      max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
