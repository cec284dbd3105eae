// Administration: who may see it, role changes with their audit trail, disabling accounts, the
// audit log page, and the same operations through /api/v1/users.
import { describe, expect, it } from 'vitest';
import { auditActions, lastAuditEntry } from '../../../test/audit.ts';
import { createTestPlatform, PASSWORD, platformForFile, visibleText } from '../../../test/harness.ts';
import { accountRow } from '../../../test/records.ts';
import { createApiToken } from '../../platform/auth.ts';

const hub = await platformForFile();
const { user: admin, client: adminClient } = await hub.signedIn('admin', { name: 'Hub Administrator' });

/** The audit entry of the (one) role change of an account. */
const roleChangeOf = (userId: number) =>
  lastAuditEntry(hub, { action: 'user.role_changed', subjectId: userId });

describe('access to the administration', () => {
  it('sends visitors to the login page and refuses members, editors and moderators', async () => {
    const visitor = hub.client();
    expect((await visitor.get('/admin/users')).location).toBe('/login?next=%2Fadmin%2Fusers');
    for (const role of ['member', 'editor', 'moderator'] as const) {
      const { client } = await hub.signedIn(role);
      const res = await client.get('/admin/users');
      expect(res.status).toBe(403);
      expect(visibleText(res.text)).toContain('Your account is not allowed to do this.');
      const target = await hub.createUser();
      const post = await client.request(`/admin/users/${target.id}/role`, { form: { role: 'admin' } });
      expect(post.status).toBe(403);
    }
  });
});

describe('the account list', () => {
  it('searches by name or email and filters by role and status', async () => {
    await hub.createUser({ name: 'Sothea Chan', email: 'sothea@example.org' });
    await hub.createUser({ name: 'Nguyễn Thị Hương', email: 'huong@example.org', role: 'editor' });
    await hub.createUser({ name: 'Unverified Person', email: 'unverified@example.org', verified: false });

    const byName = await adminClient.get('/admin/users?q=HƯƠNG');
    expect(visibleText(byName.text)).toContain('Nguyễn Thị Hương');
    expect(visibleText(byName.text)).not.toContain('Sothea Chan');
    const byEmail = await adminClient.get('/admin/users?q=sothea%40');
    expect(visibleText(byEmail.text)).toContain('Sothea Chan');
    const editors = await adminClient.get('/admin/users?role=editor');
    expect(visibleText(editors.text)).toContain('Nguyễn Thị Hương');
    expect(visibleText(editors.text)).not.toContain('Sothea Chan');
    const unverified = await adminClient.get('/admin/users?status=unverified');
    expect(visibleText(unverified.text)).toContain('Unverified Person');
    expect(visibleText(unverified.text)).not.toContain('Sothea Chan');
    // Wildcards in the search are plain characters.
    const percent = await adminClient.get('/admin/users?q=%25');
    expect(visibleText(percent.text)).toContain('Nothing found');
    // A filter value that is not valid is ignored rather than failing the page.
    expect((await adminClient.get('/admin/users?role=emperor&page=-3')).status).toBe(200);
  });
});

describe('roles', () => {
  it('changes a role and records who changed it, from what to what', async () => {
    const user = await hub.createUser({ name: 'Future Editor' });
    const res = await adminClient.request(`/admin/users/${user.id}/role`, { form: { role: 'editor' } });
    expect(res.status).toBe(303);
    expect((await accountRow(hub, user.id)).role).toBe('editor');
    const entry = await roleChangeOf(user.id);
    expect(entry.actor_id).toBe(admin.id);
    expect(entry.details).toEqual({ from: 'member', to: 'editor' });
    expect(entry.ip).toBe(adminClient.ip);
    expect(entry.request_id).toBeTruthy();

    const page = await adminClient.get(`/admin/audit?action=user.role_changed&subject_id=${user.id}`);
    const text = visibleText(page.text);
    expect(text).toContain('Hub Administrator');
    expect(text).toContain('{"from":"member","to":"editor"}');
  });

  it('refuses an unknown role', async () => {
    const user = await hub.createUser();
    const res = await adminClient.request(`/admin/users/${user.id}/role`, { form: { role: 'emperor' } });
    expect(res.status).toBe(422);
  });

  it('keeps at least one active administrator', async () => {
    const solo = await createTestPlatform();
    try {
      const { user: only, client } = await solo.signedIn('admin');
      const res = await client.request(`/admin/users/${only.id}/role`, { form: { role: 'member' } });
      expect(res.status).toBe(409);
      expect(visibleText(res.text)).toContain('The hub needs at least one active administrator.');
    } finally {
      await solo.close();
    }
  });
});

describe('disabling accounts', () => {
  it('ends the sessions of a disabled account and refuses its login until enabled again', async () => {
    const { user, client } = await hub.signedIn();
    const res = await adminClient.request(`/admin/users/${user.id}/disable`, { form: {} });
    expect(res.status).toBe(303);
    expect((await client.get('/account')).status).toBe(303);
    expect(
      (await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(403);
    await adminClient.get('/admin/users');
    expect((await adminClient.request(`/admin/users/${user.id}/enable`, { form: {} })).status).toBe(303);
    expect(
      (await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(303);
    expect(await auditActions(hub, { subjectId: user.id })).toEqual(
      expect.arrayContaining(['user.disabled', 'user.enabled']),
    );
  });

  it('does not let an admin disable their own account', async () => {
    const res = await adminClient.request(`/admin/users/${admin.id}/disable`, { form: {} });
    expect(res.status).toBe(409);
  });

  it('answers 404 for an account that does not exist', async () => {
    expect((await adminClient.request('/admin/users/999999/disable', { form: {} })).status).toBe(404);
  });
});

describe('/api/v1/users', () => {
  it('lists and changes accounts for admins with a token', async () => {
    const { token } = await createApiToken(hub.deps.db, admin.id, 'automation');
    const api = hub.client();
    const auth = { authorization: `Bearer ${token}` };
    const list = await api.get('/api/v1/users?role=admin', auth);
    expect(list.status).toBe(200);
    const body = JSON.parse(list.text);
    expect(body.items.some((u: { email: string }) => u.email === admin.email)).toBe(true);
    expect(body.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);

    const user = await hub.createUser();
    const patch = await api.request(`/api/v1/users/${user.id}`, {
      method: 'PATCH',
      json: { role: 'moderator' },
      headers: auth,
    });
    expect(patch.status).toBe(200);
    expect(JSON.parse(patch.text)).toMatchObject({ id: user.id, role: 'moderator', disabled: false });
    // The same action as the page's, with the same audit entry, marked as done through the API.
    const entry = await roleChangeOf(user.id);
    expect(entry.actor_id).toBe(admin.id);
    expect(entry.details).toEqual({ from: 'member', to: 'moderator', via: 'api' });

    const invalid = await api.request(`/api/v1/users/${user.id}`, {
      method: 'PATCH',
      json: { role: 'emperor' },
      headers: auth,
    });
    expect(invalid.status).toBe(422);
    const problem = JSON.parse(invalid.text);
    expect(invalid.headers.get('content-type')).toContain('application/problem+json');
    expect(problem.errors.role).toBeTruthy();

    const missing = await api.request('/api/v1/users/999999', {
      method: 'PATCH',
      json: { disabled: true },
      headers: auth,
    });
    expect(missing.status).toBe(404);
  });

  it('refuses members, with a problem document', async () => {
    const member = await hub.createUser();
    const { token } = await createApiToken(hub.deps.db, member.id, 'mine');
    const res = await hub.client().get('/api/v1/users', { authorization: `Bearer ${token}` });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.text)).toMatchObject({ status: 403, title: 'Not allowed' });
  });

  it('refuses a malformed token', async () => {
    const res = await hub.client().get('/api/v1/users', { authorization: 'Bearer' });
    expect(res.status).toBe(401);
  });
});
