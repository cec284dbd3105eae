// Members of an organisation through the whole app, on SQLite or PostgreSQL: invitations by email
// (delivered to the real SMTP peer), accepting them, roles, leaving, handing over ownership, and
// every refusal on the way.
import { describe, expect, it } from 'vitest';
import { auditActions as auditActionsOf } from '../../../test/audit.ts';
import { BASE_URL, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { organisationId } from '../../../test/organisations.ts';
import { linkIn } from '../../../test/smtp-peer.ts';
import { sha256 } from '../../platform/security-tokens.ts';
import { createOrganisation } from './test-fixtures.ts';

const hub = await platformForFile();
const signedIn = (input: { email?: string; name?: string } = {}) => hub.signedIn('member', input);
const { user: owner, client: ownerClient } = await signedIn({ name: 'Dara Owner' });
/** Whoever is owner at the time (ownership changes hands below). */
let inviter = ownerClient;
const slug = await createOrganisation(ownerClient);
const orgId = await organisationId(hub, slug);

async function invite(client: TestClient, email: string, role = 'editor', orgSlug = slug) {
  return client.submit(`/directory/${orgSlug}/members`, `/directory/${orgSlug}/members/invite`, {
    email,
    role,
  });
}

/** Invites `email` as the owner and returns the link of the mail the SMTP peer received. */
async function invitationLink(email: string, role = 'editor'): Promise<string> {
  const res = await invite(inviter, email, role);
  expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
  await hub.deliverMail();
  const mail = await hub.smtp.next(email);
  return linkIn(mail, BASE_URL);
}

async function accept(client: TestClient, link: string) {
  const path = new URL(link).pathname;
  await client.get(path);
  return client.request(path, { form: {} });
}

async function roleOf(userId: number) {
  const row = await hub.deps.db
    .selectFrom('organisation_members')
    .select('role')
    .where('organisation_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

const auditActions = () => auditActionsOf(hub, { subjectType: 'organisation', subjectId: orgId });

async function historyKeys() {
  const rows = await hub.deps.db
    .selectFrom('organisation_history')
    .select('changes')
    .where('organisation_id', '=', orgId)
    .execute();
  return rows.flatMap((r) => Object.keys(JSON.parse(r.changes) as object));
}

describe('invitations', () => {
  let editor: { user: { id: number; email: string }; client: TestClient };

  it('sends a link by email that the invited account accepts, and the new member may edit', async () => {
    editor = await signedIn({ email: 'sophea@example.org', name: 'Sophea Editor' });
    expect((await editor.client.get(`/directory/${slug}/edit`)).status).toBe(403);

    const link = await invitationLink('Sophea@Example.org');
    const [mail] = hub.smtp.to('sophea@example.org');
    expect(mail?.subject).toBe('Invitation to join Ban Phanom Weavers on Creative Hub');
    expect(mail?.text).toContain(
      'Dara Owner invited you to help manage Ban Phanom Weavers on Creative Hub, as Editor.',
    );
    expect(link).toMatch(new RegExp(`^${BASE_URL}/directory/invitations/[\\w-]{40,}$`));
    // Only a hash of the secret is kept.
    const token = link.split('/').at(-1) ?? '';
    const stored = await hub.deps.db
      .selectFrom('organisation_invitations')
      .select(['token_hash', 'email', 'expires_at'])
      .where('organisation_id', '=', orgId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    expect(stored.email).toBe('sophea@example.org');
    const days = (Date.parse(stored.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);

    // The owner sees the open invitation.
    const page = await ownerClient.get(`/directory/${slug}/members`);
    expect(visibleText(page.text)).toContain('sophea@example.org, Editor');

    // Someone not signed in is asked to log in first, and comes back to the invitation.
    const anonymous = await hub.client().get(new URL(link).pathname);
    expect(anonymous.status).toBe(200);
    expect(visibleText(anonymous.text)).toContain('Log in to accept');
    expect(anonymous.text).toContain(`/login?next=${encodeURIComponent(new URL(link).pathname)}`);

    const shown = await editor.client.get(new URL(link).pathname);
    expect(visibleText(shown.text)).toContain('You are invited to join Ban Phanom Weavers as Editor');
    const accepted = await accept(editor.client, link);
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe(`/directory/${slug}`);
    expect(await roleOf(editor.user.id)).toBe('editor');
    const profile = await editor.client.get(`/directory/${slug}`);
    expect(visibleText(profile.text)).toContain('you are now a member');
    expect(profile.text).toContain(`href="/directory/${slug}/members"`);
    expect((await editor.client.get(`/directory/${slug}/edit`)).status).toBe(200);

    expect(await auditActions()).toEqual(
      expect.arrayContaining(['organisation.member_invited', 'organisation.member_joined']),
    );
    expect(await historyKeys()).toEqual(expect.arrayContaining(['invitation', 'members']));

    // The link works once.
    const again = await accept(editor.client, link);
    expect(again.status).toBe(410);
    expect(visibleText(again.text)).toContain('already been accepted');
  });

  it('refuses an account with another email address', async () => {
    const link = await invitationLink('vanna@example.org');
    const other = await signedIn({ email: 'someone-else@example.org' });
    const path = new URL(link).pathname;
    const page = await other.client.get(path);
    expect(page.status).toBe(403);
    expect(visibleText(page.text)).toContain('sent to another email address');
    expect(page.text).not.toContain('Accept the invitation');
    const posted = await other.client.request(path, { form: {} });
    expect(posted.status).toBe(403);
    expect(await roleOf(other.user.id)).toBeNull();

    // The right account can still use it afterwards.
    const vanna = await signedIn({ email: 'vanna@example.org' });
    expect((await accept(vanna.client, link)).status).toBe(303);
    expect(await roleOf(vanna.user.id)).toBe('editor');
  });

  it('refuses revoked, expired, replaced and unknown links', async () => {
    const invitee = await signedIn({ email: 'late@example.org' });

    const revokedLink = await invitationLink(invitee.user.email);
    const open = await hub.deps.db
      .selectFrom('organisation_invitations')
      .select('id')
      .where('email', '=', invitee.user.email)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    const revoked = await ownerClient.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/revoke`,
      { invitation_id: String(open.id) },
    );
    expect(revoked.status).toBe(303);
    const r = await accept(invitee.client, revokedLink);
    expect(r.status).toBe(410);
    expect(visibleText(r.text)).toContain('withdrawn');

    const expiredLink = await invitationLink(invitee.user.email);
    await hub.deps.db
      .updateTable('organisation_invitations')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(expiredLink.split('/').at(-1) ?? ''))
      .execute();
    const e = await accept(invitee.client, expiredLink);
    expect(e.status).toBe(410);
    expect(visibleText(e.text)).toContain('expired');

    // A newer invitation to the same address replaces the older one.
    const first = await invitationLink(invitee.user.email);
    const second = await invitationLink(invitee.user.email);
    expect((await accept(invitee.client, first)).status).toBe(410);

    const unknown = await invitee.client.get('/directory/invitations/not-a-real-token');
    expect(unknown.status).toBe(404);
    expect(await roleOf(invitee.user.id)).toBeNull();

    expect((await accept(invitee.client, second)).status).toBe(303);
    expect(await roleOf(invitee.user.id)).toBe('editor');
    expect(await auditActions()).toContain('organisation.invitation_revoked');
  });

  it('keeps the draft and explains a wrong or useless address', async () => {
    const bad = await invite(ownerClient, 'not an address');
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('value="not an address"');
    const member = await invite(ownerClient, 'sophea@example.org');
    expect(member.status).toBe(422);
    expect(visibleText(member.text)).toContain('already a member');
  });

  it('lets only owners invite, and only the organisation’s people see the page', async () => {
    const res = await editor.client.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/invite`,
      { email: 'friend@example.org', role: 'owner' },
    );
    expect(res.status).toBe(403);
    const editorPage = await editor.client.get(`/directory/${slug}/members`);
    expect(editorPage.status).toBe(200);
    expect(editorPage.text).not.toContain('/members/invite');
    expect(visibleText(editorPage.text)).toContain('Dara Owner');

    const stranger = await signedIn();
    expect((await stranger.client.get(`/directory/${slug}/members`)).status).toBe(403);
    expect(
      (
        await stranger.client.request(`/directory/${slug}/members/invite`, {
          form: { email: 'x@example.org' },
        })
      ).status,
    ).toBe(403);

    const anonymous = await hub.client().get(`/directory/${slug}/members`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toBe(`/login?next=${encodeURIComponent(`/directory/${slug}/members`)}`);

    const missing = await ownerClient.get('/directory/no-such-organisation/members');
    expect(missing.status).toBe(404);
    expect(
      await hub.deps.db
        .selectFrom('organisation_invitations')
        .select('id')
        .where('email', '=', 'friend@example.org')
        .execute(),
    ).toEqual([]);
  });
});

describe('roles, leaving and ownership', () => {
  it('does not let the last owner leave or step down', async () => {
    const leave = await ownerClient.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/leave`,
      {},
    );
    expect(leave.status).toBe(409);
    expect(visibleText(leave.text)).toContain('needs at least one owner');
    const demote = await ownerClient.submit(`/directory/${slug}/members`, `/directory/${slug}/members/role`, {
      user_id: String(owner.id),
      role: 'editor',
    });
    expect(demote.status).toBe(409);
    expect(await roleOf(owner.id)).toBe('owner');
  });

  it('hands ownership over in one step, and the former owner can be removed', async () => {
    const heir = await signedIn({ email: 'heir@example.org', name: 'Heir' });
    expect((await accept(heir.client, await invitationLink(heir.user.email))).status).toBe(303);

    const transfer = await ownerClient.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/transfer`,
      { user_id: String(heir.user.id) },
    );
    expect(transfer.status).toBe(303);
    expect(await roleOf(heir.user.id)).toBe('owner');
    expect(await roleOf(owner.id)).toBe('editor');
    inviter = heir.client;
    expect(await historyKeys()).toContain('owner');
    expect(await auditActions()).toContain('organisation.ownership_transferred');

    // The former owner is an editor now: no more inviting or handing over.
    const again = await ownerClient.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/transfer`,
      { user_id: String(owner.id) },
    );
    expect(again.status).toBe(403);

    // The new owner changes a role, then removes the former owner, who can no longer edit.
    const promote = await heir.client.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/role`,
      {
        user_id: String(owner.id),
        role: 'owner',
      },
    );
    expect(promote.status).toBe(303);
    expect(await roleOf(owner.id)).toBe('owner');
    const remove = await heir.client.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/remove`,
      {
        user_id: String(owner.id),
      },
    );
    expect(remove.status).toBe(303);
    expect(await roleOf(owner.id)).toBeNull();
    expect((await ownerClient.get(`/directory/${slug}/edit`)).status).toBe(403);
    expect((await ownerClient.get(`/directory/${slug}/members`)).status).toBe(403);
    expect(await auditActions()).toEqual(
      expect.arrayContaining(['organisation.member_role_changed', 'organisation.member_removed']),
    );
  });

  it('lets an editor leave', async () => {
    const leaver = await signedIn({ email: 'leaver@example.org' });
    expect((await accept(leaver.client, await invitationLink(leaver.user.email))).status).toBe(303);
    const res = await leaver.client.submit(
      `/directory/${slug}/members`,
      `/directory/${slug}/members/leave`,
      {},
    );
    expect(res.status).toBe(303);
    expect(res.location).toBe(`/directory/${slug}`);
    expect(await roleOf(leaver.user.id)).toBeNull();
    expect(await auditActions()).toContain('organisation.member_left');
  });
});
