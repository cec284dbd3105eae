// What the library tells members, through the whole app on SQLite or PostgreSQL: a document that
// becomes public is announced once to the followers of its countries and domains (not to others,
// not to the editor who published it), and the list filtered by one country or one domain offers
// to follow it.
import { describe, expect, it } from 'vitest';
import { followButtonOf, notificationsOf, notifiedUsers } from '../../../test/notified.ts';
import { follow } from '../../platform/notifications/follows.ts';
import { createDocument, libraryHub } from './test-helpers.ts';

const { hub, editor } = await libraryHub();
const { db } = hub.deps;
const KIND = 'library.document-added';

const followerOf = async (type: 'country' | 'domain', key: string) => {
  const signed = await hub.signedIn();
  await follow(db, signed.user.id, { type, key });
  return signed;
};
const idOf = async (slug: string) =>
  (await db.selectFrom('documents').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const post = async (slug: string, action: 'publish' | 'unpublish') => {
  await editor.client.get(`/library/${slug}`);
  const res = await editor.client.request(`/library/${slug}/${action}`, { form: {} });
  expect(res.status).toBe(303);
};

describe('a document made public', () => {
  it('is announced once to the followers of its countries and domains, not to the publisher', async () => {
    const laos = await followerOf('country', 'LA');
    const heritage = await followerOf('domain', 'heritage');
    const both = await followerOf('country', 'LA');
    await follow(db, both.user.id, { type: 'domain', key: 'heritage' });
    const vietnam = await followerOf('country', 'VN');
    await follow(db, editor.user.id, { type: 'country', key: 'LA' });

    const slug = await createDocument(editor.client, {
      title: 'Decree on handicrafts',
      places: 'LA',
      published: '',
    });
    const id = await idOf(slug);
    expect(await notifiedUsers(db, KIND, id)).toEqual([]);

    await post(slug, 'publish');
    const told = [laos.user.id, heritage.user.id, both.user.id].sort((a, b) => a - b);
    expect(await notifiedUsers(db, KIND, id)).toEqual(told);
    expect((await notificationsOf(db, laos.user.id, KIND))[0]).toMatchObject({
      subject_type: 'document',
      url: `/library/${slug}`,
      params: { title: 'Decree on handicrafts' },
      actor_id: editor.user.id,
      delivery: 'daily',
    });
    expect(await notificationsOf(db, vietnam.user.id)).toEqual([]);

    await post(slug, 'unpublish');
    await post(slug, 'publish');
    expect(await notifiedUsers(db, KIND, id)).toEqual(told);
  });

  it('is announced when added published; a region is no country', async () => {
    const laos = await followerOf('country', 'LA');
    const heritage = await followerOf('domain', 'heritage');
    const slug = await createDocument(editor.client, { title: 'Mekong heritage study' });
    const told = await notifiedUsers(db, KIND, await idOf(slug));
    expect(told).toContain(heritage.user.id);
    expect(told).not.toContain(laos.user.id);
    expect(await notificationsOf(db, laos.user.id)).toEqual([]);
  });
});

describe('following from the list', () => {
  it('offers a country or a domain when the list is filtered by that alone', async () => {
    expect(followButtonOf((await hub.client().get('/library?country=LA')).text)).toBe('signIn');
    const { client, user } = await hub.signedIn();
    expect(followButtonOf((await client.get('/library?country=LA&sort=title')).text)).toEqual({
      type: 'country',
      key: 'LA',
      action: 'follow',
    });
    await follow(db, user.id, { type: 'domain', key: 'heritage' });
    expect(followButtonOf((await client.get('/library?domain=heritage')).text)).toEqual({
      type: 'domain',
      key: 'heritage',
      action: 'unfollow',
    });
    for (const query of ['', '?country=LA&kind=law', '?country=LA&domain=heritage', '?country=mekong'])
      expect(followButtonOf((await client.get(`/library${query}`)).text), query).toBeNull();
  });
});
