// Parent links through the whole app, on SQLite or PostgreSQL (issue 19, point 9): a member names
// another organisation as their organisation's parent, and the link shows publicly (page, JSON-LD,
// API) only once an owner of the parent confirms it on the parent's members page; declining clears
// it; a stranger may not decide; the parent's own owners and the hub's editors confirm by setting it.
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../test/audit.ts';
import { jsonLdOf, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { organisationId } from '../../../test/organisations.ts';
import { createOrganisation, organisationForm } from './test-fixtures.ts';

const hub = await platformForFile();
const { client: parentOwner } = await hub.signedIn('member', { name: 'Parent Owner' });
const parentSlug = await createOrganisation(parentOwner, { name: 'Ministry of Culture' });

/** A unit added by a member who is not one of the parent's people, naming the parent. */
async function unitOf(name: string) {
  const { client } = await hub.signedIn();
  const slug = await createOrganisation(client, { name, parent: parentSlug });
  return { client, slug };
}

/** What the public sees of the unit's parent: on its page, in its JSON-LD and in the API. */
async function publicParent(slug: string) {
  const visitor = hub.client();
  const page = await visitor.get(`/directory/${slug}`);
  const api = JSON.parse((await visitor.get(`/api/v1/organisations/${slug}`)).text);
  const parentPage = await visitor.get(`/directory/${parentSlug}`);
  return {
    page: visibleText(page.text).includes('Ministry of Culture'),
    jsonLd: 'parentOrganization' in jsonLdOf(page.text),
    api: api.parent as string | null,
    listedAsUnit: parentPage.text.includes(`/directory/${slug}"`),
  };
}

const decide = (client: TestClient, slug: string, decision: 'confirm' | 'decline') =>
  client.submit(`/directory/${parentSlug}/members`, `/directory/${parentSlug}/units/${slug}/${decision}`, {});

describe('a parent link waits for the parent', () => {
  it('shows publicly only once an owner of the parent confirms it', async () => {
    const { client, slug } = await unitOf('Provincial Culture Office');
    expect(await publicParent(slug)).toEqual({ page: false, jsonLd: false, api: null, listedAsUnit: false });
    // Its own people see what it waits for.
    expect(visibleText((await client.get(`/directory/${slug}`)).text)).toContain(
      'Waiting for Ministry of Culture to confirm',
    );
    // The parent's owner sees the request on the members page.
    const members = visibleText((await parentOwner.get(`/directory/${parentSlug}/members`)).text);
    expect(members).toContain('Units waiting for your confirmation');
    expect(members).toContain('Provincial Culture Office');

    // …and is told in the inbox.
    expect(visibleText((await parentOwner.get('/notifications')).text)).toContain(
      '“Provincial Culture Office” names Ministry of Culture as its parent',
    );

    const res = await decide(parentOwner, slug, 'confirm');
    expect(res.status).toBe(303);
    expect(await publicParent(slug)).toEqual({
      page: true,
      jsonLd: true,
      api: parentSlug,
      listedAsUnit: true,
    });
    expect(visibleText((await parentOwner.get(`/directory/${parentSlug}/members`)).text)).not.toContain(
      'Units waiting for your confirmation',
    );
    const id = await organisationId(hub, slug);
    expect(await auditActions(hub, { subjectType: 'organisation', subjectId: id })).toContain(
      'organisation.parent_confirmed',
    );
    // Saving the unit again keeps the confirmed link; a second decision finds nothing to decide.
    await client.submit(
      `/directory/${slug}/edit`,
      `/directory/${slug}/edit`,
      organisationForm({ name: 'Provincial Culture Office', parent: parentSlug, city: 'Pakse' }),
    );
    expect((await publicParent(slug)).api).toBe(parentSlug);
    expect((await decide(parentOwner, slug, 'confirm')).status).toBe(404);
  });

  it('is cleared when the parent declines', async () => {
    const { slug } = await unitOf('Self-declared branch');
    const res = await decide(parentOwner, slug, 'decline');
    expect(res.status).toBe(303);
    const row = await hub.deps.db
      .selectFrom('organisations')
      .select(['parent_id', 'parent_confirmed_at'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ parent_id: null, parent_confirmed_at: null });
    expect(await publicParent(slug)).toEqual({ page: false, jsonLd: false, api: null, listedAsUnit: false });
    const id = await organisationId(hub, slug);
    expect(await auditActions(hub, { subjectType: 'organisation', subjectId: id })).toContain(
      'organisation.parent_declined',
    );
  });

  it('may not be decided by a stranger, nor by the unit itself', async () => {
    const { client, slug } = await unitOf('Hopeful unit');
    const { client: stranger } = await hub.signedIn();
    await stranger.get('/');
    expect(
      (await stranger.request(`/directory/${parentSlug}/units/${slug}/confirm`, { form: {} })).status,
    ).toBe(403);
    await client.get('/');
    expect(
      (await client.request(`/directory/${parentSlug}/units/${slug}/confirm`, { form: {} })).status,
    ).toBe(403);
    expect((await publicParent(slug)).api).toBeNull();
  });

  it('is confirmed at once when the parent’s owner or the hub’s editor sets it, and waits again for a new parent', async () => {
    const own = await createOrganisation(parentOwner, { name: 'Own department', parent: parentSlug });
    expect((await publicParent(own)).api).toBe(parentSlug);

    const { client: editor } = await hub.signedIn('editor');
    const edited = await createOrganisation(editor, { name: 'Editor-made unit', parent: parentSlug });
    expect((await publicParent(edited)).api).toBe(parentSlug);

    // The owner of the unit moves it under another organisation: that one's owners decide again.
    const { client: otherOwner } = await hub.signedIn();
    const other = await createOrganisation(otherOwner, { name: 'Arts Council' });
    await parentOwner.submit(
      `/directory/${own}/edit`,
      `/directory/${own}/edit`,
      organisationForm({ name: 'Own department', parent: other }),
    );
    const api = JSON.parse((await hub.client().get(`/api/v1/organisations/${own}`)).text);
    expect(api.parent).toBeNull();
  });
});
