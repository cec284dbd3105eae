// Sign-in with an organisation's identity provider, over HTTP on SQLite or PostgreSQL, against a
// real OpenID provider (oidc-provider) started here: a new member, the same identity again,
// linking to an account with the same verified address (never an unverified one), and every way a
// sign-in can fail coming back as the login page with its message.
import { describe, expect, it } from 'vitest';
import { auditActions } from '../../../../test/audit.ts';
import { BASE_URL, platformForFile, TestClient, visibleText } from '../../../../test/harness.ts';
import { createApp } from '../../../app.tsx';
import type { Config } from '../../../config.ts';
import { startTestProvider } from './test-provider.ts';

const provider = await startTestProvider(BASE_URL);
const hub = await platformForFile({
  env: {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: 'Ministry of Culture account',
  },
});
const { db } = hub.deps;

let people = 0;
/** A person at the provider; answers their `sub`. */
function personAtProvider(account: { email?: string; email_verified?: boolean; name?: string }) {
  const sub = `staff-${++people}`;
  provider.accounts.set(sub, { email_verified: true, ...account });
  return sub;
}

/** Starts a sign-in at the hub; answers the provider's address the hub sent the browser to. */
async function startAt(client: TestClient, next = '') {
  const res = await client.get(`/login/openid${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  expect(res.status).toBe(303);
  expect(res.location?.startsWith(`${provider.issuer}/auth?`)).toBe(true);
  const url = new URL(res.location ?? '');
  expect(url.searchParams.get('code_challenge_method')).toBe('S256');
  expect(url.searchParams.get('scope')).toBe('openid email profile');
  expect(url.searchParams.get('redirect_uri')).toBe(`${BASE_URL}/login/openid/callback`);
  expect(client.cookies.has('hub_openid')).toBe(true);
  return res.location ?? '';
}

/** The whole way: the hub, the provider's pages as `sub`, back to the hub. */
async function signInAs(sub: string, client = hub.client(), next = '') {
  const callback = await provider.signIn(await startAt(client, next), sub);
  const res = await client.get(callback);
  return { res, client, callback };
}

const userOf = (email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

function expectLoginRefused(res: { status: number; text: string }, status: number, message: string) {
  expect(res.status).toBe(status);
  const text = visibleText(res.text);
  expect(text).toContain(message);
  expect(text).toContain('Sign in with Ministry of Culture account');
  expect(res.text).not.toMatch(/at .*\.ts:\d+/);
}

describe('sign-in with the organisation', () => {
  it('offers a plain link on the login page, and keeps the local next path', async () => {
    const client = hub.client();
    const page = await client.get('/login?next=/forums');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/login/openid?next=%2Fforums"');
    expect(visibleText(page.text)).toContain('Sign in with Ministry of Culture account');
    // A next path that leaves the hub is dropped.
    const away = await client.get('/login/openid?next=//evil.example');
    expect(away.status).toBe(303);
    expect((await db.selectFrom('openid_logins').select('next').execute()).map((r) => r.next)).toContain('');
  });

  it('creates a member for a new person and signs them in; the same identity signs in again', async () => {
    const sub = personAtProvider({ email: 'Dara.Sok@Culture.example', name: 'Dara Sok' });
    const first = await signInAs(sub, hub.client(), '/forums');
    expect(first.res.status).toBe(303);
    expect(first.res.location).toBe('/forums');
    const session = first.client.cookies.get('hub_session');
    expect(session).toBeTruthy();
    expect(first.client.cookies.has('hub_openid')).toBe(false);
    const user = await userOf('dara.sok@culture.example');
    expect(user).toMatchObject({ name: 'Dara Sok', role: 'member', password_hash: null });
    expect(user.email_verified_at).not.toBeNull();
    expect(await auditActions(hub, { subjectType: 'user', subjectId: user.id })).toEqual([
      'user.created',
      'user.logged_in',
    ]);
    const account = await first.client.get('/account');
    expect(account.status).toBe(200);
    expect(visibleText(account.text)).toContain('dara.sok@culture.example');
    // Its only way in: no unlink button, and the action refuses.
    expect(account.text).not.toContain('/unlink"');
    const identity = await db
      .selectFrom('openid_identities')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(identity.subject).toBe(sub);
    expect(identity.issuer).toBe(provider.issuer);
    const refused = await first.client.request(`/account/openid/${identity.id}/unlink`, { form: {} });
    expect(refused.status).toBe(409);

    // Again, from another browser: the same member, a new session, no second account.
    const again = await signInAs(sub);
    expect(again.res.location).toBe('/account');
    expect(again.client.cookies.get('hub_session')).not.toBe(session);
    expect(await db.selectFrom('users').select('id').where('email', '=', user.email).execute()).toHaveLength(
      1,
    );
    expect(await auditActions(hub, { subjectType: 'user', subjectId: user.id })).toEqual([
      'user.created',
      'user.logged_in',
      'user.logged_in',
    ]);
  });

  it('links an account with the same verified address, and lets a member with a password unlink it', async () => {
    const member = await hub.createUser({ email: 'vanna@culture.example' });
    const sub = personAtProvider({ email: 'vanna@culture.example', name: 'Someone Else' });
    const { res, client } = await signInAs(sub);
    expect(res.status).toBe(303);
    expect(client.cookies.has('hub_session')).toBe(true);
    const user = await userOf('vanna@culture.example');
    expect(user.id).toBe(member.id);
    expect(user.password_hash).not.toBeNull();
    expect(await auditActions(hub, { subjectType: 'user', subjectId: member.id })).toEqual([
      'user.identity_linked',
      'user.logged_in',
    ]);
    const account = await client.get('/account');
    const identity = await db
      .selectFrom('openid_identities')
      .select('id')
      .where('user_id', '=', member.id)
      .executeTakeFirstOrThrow();
    expect(account.text).toContain(`/account/openid/${identity.id}/unlink`);
    // Someone else's identity is not theirs to unlink.
    const other = await hub.signedIn('member');
    await other.client.get('/account');
    expect((await other.client.request(`/account/openid/${identity.id}/unlink`, { form: {} })).status).toBe(
      404,
    );
    // A visitor may not.
    const visitor = hub.client();
    await visitor.get('/login');
    const refused = await visitor.request(`/account/openid/${identity.id}/unlink`, { form: {} });
    expect(refused.status).toBe(401);

    const unlinked = await client.request(`/account/openid/${identity.id}/unlink`, { form: {} });
    expect(unlinked.status).toBe(303);
    expect(
      await db.selectFrom('openid_identities').select('id').where('user_id', '=', member.id).execute(),
    ).toEqual([]);
    expect(await auditActions(hub, { action: 'user.identity_unlinked', subjectId: member.id })).toHaveLength(
      1,
    );
  });

  it('never links to an account when the provider has not verified the address', async () => {
    const member = await hub.createUser({ email: 'unverified@culture.example' });
    const sub = personAtProvider({ email: 'unverified@culture.example', email_verified: false });
    const { res, client } = await signInAs(sub);
    expectLoginRefused(res, 403, 'has not confirmed that the address is yours');
    expect(client.cookies.has('hub_session')).toBe(false);
    expect(
      await db.selectFrom('openid_identities').select('id').where('subject', '=', sub).execute(),
    ).toEqual([]);
    expect(await auditActions(hub, { subjectType: 'user', subjectId: member.id })).toEqual([]);
  });

  it('takes an account nobody confirmed from whoever registered it, once its owner signs in', async () => {
    const member = await hub.createUser({ email: 'squatted@culture.example', verified: false });
    const sub = personAtProvider({ email: 'squatted@culture.example' });
    const { res } = await signInAs(sub);
    expect(res.status).toBe(303);
    const user = await userOf('squatted@culture.example');
    expect(user.id).toBe(member.id);
    expect(user.email_verified_at).not.toBeNull();
    expect(user.password_hash).toBeNull();
  });

  it('keeps a name on one line, and names a person without one after their address', async () => {
    const hostile = personAtProvider({ email: 'lines@culture.example', name: 'Bopha\nChan\u0000 <b>' });
    expect((await signInAs(hostile)).res.status).toBe(303);
    expect((await userOf('lines@culture.example')).name).toBe('Bopha Chan <b>');
    const nameless = personAtProvider({ email: 'kosal.lim@culture.example' });
    expect((await signInAs(nameless)).res.status).toBe(303);
    expect((await userOf('kosal.lim@culture.example')).name).toBe('kosal.lim');
  });

  it('refuses a disabled account', async () => {
    const sub = personAtProvider({ email: 'gone@culture.example' });
    expect((await signInAs(sub)).res.status).toBe(303);
    await db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('email', '=', 'gone@culture.example')
      .execute();
    const { res, client } = await signInAs(sub);
    expectLoginRefused(res, 403, 'This account has been disabled');
    expect(client.cookies.has('hub_session')).toBe(false);
  });

  it('still asks a member with two-factor sign-in on for the second step', async () => {
    const member = await hub.createUser({ email: 'careful@culture.example' });
    await db
      .insertInto('two_factor')
      .values({
        user_id: member.id,
        secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
        enabled_at: new Date().toISOString(),
        last_step: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const sub = personAtProvider({ email: 'careful@culture.example' });
    const { res, client } = await signInAs(sub, hub.client(), '/forums');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/login/two-factor');
    expect(client.cookies.has('hub_session')).toBe(false);
    expect((await client.get('/login/two-factor')).status).toBe(200);
  });
});

describe('a sign-in that does not complete', () => {
  it('shows the login page when the person cancels at the provider (access_denied)', async () => {
    const sub = personAtProvider({ email: 'cancel@culture.example' });
    const client = hub.client();
    const callback = await provider.signIn(await startAt(client), sub, { cancel: true });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const res = await client.get(callback);
    expectLoginRefused(res, 400, 'The sign-in was cancelled');
    expect(client.cookies.has('hub_session')).toBe(false);
  });

  it('refuses a tampered state, and the sign-in it belonged to is spent', async () => {
    const sub = personAtProvider({ email: 'tamper@culture.example' });
    const client = hub.client();
    const callback = new URL(await provider.signIn(await startAt(client), sub));
    const genuine = callback.href;
    callback.searchParams.set('state', 'forged-state');
    expectLoginRefused(await client.get(callback.href), 400, 'This sign-in cannot be finished');
    expectLoginRefused(await client.get(genuine), 400, 'This sign-in cannot be finished');
    expect(client.cookies.has('hub_session')).toBe(false);
  });

  it('refuses a replayed answer, in the same browser or another', async () => {
    const sub = personAtProvider({ email: 'replay@culture.example' });
    const { res, client, callback } = await signInAs(sub);
    expect(res.status).toBe(303);
    expectLoginRefused(await client.get(callback), 400, 'This sign-in cannot be finished');
    const thief = hub.client();
    expectLoginRefused(await thief.get(callback), 400, 'This sign-in cannot be finished');
    expect(thief.cookies.has('hub_session')).toBe(false);
  });

  it('refuses a code the provider does not exchange', async () => {
    const sub = personAtProvider({ email: 'badcode@culture.example' });
    const client = hub.client();
    const callback = new URL(await provider.signIn(await startAt(client), sub));
    callback.searchParams.set('code', 'not-a-code-the-provider-made');
    expectLoginRefused(await client.get(callback.href), 400, 'could not be completed');
    expect(
      await db.selectFrom('users').select('id').where('email', '=', 'badcode@culture.example').execute(),
    ).toEqual([]);
  });

  it("refuses a person without an address, in the reader's language", async () => {
    const sub = personAtProvider({ name: 'No Mail' });
    const client = hub.client();
    const callback = await provider.signIn(await startAt(client), sub);
    const res = await client.get(callback, { 'accept-language': 'vi' });
    expect(res.status).toBe(403);
    expect(visibleText(res.text)).toContain('không cung cấp địa chỉ email');
  });
});

describe('the hub as configured', () => {
  /** A browser of the same hub with other OpenID settings. */
  const hubWith = (oidc: Config['oidc']) =>
    new TestClient(createApp({ ...hub.deps, config: { ...hub.deps.config, oidc } }));

  it('has no OpenID sign-in when OIDC_* are not set', async () => {
    const client = hubWith(null);
    const page = await client.get('/login');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('/login/openid');
    expect((await client.get('/login/openid')).status).toBe(404);
    expect((await client.get('/login/openid/callback?code=x&state=y')).status).toBe(404);
  });

  it('says so when the provider does not answer, and asks it again next time', async () => {
    // Nothing listens on the discard port.
    const nowhere = { issuer: 'http://127.0.0.1:9', clientId: 'x', clientSecret: 'y', name: 'Nowhere' };
    const client = hubWith(nowhere);
    const res = await client.get('/login/openid');
    expect(res.status).toBe(503);
    expect(visibleText(res.text)).toContain('does not answer right now');
    expect(client.cookies.has('hub_openid')).toBe(false);
    // Not remembered as down: the settings of a provider that answers work at once.
    expect((await hubWith({ ...nowhere, issuer: provider.issuer }).get('/login/openid')).status).toBe(303);
  });

  it('limits the sign-ins one address sends to the provider', async () => {
    const client = hub.client();
    for (let i = 0; i < 30; i++) expect((await client.get('/login/openid')).status).toBe(303);
    const res = await client.get('/login/openid');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(visibleText(res.text)).toContain('Too many attempts');
  });

  it('puts the linked identities in "download my data"', async () => {
    const sub = personAtProvider({ email: 'export@culture.example' });
    const { client } = await signInAs(sub);
    const res = await client.get('/account/export.json');
    expect(res.status).toBe(200);
    const data = JSON.parse(res.text) as { linkedIdentities: { issuer: string; subject: string }[] };
    expect(data.linkedIdentities).toMatchObject([{ issuer: provider.issuer, subject: sub }]);
  });
});
