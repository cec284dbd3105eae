// Two-factor sign-in over HTTP, on SQLite or PostgreSQL: set-up, the second step of a sign-in
// (wrong, replayed, right and recovery codes, the rate limit), turning it off, and the admins'
// requirement. Codes are computed here with the library the hub uses.
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../../test/audit.ts';
import { PASSWORD, platformForFile, type TestClient, visibleText } from '../../../../test/harness.ts';
import { expectFormRefused } from '../../../../test/refusals.ts';
import { issueUserToken } from '../email-tokens.ts';
import { REQUIRE_SETTING } from './requirement.ts';

const hub = await platformForFile();
const WRONG = 'This code is not right, or has already been used.';

/** The code of `secret` at `offset` steps of 30 s from now. */
const codeAt = (secret: string, offset = 0) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });

const otherThan = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** Signs in with the password; answers the client, at the second step. */
async function passwordStep(email: string) {
  const client = hub.client();
  const res = await client.submit('/login', '/login', { email, password: PASSWORD });
  expect(res.status).toBe(303);
  expect(res.location).toBe('/login/two-factor');
  expect(client.cookies.has('hub_session')).toBe(false);
  expect((await client.get('/login/two-factor')).status).toBe(200);
  return client;
}

const sendCode = (client: TestClient, code: string) =>
  client.request('/login/two-factor', { form: { code } });

/** A member with two-factor sign-in on: their address, secret and recovery codes. */
async function memberWithTwoFactor() {
  const user = await hub.createUser();
  const client = await hub.signInAs(user);
  const setup = await client.get('/account/two-factor');
  expect(setup.status).toBe(200);
  expect(setup.text).toContain('<svg');
  const secret = (setup.text.match(/class="secret">([^<]+)</)?.[1] ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const wrong = await client.request('/account/two-factor/confirm', {
    form: { code: otherThan(codeAt(secret)) },
  });
  expectFormRefused(wrong, [WRONG]);
  expect(wrong.text).toContain('class="secret"');

  const done = await client.request('/account/two-factor/confirm', { form: { code: codeAt(secret) } });
  expect(done.status).toBe(200);
  expect(done.headers.get('cache-control')).toContain('no-store');
  const codes = [...done.text.matchAll(/<li><code>([a-z0-9-]{14})<\/code><\/li>/g)].map((m) => m[1] ?? '');
  expect(codes).toHaveLength(10);
  // Once on, the secret is never shown again.
  expect((await client.get('/account/two-factor')).text).not.toContain(secret);
  return { ...user, secret, codes, client };
}

describe('two-factor sign-in', () => {
  it('refuses visitors on the set-up pages', async () => {
    const visitor = hub.client();
    const page = await visitor.get('/account/two-factor');
    expect(page.status).toBe(303);
    expect(page.location).toContain('/login');
    await visitor.get('/login');
    const post = await visitor.request('/account/two-factor/confirm', { form: { code: '123456' } });
    expect([401, 303]).toContain(post.status);
    expect(post.text).not.toContain('recovery');
  });

  it('asks for a code after the password; refuses wrong and replayed codes; a recovery code works once', async () => {
    const member = await memberWithTwoFactor();

    const first = await passwordStep(member.email);
    expectFormRefused(await sendCode(first, otherThan(codeAt(member.secret, 1))), [WRONG]);
    // The code that confirmed the set-up has been used: it does not sign in.
    expectFormRefused(await sendCode(first, codeAt(member.secret)), [WRONG]);
    const next = codeAt(member.secret, 1);
    const signedIn = await sendCode(first, next);
    expect(signedIn.status).toBe(303);
    expect(first.cookies.has('hub_session')).toBe(true);
    expect((await first.get('/account')).status).toBe(200);

    const second = await passwordStep(member.email);
    expectFormRefused(await sendCode(second, next), [WRONG]);
    expect((await sendCode(second, member.codes[0] ?? '')).status).toBe(303);
    expect(second.cookies.has('hub_session')).toBe(true);

    expect(await auditActions(hub, { subjectType: 'user', subjectId: member.id })).toEqual(
      expect.arrayContaining(['user.two_factor_enabled', 'user.two_factor_passed']),
    );

    const third = await passwordStep(member.email);
    expectFormRefused(await sendCode(third, (member.codes[0] ?? '').toUpperCase()), [WRONG]);

    // A new set of recovery codes takes the password, and the old set stops working.
    const renew = (password: string) =>
      member.client.request('/account/two-factor/recovery-codes', { form: { current_password: password } });
    await member.client.get('/account/two-factor');
    expectFormRefused(await renew('not my password'), ['This is not your current password.']);
    const renewed = await renew(PASSWORD);
    expect(renewed.status).toBe(200);
    expect(renewed.text).not.toContain(member.codes[1]);
    expectFormRefused(await sendCode(third, member.codes[1] ?? ''), [WRONG]);

    // A pending step is gone after five minutes.
    await hub.deps.db
      .updateTable('two_factor_challenges')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', member.id)
      .execute();
    expect((await sendCode(third, codeAt(member.secret, 1))).location).toBe('/login');
    // The pending step is bound to its browser: another one, without the cookie, is sent back.
    const elsewhere = hub.client();
    await elsewhere.get('/login');
    const stray = await sendCode(elsewhere, member.codes[1] ?? '');
    expect(stray.location).toBe('/login');
    expect(elsewhere.cookies.has('hub_session')).toBe(false);
  });

  it('asks for the code after a mailed sign-in link too', async () => {
    const member = await memberWithTwoFactor();
    const token = await issueUserToken(hub.deps.db, member.id, 'sign_in');
    const client = hub.client();
    await client.get(`/login/link?token=${token}`);
    const res = await client.request('/login/link', { form: { token } });
    expect(res.location).toBe('/login/two-factor');
    expect(client.cookies.has('hub_session')).toBe(false);
    expect((await sendCode(client, codeAt(member.secret, 1))).status).toBe(303);
    expect(client.cookies.has('hub_session')).toBe(true);
  });

  it('refuses with 429 after too many wrong codes', async () => {
    const member = await memberWithTwoFactor();
    const client = await passwordStep(member.email);
    const wrong = otherThan(codeAt(member.secret, 1));
    for (let i = 0; i < 5; i++) expect((await sendCode(client, wrong)).status).toBe(422);
    const limited = await sendCode(client, codeAt(member.secret, 1));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(client.cookies.has('hub_session')).toBe(false);
  });

  it('turns off with the password only', async () => {
    const member = await memberWithTwoFactor();
    const refused = await member.client.request('/account/two-factor/disable', {
      form: { current_password: 'not my password', code: '' },
    });
    expectFormRefused(refused, ['Give your current password or a current code from your app.']);
    const off = await member.client.request('/account/two-factor/disable', {
      form: { current_password: PASSWORD, code: '' },
    });
    expect(off.status).toBe(303);
    const login = await hub.client().submit('/login', '/login', { email: member.email, password: PASSWORD });
    expect(login.location).toBe('/account');
  });

  it('is turned off by an administrator for a member who lost their phone: sessions end, the member is told', async () => {
    const member = await memberWithTwoFactor();
    const { client: admin, user: adminUser } = await hub.signedIn('admin');
    const { client: editor } = await hub.signedIn('editor');
    const list = await admin.get(`/admin/users?q=${encodeURIComponent(member.email)}`);
    expect(visibleText(list.text)).toContain('Two-factor sign-in on');
    expect(list.text).toContain(`/admin/users/${member.id}/two-factor-reset`);
    // Only administrators; not one's own (the account page does that, with the password or a code).
    expect((await editor.request(`/admin/users/${member.id}/two-factor-reset`, { form: {} })).status).toBe(
      403,
    );
    await admin.get('/admin/users');
    expect((await admin.request(`/admin/users/${adminUser.id}/two-factor-reset`, { form: {} })).status).toBe(
      409,
    );

    const reset = await admin.request(`/admin/users/${member.id}/two-factor-reset`, { form: {} });
    expect(reset.status).toBe(303);
    // The lost phone's session is over; the password alone signs in again.
    const ended = await member.client.get('/account');
    expect(ended.status).toBe(303);
    expect(ended.location).toContain('/login');
    const login = await hub.client().submit('/login', '/login', { email: member.email, password: PASSWORD });
    expect(login.location).toBe('/account');
    await hub.deliverMail();
    const mail = await hub.smtp.next(member.email);
    expect(mail.subject).toContain('Two-factor sign-in');
    expect(mail.text).toContain('/account/two-factor');
    expect(await auditActions(hub, { subjectType: 'user', subjectId: member.id })).toContain(
      'user.two_factor_reset',
    );
    // Nothing left to turn off: 409.
    expect((await admin.request(`/admin/users/${member.id}/two-factor-reset`, { form: {} })).status).toBe(
      409,
    );
  });

  it('sends an editor without it to the set-up page once admins require it; a member is unaffected', async () => {
    const { client: admin } = await hub.signedIn('admin');
    const saved = await admin.submit('/moderation', '/moderation/settings', { [REQUIRE_SETTING]: '1' });
    expect(saved.status).toBe(303);
    const { client: editor } = await hub.signedIn('editor');
    const blocked = await editor.get('/account');
    expect(blocked.status).toBe(303);
    expect(blocked.location).toBe('/account/two-factor');
    expect((await editor.get('/news')).location).toBe('/account/two-factor');
    expect((await editor.get('/api/v1/me')).status).toBe(403);
    const setup = await editor.get('/account/two-factor');
    expect(setup.status).toBe(200);
    expect(visibleText(setup.text)).toContain('An administrator requires two-factor sign-in');
    const { client: member, user } = await hub.signedIn('member');
    expect((await member.get('/account')).status).toBe(200);

    // The coordinator of a group is held to it as well.
    const now = new Date().toISOString();
    const group = await hub.deps.db
      .insertInto('groups')
      .values({
        slug: `two-factor-${user.id}`,
        name: 'Luang Prabang weavers',
        lang: 'en',
        description: '',
        kind: 'working_group',
        visibility: 'public',
        organisation_id: null,
        country: 'LA',
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await hub.deps.db
      .insertInto('group_members')
      .values({ group_id: group.id, user_id: user.id, role: 'coordinator', created_at: now })
      .execute();
    expect((await member.get('/account')).location).toBe('/account/two-factor');
  });
});
