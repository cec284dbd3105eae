// Groups through the whole app, on SQLite or PostgreSQL: starting groups (who may, where), what a
// stranger sees of a public, private and secret group on every surface (page, API, list, search,
// suggestions, sitemap, export), requests to join and their approval, invitations delivered to the
// real SMTP peer, roles, removal, leaving, and the last coordinator.
import { describe, expect, it } from 'vitest';
import { BASE_URL, bearer, platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { expectNotReportable, expectReportable } from '../../../test/reports.ts';
import { linkIn } from '../../../test/smtp-peer.ts';
import { expectLineBreaksKept, storeText } from '../../../test/spreadsheets.ts';
import { grantRole } from '../../platform/scoped-roles.ts';

const hub = await platformForFile({ seed: ['directory', 'groups'] });
const { client: editor, user: editorUser } = await hub.signedIn('editor', { name: 'Somsack Editor' });
const { client: stranger, token: strangerToken } = await hub.signedInWithToken('member', {
  name: 'Stranger',
});
const { client: member, user: memberUser } = await hub.signedIn('member', { name: 'Bounmy Member' });
const visitor = hub.client();

const groupForm = (overrides: Record<string, string> = {}) => ({
  name: 'Secret drafting circle',
  lang: 'en',
  description: 'Drafts the **chapter** on quokkafruit policies.',
  kind: 'working_group',
  visibility: 'secret',
  country: '',
  organisation: '',
  ...overrides,
});

async function startGroup(client: TestClient, overrides: Record<string, string> = {}): Promise<string> {
  const res = await client.submit('/groups/new', '/groups/new', groupForm(overrides));
  expect(res.status, visibleText(res.text).slice(0, 400)).toBe(303);
  return (res.location ?? '').replace('/groups/', '');
}

async function addMember(slug: string, userId: number, role: string) {
  const group = await hub.deps.db
    .selectFrom('groups')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  await hub.deps.db
    .insertInto('group_members')
    .values({
      group_id: group.id,
      user_id: userId,
      role: role as 'member',
      created_at: new Date().toISOString(),
    })
    .execute();
}

const secret = await startGroup(editor);
await addMember(secret, memberUser.id, 'member');
// The demo accounts are the platform seed's, which this file does not load: the Mekong Institute's
// trainer coordinates the demo network, a Lao colleague the QPR team.
const { client: trainer } = await hub.signedIn('member', { name: 'Mekong Trainer' });
const trainerId = (
  await hub.deps.db
    .selectFrom('users')
    .select('id')
    .where('name', '=', 'Mekong Trainer')
    .executeTakeFirstOrThrow()
).id;
await addMember('mekong-digital-skills-network', trainerId, 'coordinator');
const { user: laoColleague } = await hub.signedIn('member', { name: 'Lao Colleague' });
await addMember('lao-pdr-qpr-working-team', laoColleague.id, 'coordinator');

describe('the demo groups', () => {
  it('lists the Lao QPR working team and the Mekong digital skills network', async () => {
    const text = visibleText((await visitor.get('/groups')).text);
    expect(text).toContain('Lao PDR QPR working team');
    expect(text).toContain('Mekong digital skills network');
    expect(text).not.toContain('Secret drafting circle');
  });

  it('shows a private group’s name and description to a stranger, not its members', async () => {
    const res = await visitor.get('/groups/lao-pdr-qpr-working-team');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('Quadrennial Periodic Report');
    expect(text).toContain('visible to its members');
    expect(text).not.toContain('Lao Colleague');
    const api = await visitor.get('/api/v1/groups/lao-pdr-qpr-working-team/members');
    expect(api.status).toBe(401);
    const signedIn = await stranger.request('/api/v1/groups/lao-pdr-qpr-working-team/members', {
      headers: bearer(strangerToken),
    });
    expect(signedIn.status).toBe(403);
  });

  it('shows a public group’s members to everyone', async () => {
    const text = visibleText((await visitor.get('/groups/mekong-digital-skills-network')).text);
    expect(text).toContain('Mekong Trainer · Coordinator');
  });
});

describe('a secret group', () => {
  it('is not found by a stranger: page, API, list, export, search, suggestions, sitemap', async () => {
    for (const client of [visitor, stranger]) {
      expect((await client.get(`/groups/${secret}`)).status).toBe(404);
      expect((await client.get(`/api/v1/groups/${secret}`)).status).toBe(404);
      expect((await client.get(`/api/v1/groups/${secret}/members`)).status).toBe(404);
      expect(visibleText((await client.get('/groups')).text)).not.toContain('Secret drafting circle');
      expect((await client.get('/groups/export.csv')).text).not.toContain('Secret drafting circle');
      expect(visibleText((await client.get('/search?q=quokkafruit')).text)).not.toContain(
        'Secret drafting circle',
      );
      expect((await client.get('/api/v1/search?q=quokkafruit')).text).not.toContain('Secret drafting circle');
      expect((await client.get('/api/v1/search/suggest?q=secret%20draft')).text).not.toContain(
        'Secret drafting circle',
      );
    }
    expect((await visitor.get('/sitemap.xml')).text).not.toContain(`/groups/${secret}`);
    expect((await visitor.get('/sitemap.xml')).text).toContain('/groups/mekong-digital-skills-network');
    expect((await visitor.get('/sitemap.xml')).text).not.toContain('/groups/lao-pdr-qpr-working-team');
  });

  it('is found by its members on every surface', async () => {
    expect((await member.get(`/groups/${secret}`)).status).toBe(200);
    expect(visibleText((await member.get('/groups')).text)).toContain('Secret drafting circle');
    expect(visibleText((await member.get('/search?q=quokkafruit')).text)).toContain('Secret drafting circle');
    expect((await member.get('/api/v1/search/suggest?q=secret%20draft')).text).toContain(
      'Secret drafting circle',
    );
  });

  it('refuses a request to join (by invitation only)', async () => {
    const res = await member.get(`/groups/${secret}`);
    expect(res.text).not.toContain('Ask to join');
  });
});

describe('who may do what', () => {
  it('sends a visitor to log in and refuses a member who may start no group', async () => {
    const res = await visitor.get('/groups/new');
    expect(res.status).toBe(303);
    expect(res.location).toContain('/login');
    expect((await member.get('/groups/new')).status).toBe(403);
    const post = await member.request('/groups/new', { form: groupForm() });
    expect(post.status).toBe(403);
  });

  it('refuses a member who changes roles or invites', async () => {
    for (const [action, form] of [
      ['role', { user_id: String(editorUser.id), role: 'observer' }],
      ['invite', { email: 'x@example.org', role: 'member' }],
      ['remove', { user_id: String(editorUser.id) }],
    ] as const) {
      await member.get(`/groups/${secret}`);
      const res = await member.request(`/groups/${secret}/${action}`, { form });
      expect(res.status, action).toBe(403);
    }
    expect((await member.request(`/groups/${secret}/edit`)).status).toBe(403);
  });

  it('refuses the coordinator of one group who manages another', async () => {
    const other = await startGroup(editor, { name: 'Other circle', visibility: 'public' });
    const { client: coordinator, user } = await hub.signedIn('member', { name: 'Kham Coordinator' });
    await addMember(other, user.id, 'coordinator');
    await coordinator.get(`/groups/${secret}`);
    // A secret group: as if it did not exist.
    expect(
      (
        await coordinator.request(`/groups/${secret}/role`, {
          form: { user_id: String(memberUser.id), role: 'observer' },
        })
      ).status,
    ).toBe(404);
    const publicOne = await startGroup(editor, { name: 'Third circle', visibility: 'public' });
    await coordinator.get(`/groups/${publicOne}`);
    const res = await coordinator.request(`/groups/${publicOne}/invite`, {
      form: { email: 'y@example.org', role: 'member' },
    });
    expect(res.status).toBe(403);
    await coordinator.get(`/groups/${other}`);
    const own = await coordinator.request(`/groups/${other}/invite`, {
      form: { email: 'y@example.org', role: 'member' },
    });
    expect(own.status).toBe(303);
  });

  it('lets a country’s focal point start and manage groups there, not elsewhere', async () => {
    const { client: focal, user } = await hub.signedIn('member', { name: 'Focal Point' });
    await grantRole(hub.deps.db, {
      kind: 'country',
      key: 'LA',
      userId: user.id,
      role: 'focal_point',
      by: null,
    });
    expect(
      (await focal.submit('/groups/new', '/groups/new', groupForm({ name: 'Elsewhere', country: 'TH' })))
        .status,
    ).toBe(403);
    const slug = await startGroup(focal, { name: 'Lao heritage team', country: 'LA', visibility: 'private' });
    expect(slug).toBe('lao-heritage-team');
    // The QPR team is in Laos: its focal point sees inside and manages it.
    const qpr = await focal.get('/groups/lao-pdr-qpr-working-team');
    expect(visibleText(qpr.text)).toContain('Lao Colleague · Coordinator');
    expect(qpr.text).toContain('Manage the group');
  });
});

describe('members', () => {
  it('asks to join, and a coordinator approves', async () => {
    const { client: asker, user } = await hub.signedIn('member', { name: 'Sokha Asker' });
    const page = '/groups/mekong-digital-skills-network';
    const res = await asker.submit(page, `${page}/join`, { message: 'I train artisans in Siem Reap.' });
    expect(res.status).toBe(303);
    expect(visibleText((await asker.get(page)).text)).toContain('waiting for a coordinator');
    const again = await asker.request(`${page}/join`, { form: { message: '' } });
    expect(again.status).toBe(409);
    const coordinator = trainer;
    const manage = await coordinator.get(page);
    expect(visibleText(manage.text)).toContain('I train artisans in Siem Reap.');
    const request = await hub.deps.db
      .selectFrom('group_join_requests')
      .select('id')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(
      (
        await coordinator.request(`${page}/decide`, {
          form: { request_id: String(request.id), decision: 'approve' },
        })
      ).status,
    ).toBe(303);
    const after = visibleText((await asker.get(page)).text);
    expect(after).toContain('You are: Member');
    expect(after).toContain('Mekong Trainer welcomed Sokha Asker');
  });

  it('invites by mail; only the invited address joins, once', async () => {
    const email = 'vanna.invitee@example.org';
    await editor.get(`/groups/${secret}`);
    expect(
      (await editor.request(`/groups/${secret}/invite`, { form: { email, role: 'observer' } })).status,
    ).toBe(303);
    await hub.deliverMail();
    const mail = await hub.smtp.next(email);
    expect(mail.subject).toContain('Secret drafting circle');
    const link = new URL(linkIn(mail, BASE_URL)).pathname;
    expect((await stranger.get(link)).status).toBe(403);
    const { client: invitee } = await hub.signedIn('member', { email, name: 'Vanna Invitee' });
    await invitee.get(link);
    const res = await invitee.request(link, { form: {} });
    expect(res.status).toBe(303);
    expect(visibleText((await invitee.get(`/groups/${secret}`)).text)).toContain('You are: Observer');
    expect((await invitee.get(link)).status).toBe(410);
  });

  it('withdraws an invitation: its link then answers 410, and nobody joins', async () => {
    const email = 'withdrawn.invitee@example.org';
    await editor.get(`/groups/${secret}`);
    await editor.request(`/groups/${secret}/invite`, { form: { email, role: 'member' } });
    await hub.deliverMail();
    const link = new URL(linkIn(await hub.smtp.next(email), BASE_URL)).pathname;
    const invitation = await hub.deps.db
      .selectFrom('group_invitations')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    await editor.get(`/groups/${secret}`);
    const revoked = await editor.request(`/groups/${secret}/revoke`, {
      form: { invitation_id: String(invitation.id) },
    });
    expect(revoked.status).toBe(303);
    const { client: invitee } = await hub.signedIn('member', { email, name: 'Withdrawn Invitee' });
    expect((await invitee.get(link)).status).toBe(410);
    expect((await invitee.get(`/groups/${secret}`)).status).toBe(404);
  });

  it('keeps the last coordinator: no leaving, no demotion, no removal', async () => {
    await editor.get(`/groups/${secret}`);
    const leave = await editor.request(`/groups/${secret}/leave`, { form: {} });
    expect(leave.status).toBe(409);
    expect(visibleText(leave.text)).toContain('A group needs a coordinator');
    await editor.get(`/groups/${secret}`);
    expect(
      (
        await editor.request(`/groups/${secret}/role`, {
          form: { user_id: String(editorUser.id), role: 'member' },
        })
      ).status,
    ).toBe(409);
    await editor.get(`/groups/${secret}`);
    expect(
      (await editor.request(`/groups/${secret}/remove`, { form: { user_id: String(editorUser.id) } })).status,
    ).toBe(409);
    // With a second coordinator the first may go.
    await editor.get(`/groups/${secret}`);
    expect(
      (
        await editor.request(`/groups/${secret}/role`, {
          form: { user_id: String(memberUser.id), role: 'coordinator' },
        })
      ).status,
    ).toBe(303);
    await editor.get(`/groups/${secret}`);
    expect((await editor.request(`/groups/${secret}/leave`, { form: {} })).status).toBe(303);
    // A secret group is its members' (and admins'): the hub's editor who left no longer finds it.
    expect((await editor.get(`/groups/${secret}`)).status).toBe(404);
  });
});

describe('/api/v1/groups', () => {
  it('lists, reads and refuses like the pages', async () => {
    const list = JSON.parse((await visitor.get('/api/v1/groups')).text);
    expect(list.items.map((g: { slug: string }) => g.slug)).toContain('mekong-digital-skills-network');
    expect(list.items.map((g: { slug: string }) => g.slug)).not.toContain(secret);
    const read = await visitor.get('/api/v1/groups/mekong-digital-skills-network');
    expect(JSON.parse(read.text).kind).toBe('network');
    const create = await stranger.request('/api/v1/groups', {
      json: groupForm(),
      headers: bearer(strangerToken),
    });
    expect(create.status).toBe(403);
    const anonymous = await visitor.request('/api/v1/groups', { json: groupForm() });
    expect(anonymous.status).toBe(401);
  });

  it('includes memberships in "download my data"', async () => {
    const data = JSON.parse((await member.get('/account/export.json')).text);
    expect(data.modules.groups.memberships.map((m: { slug: string }) => m.slug)).toContain(secret);
  });
});

describe('/api/v1/groups members', () => {
  it('asks to join, decides, changes roles and keeps the last coordinator, as the pages do', async () => {
    const { token: coordinatorToken } = await hub.signedInWithToken('editor', { name: 'Api Coordinator' });
    const coordinator = bearer(coordinatorToken);
    const api = hub.client();
    const created = await api.request('/api/v1/groups', {
      json: {
        ...groupForm({ name: 'Api circle', visibility: 'private' }),
        organisation: null,
        country: null,
      },
      headers: coordinator,
    });
    expect(created.status).toBe(201);
    const { slug, yourRole } = JSON.parse(created.text);
    expect(yourRole).toBe('coordinator');
    const { token: askerToken, user: asker } = await hub.signedInWithToken('member', { name: 'Api Asker' });
    const ask = await api.request(`/api/v1/groups/${slug}/join-requests`, {
      json: { message: 'Hello' },
      headers: bearer(askerToken),
    });
    expect(ask.status).toBe(201);
    const { id } = JSON.parse(ask.text);
    const byAsker = await api.request(`/api/v1/groups/${slug}/join-requests/${id}/decision`, {
      json: { decision: 'approve' },
      headers: bearer(askerToken),
    });
    expect(byAsker.status).toBe(403);
    const decided = await api.request(`/api/v1/groups/${slug}/join-requests/${id}/decision`, {
      json: { decision: 'approve' },
      headers: coordinator,
    });
    expect(decided.status).toBe(204);
    const members = JSON.parse(
      (await api.request(`/api/v1/groups/${slug}/members`, { headers: bearer(askerToken) })).text,
    );
    expect(
      members.items.map((m: { name: string; email: string | null }) => [m.name, m.email]),
    ).toContainEqual(['Api Asker', null]);
    // A member changes a role: 403; the coordinator demotes themself, the last one: 409.
    const me = JSON.parse((await api.request('/api/v1/me', { headers: coordinator })).text);
    const byMember = await api.request(`/api/v1/groups/${slug}/members/${me.id}`, {
      method: 'PATCH',
      json: { role: 'observer' },
      headers: bearer(askerToken),
    });
    expect(byMember.status).toBe(403);
    const last = await api.request(`/api/v1/groups/${slug}/members/${me.id}`, {
      method: 'DELETE',
      headers: coordinator,
    });
    expect(last.status).toBe(409);
    const promote = await api.request(`/api/v1/groups/${slug}/members/${asker.id}`, {
      method: 'PATCH',
      json: { role: 'coordinator' },
      headers: coordinator,
    });
    expect(promote.status).toBe(204);
    expect(
      (
        await api.request(`/api/v1/groups/${slug}/members/${me.id}`, {
          method: 'DELETE',
          headers: coordinator,
        })
      ).status,
    ).toBe(204);
  });
});

describe('reports', () => {
  it('lets a member report a group they see, to the moderators', async () => {
    await expectReportable(hub, {
      type: 'group',
      key: 'mekong-digital-skills-network',
      page: '/groups/mekong-digital-skills-network',
      message: 'The network’s description names the wrong institute.',
    });
  });

  it('has no report form for a secret group a stranger may not see', async () => {
    await expectNotReportable(stranger, { type: 'group', key: secret });
  });
});

describe('the list as CSV', () => {
  // Last in the file: it changes a seeded group.
  it('keeps a name stored on several lines in one cell of its group’s row', async () => {
    const slug = 'mekong-digital-skills-network';
    await storeText(hub, { table: 'groups', column: 'name', where: ['slug', slug] });
    const rows = await expectLineBreaksKept(visitor, '/groups/export.csv', 'name');
    expect(rows.map((r) => r.page)).toContain(`${BASE_URL}/groups/${slug}`);
  });
});
