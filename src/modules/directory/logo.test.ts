// Organisation logos through the whole app, on SQLite or PostgreSQL: real images made with sharp
// are accepted, resized and served as WebP; anything else is refused with nothing saved.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import {
  expectImageRefusals,
  expectJpegReplaces,
  expectServedImage,
  oversized,
  picture,
} from '../../../test/images.ts';
import { createOrganisation, uploadFile } from './test-fixtures.ts';

const hub = await platformForFile();
const { client: ownerClient } = await hub.signedIn();
/** Gets a logo in the first tests. */
const slug = await createOrganisation(ownerClient, { name: 'Heritage Space' });
/** Only ever receives refused uploads: it must end up without a logo. */
const refusedSlug = await createOrganisation(ownerClient, { name: 'Factory Contemporary Arts Centre' });

/** Uploads as a browser would: load the members page (for the CSRF token), then post the file. */
async function upload(client: TestClient, orgSlug: string, bytes: Uint8Array, name: string, type: string) {
  await client.get(`/directory/${orgSlug}/members`);
  return uploadFile(client, `/directory/${orgSlug}/logo`, { field: 'logo', name, type, bytes });
}

async function logoRow(orgSlug: string) {
  return hub.deps.db
    .selectFrom('organisation_logos')
    .innerJoin('organisations', 'organisations.id', 'organisation_logos.organisation_id')
    .select(['organisation_logos.updated_at', 'organisation_logos.full_width'])
    .where('organisations.slug', '=', orgSlug)
    .executeTakeFirst();
}

describe('accepted logos', () => {
  it('takes a PNG, serves it as WebP at most 256 px with a thumbnail, and shows it on the profile', async () => {
    const png = await picture(800, 400).png().toBuffer();
    const res = await upload(ownerClient, slug, png, 'logo.png', 'image/png');
    expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
    expect(res.location).toBe(`/directory/${slug}/members`);

    const profile = await hub.client().get(`/directory/${slug}`);
    const src = profile.text.match(
      /<img src="(\/directory\/[^"]+\/logo\.webp\?v=[^"]+)" alt="" width="128" height="64"/,
    )?.[1];
    expect(src).toBeDefined();
    expect(profile.text).toContain(`"logo":"http://hub.test${src}"`);

    await expectServedImage(
      hub.app,
      { versioned: src ?? '', plain: `/directory/${slug}/logo` },
      { full: [256, 128], thumb: [64, 32] },
    );

    const history = await hub.deps.db
      .selectFrom('organisation_history')
      .innerJoin('organisations', 'organisations.id', 'organisation_history.organisation_id')
      .select('changes')
      .where('organisations.slug', '=', slug)
      .execute();
    expect(history.some((h) => 'logo' in JSON.parse(h.changes))).toBe(true);
    expect(await auditEntries(hub, { action: 'organisation.logo_updated' })).toHaveLength(1);
  });

  it('takes a JPEG, drops its metadata, and never enlarges a small image', async () => {
    await expectJpegReplaces(
      hub.app,
      (bytes, name, type) => upload(ownerClient, slug, bytes, name, type),
      async () => (await logoRow(slug))?.updated_at,
      `/directory/${slug}/logo.webp`,
    );
  });

  it('takes the first frame of a GIF', async () => {
    const gif = await picture(40, 20).gif().toBuffer();
    const res = await upload(ownerClient, slug, gif, 'logo.gif', 'image/gif');
    expect(res.status).toBe(303);
    expect((await logoRow(slug))?.full_width).toBe(40);
  });

  it('shows the thumbnail on the directory cards', async () => {
    const list = await hub.client().get('/directory');
    expect(list.text).toMatch(
      new RegExp(
        `<img src="/directory/${slug}/logo\\.webp\\?v=[^"&]+&amp;size=thumb" alt="" width="\\d+" height="\\d+" loading="lazy"`,
      ),
    );
  });
});

describe('refused logos', () => {
  it('refuses files that are no image, cannot be decoded, are pixel bombs or have a path in their name', async () => {
    const fake = await expectImageRefusals((bytes, name, type) =>
      upload(ownerClient, refusedSlug, bytes, name, type),
    );
    // The page is shown again with the form, so the person can try another file.
    expect(fake.text).toContain('enctype="multipart/form-data"');
    expect(await logoRow(refusedSlug)).toBeUndefined();
  });

  it('refuses files over 5 MB with 413, and 30 MB at the door', async () => {
    const res = await upload(ownerClient, refusedSlug, oversized(6), 'logo.png', 'image/png');
    expect(res.status).toBe(413);
    expect(visibleText(res.text)).toContain('a logo may be at most 5 MB');

    const huge = await upload(ownerClient, refusedSlug, oversized(30), 'logo.png', 'image/png');
    expect(huge.status).toBe(413);
    expect(await logoRow(refusedSlug)).toBeUndefined();
  }, 30_000);

  it('refuses people who may not edit the organisation', async () => {
    const png = await picture(50, 50).png().toBuffer();
    const stranger = await hub.signedIn();
    await stranger.client.get(`/directory/${refusedSlug}`);
    const res = await uploadFile(stranger.client, `/directory/${refusedSlug}/logo`, {
      field: 'logo',
      name: 'logo.png',
      type: 'image/png',
      bytes: png,
    });
    expect(res.status).toBe(403);
    expect((await stranger.client.request(`/directory/${slug}/logo/delete`, { form: {} })).status).toBe(403);

    const anonymous = hub.client();
    const page = await anonymous.get(`/directory/${refusedSlug}/members`);
    expect(page.status).toBe(303);
    expect(page.location).toMatch(/^\/login\?next=/);
    await anonymous.get(`/directory/${refusedSlug}`);
    const anonymousUpload = await uploadFile(anonymous, `/directory/${refusedSlug}/logo`, {
      field: 'logo',
      name: 'logo.png',
      type: 'image/png',
      bytes: png,
    });
    expect(anonymousUpload.status).toBe(401);

    // Missing file: the form again, with a message.
    await ownerClient.get(`/directory/${refusedSlug}/members`);
    const none = await ownerClient.request(`/directory/${refusedSlug}/logo`, { form: {} });
    expect(none.status).toBe(422);
    expect(visibleText(none.text)).toContain('Choose an image file');
    expect(await logoRow(refusedSlug)).toBeUndefined();
    expect((await hub.app.request(`/directory/${refusedSlug}/logo.webp`)).status).toBe(404);
  });
});

describe('removing', () => {
  it('removes the logo and records it', async () => {
    const res = await ownerClient.submit(`/directory/${slug}/members`, `/directory/${slug}/logo/delete`, {});
    expect(res.status).toBe(303);
    expect(await logoRow(slug)).toBeUndefined();
    expect((await hub.app.request(`/directory/${slug}/logo.webp`)).status).toBe(404);
    const profile = await hub.client().get(`/directory/${slug}`);
    expect(profile.text).not.toContain('/logo.webp');
    expect(await auditEntries(hub, { action: 'organisation.logo_removed' })).toHaveLength(1);
  });
});
