// Records read back as the tables hold them, for the integration tests that check what a page or an
// API call wrote: an account by its id, and any record with a slug by it.
import type { TestPlatform } from './harness.ts';

/** The account as the users table holds it (the test fails when there is none). */
export const accountRow = (hub: TestPlatform, userId: number) =>
  hub.deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();

/** The id of the record of `table` with this slug (the test fails when there is none). */
export async function idOfSlug(
  hub: TestPlatform,
  table: 'organisations' | 'events' | 'people' | 'documents' | 'posts',
  slug: string,
): Promise<number> {
  const row = await hub.deps.db
    .selectFrom(table)
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}
