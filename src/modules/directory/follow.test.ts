// Following an organisation: the button on its page (and its state), and the followable that names
// it only for those who may see it.
import { describe, expect, it } from 'vitest';
import { platformForFile } from '../../../test/harness.ts';
import { findFollowed, followButtonOf } from '../../../test/notified.ts';
import { follow } from '../../platform/notifications/follows.ts';
import { createOrganisation } from './test-fixtures.ts';

const hub = await platformForFile();
const { db } = hub.deps;
const { client: owner } = await hub.signedIn();
const slug = await createOrganisation(owner, { name: 'Followed Weavers of Sekong' });
const org = await db
  .selectFrom('organisations')
  .select(['id', 'status'])
  .where('slug', '=', slug)
  .executeTakeFirstOrThrow();
const key = String(org.id);

describe('following an organisation', () => {
  it('offers the button on its page, in the reader’s state', async () => {
    expect(followButtonOf((await hub.client().get(`/directory/${slug}`)).text)).toBe('signIn');
    const { client, user } = await hub.signedIn();
    expect(followButtonOf((await client.get(`/directory/${slug}`)).text)).toEqual({
      type: 'organisation',
      key,
      action: 'follow',
    });
    await follow(db, user.id, { type: 'organisation', key });
    expect(followButtonOf((await client.get(`/directory/${slug}`)).text)).toMatchObject({
      action: 'unfollow',
    });
  });

  it('is found by its id as the follower may see it', async () => {
    const { user: stranger } = await hub.signedIn();
    const { user: editor } = await hub.signedIn('editor');
    expect(await findFollowed(hub.deps, 'organisation', key, null)).toEqual({
      title: 'Followed Weavers of Sekong',
      url: `/directory/${slug}`,
    });
    expect(await findFollowed(hub.deps, 'organisation', '999999', stranger.id)).toBeNull();
    expect(await findFollowed(hub.deps, 'organisation', 'x1', stranger.id)).toBeNull();

    await db.updateTable('organisations').set({ status: 'hidden' }).where('id', '=', org.id).execute();
    try {
      expect(await findFollowed(hub.deps, 'organisation', key, stranger.id)).toBeNull();
      expect(await findFollowed(hub.deps, 'organisation', key, editor.id)).not.toBeNull();
      // A hidden organisation's page (seen by its people) offers no following.
      expect(followButtonOf((await owner.get(`/directory/${slug}`)).text)).toBeNull();
    } finally {
      await db.updateTable('organisations').set({ status: org.status }).where('id', '=', org.id).execute();
    }
  });
});
