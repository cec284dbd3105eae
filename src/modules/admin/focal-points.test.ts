// /admin/focal-points through the whole app: only administrators name and un-name a country's focal
// points, and what they name is what platform/scopes.ts answers with.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { inCountry, may, scopedAction } from '../../platform/scopes.ts';

const hub = await platformForFile();
const { client: admin } = await hub.signedIn('admin');
const { client: editor } = await hub.signedIn('editor');
const { user: focal } = await hub.signedIn('member', { email: 'focal.la@example.org', name: 'Noy Focal' });
const ACT = scopedAction('test.act', { country: ['focal_point'] });
const focalUser = () =>
  hub.deps.db.selectFrom('users').selectAll().where('id', '=', focal.id).executeTakeFirstOrThrow();

describe('/admin/focal-points', () => {
  it('refuses visitors (to the login form) and everyone but administrators', async () => {
    expect((await hub.client().get('/admin/focal-points')).status).toBe(303);
    expect((await editor.get('/admin/focal-points')).status).toBe(403);
    await editor.get('/account');
    expect(
      (
        await editor.request('/admin/focal-points', {
          form: { email: 'focal.la@example.org', country: 'LA' },
        })
      ).status,
    ).toBe(403);
  });

  it('is linked from the administration overview', async () => {
    expect((await admin.get('/admin')).text).toContain('href="/admin/focal-points"');
  });

  it('names a focal point of a country, who then may act there and nowhere else', async () => {
    expect(await may(hub.deps, await focalUser(), ACT, inCountry('LA'))).toBe(false);
    const res = await admin.submit('/admin/focal-points', '/admin/focal-points', {
      email: 'focal.la@example.org',
      country: 'LA',
    });
    expect(res.status).toBe(303);
    expect(visibleText((await admin.get('/admin/focal-points')).text)).toContain('Noy Focal');
    expect(await may(hub.deps, await focalUser(), ACT, inCountry('LA'))).toBe(true);
    expect(await may(hub.deps, await focalUser(), ACT, inCountry('TH'))).toBe(false);
  });

  it('refuses an address without an account, with the form kept', async () => {
    const res = await admin.submit('/admin/focal-points', '/admin/focal-points', {
      email: 'nobody@example.org',
      country: 'LA',
    });
    expect(res.status).toBe(422);
    expect(visibleText(res.text)).toContain('There is no account with this address.');
  });

  it('un-names them', async () => {
    await admin.get('/admin/focal-points');
    const res = await admin.request('/admin/focal-points/remove', {
      form: { country: 'LA', user_id: String(focal.id) },
    });
    expect(res.status).toBe(303);
    expect(await may(hub.deps, await focalUser(), ACT, inCountry('LA'))).toBe(false);
  });
});
