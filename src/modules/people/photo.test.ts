// People's photos through the whole app, on SQLite or PostgreSQL: real images made with sharp are
// accepted, resized and served as WebP without their metadata; anything else is refused with
// nothing saved; only those who may edit the profile change its photo, and only those who may see
// the profile see its photo.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { platformForFile, type TestClient, type Upload, visibleText } from '../../../test/harness.ts';
import {
  expectImageRefusals,
  expectJpegReplaces,
  expectServedImage,
  oversized,
  picture,
} from '../../../test/images.ts';
import { createProfile, profileForm } from './test-helpers.ts';

const hub = await platformForFile();
const createPhotoProfile = async (client: TestClient, form: Record<string, string>) =>
  (await createProfile(client, profileForm({ skills: 'ikat', ...form }))).replace('/directory/people/', '');

const { client: ownerClient } = await hub.signedIn();
const { client: editorClient } = await hub.signedIn('editor');
/** Gets a photo in the first tests. */
const slug = await createPhotoProfile(ownerClient, {});
/** Made by an editor; only ever receives refused uploads, so it must end up without a photo. */
const refusedSlug = await createPhotoProfile(editorClient, { owner: 'none', name: 'Chan Dara' });

/** Posts a multipart form with the photo, with the CSRF token of the client's last page. */
const sendPhoto = (client: TestClient, path: string, file: Upload) =>
  client.request(path, { multipart: { fields: {}, files: [file] } });

/** Uploads as a browser would: load the edit page (for the CSRF token), then post the file. */
async function upload(client: TestClient, personSlug: string, bytes: Uint8Array, name: string, type: string) {
  await client.get(`/directory/people/${personSlug}/edit`);
  return sendPhoto(client, `/directory/people/${personSlug}/photo`, {
    field: 'photo',
    name,
    type,
    bytes,
  });
}

async function photoRow(personSlug: string) {
  return hub.deps.db
    .selectFrom('person_photos')
    .innerJoin('people', 'people.id', 'person_photos.person_id')
    .select(['person_photos.updated_at', 'person_photos.full_width'])
    .where('people.slug', '=', personSlug)
    .executeTakeFirst();
}

describe('accepted photos', () => {
  it('takes a PNG, serves it as WebP at most 256 px with a thumbnail, and shows it on the profile', async () => {
    const png = await picture(800, 400).png().toBuffer();
    const res = await upload(ownerClient, slug, png, 'me.png', 'image/png');
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    expect(res.location).toBe(`/directory/people/${slug}/edit`);

    const profile = await hub.client().get(`/directory/people/${slug}`);
    // A photo is content: its alt is the person's name.
    const src = profile.text.match(
      /<img src="(\/directory\/people\/[^"]+\/photo\.webp\?v=[^"]+)" alt="Keo Sophea" width="160" height="80"/,
    )?.[1];
    expect(src).toBeDefined();
    expect(profile.text).toContain(`"image":"http://hub.test${src}"`);

    await expectServedImage(
      hub.app,
      { versioned: src ?? '', plain: `/directory/people/${slug}/photo` },
      { full: [256, 128], thumb: [96, 48] },
    );

    expect(await auditEntries(hub, { action: 'person.photo_updated' })).toHaveLength(1);
  });

  it('takes a JPEG, drops its EXIF, and never enlarges a small image', async () => {
    await expectJpegReplaces(
      hub.app,
      (bytes, name, type) => upload(ownerClient, slug, bytes, name, type),
      async () => (await photoRow(slug))?.updated_at,
      `/directory/people/${slug}/photo.webp`,
    );
  });

  it('shows the thumbnail on the people cards, lazy and sized', async () => {
    const list = await hub.client().get('/directory/people');
    expect(list.text).toMatch(
      new RegExp(
        `<img src="/directory/people/${slug}/photo\\.webp\\?v=[^"&]+&amp;size=thumb" alt="" width="48" height="36" loading="lazy"`,
      ),
    );
  });

  it('shows the upload form on the edit page only', async () => {
    const edit = await ownerClient.get(`/directory/people/${slug}/edit`);
    expect(edit.text).toContain(`action="/directory/people/${slug}/photo"`);
    expect(edit.text).toContain('enctype="multipart/form-data"');
    expect(edit.text).toContain(`action="/directory/people/${slug}/photo/delete"`);
    const profile = await hub.client().get(`/directory/people/${slug}`);
    expect(profile.text).not.toContain('/photo/delete');
  });
});

describe('refused photos', () => {
  it('refuses files that are no image, cannot be decoded, are pixel bombs or have a path in their name', async () => {
    const fake = await expectImageRefusals((bytes, name, type) =>
      upload(editorClient, refusedSlug, bytes, name, type),
    );
    // The edit page again, with the profile form and the photo form, so the person can try another file.
    expect(fake.text).toContain('enctype="multipart/form-data"');
    expect(fake.text).toContain('value="Chan Dara"');
    // A path in the name is refused without being shown back.
    const png = await picture(40, 40).png().toBuffer();
    const res = await upload(editorClient, refusedSlug, png, '../../etc/me.png', 'image/png');
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain("The file's name has a path or control characters in it");
    expect(res.text).not.toContain('etc/me.png');
    expect(await photoRow(refusedSlug)).toBeUndefined();
  });

  it('refuses files over 5 MB with 413 and a clear message', async () => {
    const res = await upload(editorClient, refusedSlug, oversized(6), 'me.png', 'image/png');
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('a photo may be at most 5 MB');
    expect(await photoRow(refusedSlug)).toBeUndefined();
  }, 30_000);

  it('asks for a file when none was chosen', async () => {
    const none = await editorClient.submit(
      `/directory/people/${refusedSlug}/edit`,
      `/directory/people/${refusedSlug}/photo`,
      {},
    );
    expect(none.status).toBe(422);
    expect(visibleText(none.text)).toContain('Choose an image file');
    expect(await photoRow(refusedSlug)).toBeUndefined();
    expect((await hub.app.request(`/directory/people/${refusedSlug}/photo.webp`)).status).toBe(404);
  });

  it('refuses other members (403) and visitors (login)', async () => {
    const png = await picture(50, 50).png().toBuffer();
    const stranger = await hub.signedIn();
    await stranger.client.get(`/directory/people/${slug}`);
    const res = await sendPhoto(stranger.client, `/directory/people/${slug}/photo`, {
      field: 'photo',
      name: 'me.png',
      type: 'image/png',
      bytes: png,
    });
    expect(res.status).toBe(403);
    const remove = await stranger.client.request(`/directory/people/${slug}/photo/delete`, { form: {} });
    expect(remove.status).toBe(403);
    expect(await photoRow(slug)).toBeDefined();

    const visitor = hub.client();
    const edit = await visitor.get(`/directory/people/${slug}/edit`);
    expect(edit.status).toBe(303);
    expect(edit.location).toMatch(/^\/login\?next=/);
    await visitor.get(`/directory/people/${slug}`);
    const anonymous = await sendPhoto(visitor, `/directory/people/${slug}/photo`, {
      field: 'photo',
      name: 'me.png',
      type: 'image/png',
      bytes: png,
    });
    expect(anonymous.status).toBe(401);
    expect(visibleText(anonymous.text)).toMatch(/log in/i);
  });
});

describe('photos of profiles not everyone may see', () => {
  it('serves the photo of a draft only to those who may see the profile, never to shared caches', async () => {
    const member = await hub.signedIn();
    const draftSlug = await createPhotoProfile(member.client, { name: 'Mya Thandar', status: 'draft' });
    const png = await picture(64, 64).png().toBuffer();
    expect((await upload(member.client, draftSlug, png, 'me.png', 'image/png')).status).toBe(303);

    expect((await hub.app.request(`/directory/people/${draftSlug}/photo.webp`)).status).toBe(404);
    expect((await hub.client().get(`/directory/people/${draftSlug}/photo.webp?size=thumb`)).status).toBe(404);
    const other = await hub.signedIn();
    expect((await other.client.get(`/directory/people/${draftSlug}/photo.webp`)).status).toBe(404);

    const own = await member.client.get(`/directory/people/${draftSlug}/photo.webp`);
    expect(own.status).toBe(200);
    expect(own.headers.get('cache-control')).toBe('private, max-age=300');
    expect((await editorClient.get(`/directory/people/${draftSlug}/photo.webp`)).status).toBe(200);
  });
});

describe('removing', () => {
  it('removes the photo, records it, and the profile shows none', async () => {
    const res = await ownerClient.submit(
      `/directory/people/${slug}/edit`,
      `/directory/people/${slug}/photo/delete`,
      {},
    );
    expect(res.status).toBe(303);
    expect(await photoRow(slug)).toBeUndefined();
    expect((await hub.app.request(`/directory/people/${slug}/photo.webp`)).status).toBe(404);
    const profile = await hub.client().get(`/directory/people/${slug}`);
    expect(profile.text).not.toContain('/photo.webp');
    expect(profile.text).not.toContain('"image"');
    expect(await auditEntries(hub, { action: 'person.photo_removed' })).toHaveLength(1);
  });

  it('goes with the profile when the profile is deleted', async () => {
    const member = await hub.signedIn();
    const gone = await createPhotoProfile(member.client, { name: 'Bounmy Keo' });
    const png = await picture(64, 64).png().toBuffer();
    expect((await upload(member.client, gone, png, 'me.png', 'image/png')).status).toBe(303);
    const photos = async () =>
      (await hub.deps.db.selectFrom('person_photos').select('person_id').execute()).length;
    const before = await photos();
    const res = await member.client.submit(
      `/directory/people/${gone}`,
      `/directory/people/${gone}/delete`,
      {},
    );
    expect(res.status).toBe(303);
    expect(await photos()).toBe(before - 1);
  });
});
