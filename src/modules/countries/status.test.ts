// A country's status towards the 2005 Convention through the whole app, on SQLite or PostgreSQL:
// the demo's Lao PDR (a Party, no date: the source gives none), who may change a status (admins,
// the country's own focal points) and every refusal, on the page and in the API, and the audit log.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { bearer, platformForFile, visibleText } from '../../../test/harness.ts';
import { grantRole } from '../../platform/scoped-roles.ts';

const hub = await platformForFile({ seed: ['countries'] });
const { client: admin, token: adminToken } = await hub.signedInWithToken('admin', { name: 'Ada Admin' });
const { client: member, token: memberToken } = await hub.signedInWithToken('member');
const {
  client: focalLa,
  user: focalLaUser,
  token: focalLaToken,
} = await hub.signedInWithToken('member', {
  name: 'Khamla Focal',
});
const { client: focalVn, user: focalVnUser, token: focalVnToken } = await hub.signedInWithToken('member');
for (const [user, key] of [
  [focalLaUser, 'LA'],
  [focalVnUser, 'VN'],
] as const)
  await grantRole(hub.deps.db, { kind: 'country', key, userId: user.id, role: 'focal_point', by: null });

const good = {
  party: '1',
  party_since: '2007-11-05',
  instrument: 'ratification',
  source_url: 'https://www.unesco.org/creativity/en/2005-convention/parties',
  note: 'Checked.',
};

describe('the demo status', () => {
  it('records Lao PDR as a Party with no date, since the source gives none', async () => {
    const res = await hub.client().get('/countries/LA');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('A Party to the 2005 Convention');
    expect(text).toContain('The date it became a Party is not recorded');
    expect(text).not.toContain('Change the status');
    // The seeded note is English whatever the page's language.
    expect((await hub.client().get('/countries/LA?lang=lo')).text).toContain(
      '<p lang="en">The Lao Government',
    );
    const api = await hub.client().get('/api/v1/countries/LA');
    const body = JSON.parse(api.text);
    expect(body.status).toMatchObject({ party: true, partySince: null, instrument: null });
  });

  it('says nothing is recorded for a country of the region without a status', async () => {
    const res = await hub.client().get('/countries/KH');
    expect(res.status).toBe(200);
    expect(visibleText(res.text)).toContain('not recorded yet');
  });
});

describe('changing a status on the page', () => {
  it('sends a visitor to sign in, and refuses a member and another country’s focal point (403)', async () => {
    const visitor = hub.client();
    const get = await visitor.get('/countries/VN/status');
    expect([302, 303]).toContain(get.status);
    expect(get.location).toContain('/login');
    expect((await member.get('/countries/VN/status')).status).toBe(403);
    expect((await focalLa.get('/countries/VN/status')).status).toBe(403);
    await focalLa.get('/countries/LA/status');
    const post = await focalLa.request('/countries/VN/status', { form: good });
    expect(post.status).toBe(403);
    await member.get('/account');
    expect((await member.request('/countries/VN/status', { form: good })).status).toBe(403);
    expect(
      await hub.deps.db.selectFrom('country_statuses').select('code').where('code', '=', 'VN').execute(),
    ).toEqual([]);
  });

  it('shows the form again with the draft kept for a bad date or address (422)', async () => {
    await focalVn.get('/countries/VN/status');
    const bad = await focalVn.request('/countries/VN/status', {
      form: { ...good, party_since: '2007-02-30', source_url: 'javascript:alert(1)', note: 'My draft note' },
    });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('My draft note');
    expect(bad.text).toContain('value="2007-02-30"');
    expect(bad.text).toMatch(
      /aria-invalid="true"[^>]*name="source_url"|name="source_url"[^>]*aria-invalid="true"/,
    );
    const early = await focalVn.request('/countries/VN/status', {
      form: { ...good, party_since: '1999-01-01' },
    });
    expect(early.status).toBe(422);
    expect(visibleText(early.text)).toContain('20 October 2005');
    const noParty = await focalVn.request('/countries/VN/status', { form: { ...good, party: '' } });
    expect(noParty.status).toBe(422);
    expect(
      await hub.deps.db.selectFrom('country_statuses').select('code').where('code', '=', 'VN').execute(),
    ).toEqual([]);
  });

  it('lets a focal point change their own country’s status, audited, and shows who did it', async () => {
    await focalLa.get('/countries/LA');
    expect(visibleText(focalLa.lastHtml)).toContain('Change the status');
    await focalLa.get('/countries/LA/status');
    const res = await focalLa.request('/countries/LA/status', { form: good });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/countries/LA');
    const page = visibleText((await hub.client().get('/countries/LA')).text);
    expect(page).toContain('A Party to the 2005 Convention since November 5, 2007');
    expect(page).toContain('(ratification)');
    expect(page).toContain('Updated by Khamla Focal');
    const [entry] = await auditEntries(hub, { action: 'countries.status_changed', subjectId: 'LA' });
    expect(entry?.actor_id).toBe(focalLaUser.id);
    expect(entry?.details.before).toMatchObject({ party: 1, party_since: null });
    expect(entry?.details.after).toMatchObject({
      party: 1,
      party_since: '2007-11-05',
      instrument: 'ratification',
    });
  });

  it('lets an admin change any country', async () => {
    await admin.get('/countries/KP/status');
    const res = await admin.request('/countries/KP/status', { form: { party: '', note: 'Not a Party.' } });
    expect(res.status).toBe(303);
    expect(visibleText((await hub.client().get('/countries/KP')).text)).toContain(
      'Not a Party to the 2005 Convention',
    );
  });
});

describe('PATCH /api/v1/countries/{code}/status', () => {
  const patch = (token: string | null, code: string, json: unknown) =>
    hub.client().request(`/api/v1/countries/${code}/status`, {
      method: 'PATCH',
      json,
      headers: token ? bearer(token) : {},
    });

  it('refuses a visitor (401), a member and another country’s focal point (403)', async () => {
    expect((await patch(null, 'TH', { party: true })).status).toBe(401);
    expect((await patch(memberToken, 'TH', { party: true })).status).toBe(403);
    expect((await patch(focalLaToken, 'TH', { party: true })).status).toBe(403);
    expect((await patch(focalVnToken, 'LA', { party: false })).status).toBe(403);
  });

  it('answers 422 with the fields for a bad date or address, 404 for no country', async () => {
    const res = await patch(focalVnToken, 'VN', {
      party: true,
      party_since: '2030-13-01',
      source_url: 'ftp://x',
    });
    expect(res.status).toBe(422);
    const body = JSON.parse(res.text);
    expect(Object.keys(body.errors).sort()).toEqual(['party_since', 'source_url']);
    expect((await patch(adminToken, 'XX', { party: true })).status).toBe(404);
    expect((await patch(adminToken, 'vn', { party: true })).status).toBe(404);
  });

  it('merges what is sent onto the saved status (its own country’s focal point)', async () => {
    expect((await patch(focalVnToken, 'VN', { party: true, party_since: '2007-03-18' })).status).toBe(200);
    const res = await hub.client().request('/api/v1/countries/VN/status', {
      method: 'PATCH',
      json: { note: 'Đã phê chuẩn.' },
      headers: { ...bearer(focalVnToken), 'accept-language': 'vi' },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      party: true,
      partySince: '2007-03-18',
      note: 'Đã phê chuẩn.',
      noteLang: 'vi',
    });
    const entries = await auditEntries(hub, { action: 'countries.status_changed', subjectId: 'VN' });
    expect(entries.map((e) => e.details.via)).toEqual(['api', 'api']);
  });
});
