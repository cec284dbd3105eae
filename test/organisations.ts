// A member of an organisation of the directory, for integration tests of what its members may do
// (an event's organisers are the members of its organiser organisations): written straight to the
// database, as hub.signedIn() writes the session.
import type { TestPlatform } from './harness.ts';

export async function joinOrganisation(
  hub: TestPlatform,
  userId: number,
  slug: string,
  role: 'owner' | 'editor' = 'editor',
): Promise<void> {
  const org = await hub.deps.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await hub.deps.db
    .insertInto('organisation_members')
    .values({ organisation_id: org.id, user_id: userId, role, created_at: new Date().toISOString() })
    .execute();
}
