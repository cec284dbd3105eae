// Following a person: the button on their profile (never on one's own, nor on a draft), and the
// followable that names a profile only for those who may see it.
import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import { findFollowed, followButtonOf } from '../../../test/notified.ts';
import { follow } from '../../platform/notifications/follows.ts';
import { createProfile, profileForm } from './test-helpers.ts';

const hub = await platformForFile();
const { db } = hub.deps;
const { client: owner, user: ownerUser } = await hub.signedIn();
const path = await createProfile(owner, profileForm({ name: 'Followed Sophea' }));
const person = await db
  .selectFrom('people')
  .select(['id', 'slug'])
  .where('user_id', '=', ownerUser.id)
  .executeTakeFirstOrThrow();
const key = String(person.id);

describe('following a person', () => {
  it('offers the button on their profile, in the reader’s state, but not on one’s own', async () => {
    expect(path).toBe(`/directory/people/${person.slug}`);
    expect(followButtonOf((await hub.client().get(path)).text)).toBe('signIn');
    const { client, user } = await hub.signedIn();
    expect(followButtonOf((await client.get(path)).text)).toEqual({ type: 'person', key, action: 'follow' });
    await follow(db, user.id, { type: 'person', key });
    expect(followButtonOf((await client.get(path)).text)).toMatchObject({ action: 'unfollow' });
    expect(followButtonOf((await owner.get(path)).text)).toBeNull();
  });

  it('is found by its id as the follower may see it; a draft by its owner and the editors only', async () => {
    const { user: stranger } = await hub.signedIn();
    const { user: editor } = await hub.signedIn('editor');
    expect(await findFollowed(hub.deps, 'person', key, null)).toEqual({
      title: 'Followed Sophea',
      url: path,
    });
    expect(await findFollowed(hub.deps, 'person', '0', stranger.id)).toBeNull();

    const { client: drafter, user: drafterUser } = await hub.signedIn();
    const draftPath = await createProfile(drafter, profileForm({ name: 'Drafty Person', status: 'draft' }));
    const draft = await db
      .selectFrom('people')
      .select('id')
      .where('user_id', '=', drafterUser.id)
      .executeTakeFirstOrThrow();
    expect(await findFollowed(hub.deps, 'person', String(draft.id), stranger.id)).toBeNull();
    expect(await findFollowed(hub.deps, 'person', String(draft.id), null)).toBeNull();
    expect(await findFollowed(hub.deps, 'person', String(draft.id), editor.id)).toMatchObject({
      url: draftPath,
    });
    const editorClient = await hub.signInAs(editor);
    expect(followButtonOf((await editorClient.get(draftPath)).text)).toBeNull();
  });
});
