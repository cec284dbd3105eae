// Organisations of the directory for integration tests of what their members may do (an event's
// organisers are the members of its organiser organisations, a post may be an organisation's):
// their ids, and members written straight to the database, as hub.signedIn() writes the session.
import type { TestPlatform } from './harness.ts';
import { idOfSlug } from './records.ts';

export const organisationId = (hub: TestPlatform, slug: string) => idOfSlug(hub, 'organisations', slug);

export async function joinOrganisation(
  hub: TestPlatform,
  userId: number,
  slug: string,
  role: 'owner' | 'editor' = 'editor',
): Promise<void> {
  await hub.deps.db
    .insertInto('organisation_members')
    .values({
      organisation_id: await organisationId(hub, slug),
      user_id: userId,
      role,
      created_at: new Date().toISOString(),
    })
    .execute();
}
