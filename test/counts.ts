// How many rows a table holds, for the tests that check what a write added or left alone.
import type { Database } from '../src/db/schema.ts';
import type { TestPlatform } from './harness.ts';

export async function rowCount(hub: TestPlatform, table: keyof Database): Promise<number> {
  const row = await hub.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
