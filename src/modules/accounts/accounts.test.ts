// Account flows through the whole app (app.request), on SQLite or PostgreSQL, with mail going over
// SMTP to a real peer.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import {
  BASE_URL,
  createTestPlatform,
  PASSWORD,
  platformForFile,
  visibleText,
} from '../../../test/harness.ts';
import { accountRow } from '../../../test/records.ts';
import { expectFormRefused, ONE_LINE } from '../../../test/refusals.ts';
import { linkIn } from '../../../test/smtp-peer.ts';
import { sha256 } from '../../platform/security-tokens.ts';

const hub = await platformForFile();

let seq = 0;
const uniqueEmail = (prefix = 'new') => `${prefix}${++seq}-${Date.now()}@example.org`;

/** The registration form as a visitor sends it (a new client unless one is given). */
const register = (email: string, name: string, client = hub.client()) =>
  client.submit('/register', '/register', { name, email, password: PASSWORD });

async function registerAndVerify(email = uniqueEmail(), name = 'Souphanh Keomany') {
  const client = hub.client();
  const res = await register(email, name, client);
  expect(res.status).toBe(200);
  await hub.deliverMail();
  const mail = await hub.smtp.next(email);
  const verify = await client.get(linkIn(mail, BASE_URL));
  expect(verify.status).toBe(200);
  return { client, email };
}

describe('registration and email verification', () => {
  it('registers, verifies through the link received over SMTP, logs in and out', async () => {
    const email = uniqueEmail();
    const client = hub.client();
    const res = await register(email, 'Vilayvanh P.', client);
    expect(res.status).toBe(200);
    expect(visibleText(res.text)).toContain(`We have sent a message to ${email}`);

    // Not verified yet: login refused with a way to get a new link.
    const early = await client.submit('/login', '/login', { email, password: PASSWORD });
    expect(early.status).toBe(403);
    expect(visibleText(early.text)).toContain('Please confirm your email address first');
    expect(early.text).toContain('action="/verify-email/resend"');

    expect(await hub.deliverMail()).toBeGreaterThanOrEqual(1);
    const mail = await hub.smtp.next(email);
    expect(mail.subject).toBe('Confirm your email address for Creative Hub');
    expect(mail.text).toContain('Hello Vilayvanh P.');
    const link = linkIn(mail, BASE_URL);
    expect(link).toMatch(/^http:\/\/hub\.test\/verify-email\?token=[\w-]{40,}$/);

    const verified = await client.get(link);
    expect(verified.status).toBe(200);
    expect(visibleText(verified.text)).toContain('Your email address is confirmed');

    // The link works once.
    const again = await client.get(link);
    expect(again.status).toBe(400);
    expect(visibleText(again.text)).toContain('This link has already been used');

    const login = await client.submit('/login', '/login', { email, password: PASSWORD });
    expect(login.status).toBe(303);
    expect(login.location).toBe('/account');
    const account = await client.get('/account');
    expect(account.status).toBe(200);
    expect(visibleText(account.text)).toContain(`Signed in as ${email}`);

    const logout = await client.request('/logout', { form: {} });
    expect(logout.status).toBe(303);
    const after = await client.get('/account');
    expect(after.status).toBe(303);
    expect(after.location).toBe('/login?next=%2Faccount');
  });

  it('keeps what was typed and names each wrong field', async () => {
    const client = hub.client();
    const res = await client.submit('/register', '/register', {
      name: 'Chanthavy',
      email: 'not-an-email',
      password: 'short',
    });
    expectFormRefused(
      res,
      [
        'Please correct the 2 fields marked below.',
        'Enter an email address such as name@example.org.',
        'Use at least 10 characters.',
      ],
      ['value="Chanthavy"', 'value="not-an-email"'],
    );
    // The password is never sent back.
    expect(res.text).not.toContain('value="short"');
    expect(res.text).toContain('aria-invalid="true"');
  });

  it('refuses overlong fields with a message, not an error', async () => {
    const client = hub.client();
    const res = await client.submit('/register', '/register', {
      name: 'ນ'.repeat(101),
      email: `${'a'.repeat(250)}@example.org`,
      password: 'x'.repeat(300),
    });
    expect(res.status).toBe(422);
    expect(visibleText(res.text).match(/This is too long\./g)?.length).toBe(3);
  });

  it('answers the same for an address that already has an account, and tells its owner', async () => {
    const { email } = await registerAndVerify();
    const res = await register(email, 'Someone else');
    expect(res.status).toBe(200);
    expect(visibleText(res.text)).toContain(`We have sent a message to ${email}`);
    await hub.deliverMail();
    const mail = await hub.smtp.next(email);
    expect(mail.subject).toBe('You already have an account on Creative Hub');
    const count = await hub.deps.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses an expired and an unknown verification link', async () => {
    const email = uniqueEmail();
    const client = hub.client();
    await register(email, 'Late reader', client);
    await hub.deliverMail();
    const link = linkIn(await hub.smtp.next(email), BASE_URL);
    await hub.deps.db.updateTable('user_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const expired = await client.get(link);
    expect(expired.status).toBe(400);
    expect(visibleText(expired.text)).toContain('This link has expired');
    const unknown = await client.get('/verify-email?token=nope');
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain('This link is not valid');

    // Asking for a new link works.
    const resend = await client.submit('/login', '/verify-email/resend', { email });
    expect(resend.status).toBe(200);
    await hub.deliverMail();
    const fresh = linkIn(await hub.smtp.next(email), BASE_URL);
    expect(fresh).not.toBe(link);
    expect((await client.get(fresh)).status).toBe(200);
  });
});

describe('login', () => {
  it('refuses a wrong password and an unknown account with the same message', async () => {
    const user = await hub.createUser();
    const client = hub.client();
    const wrong = await client.submit('/login', '/login', { email: user.email, password: 'wrong password!' });
    const unknown = await client.submit('/login', '/login', {
      email: 'nobody@example.org',
      password: 'wrong password!',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(visibleText(wrong.text)).toContain('The email address or the password is not right.');
    expect(visibleText(unknown.text)).toContain('The email address or the password is not right.');
    expect(wrong.text).toContain(`value="${user.email}"`);
  });

  it('refuses a disabled account', async () => {
    const user = await hub.createUser();
    await hub.deps.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', user.id)
      .execute();
    const res = await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(403);
    expect(visibleText(res.text)).toContain('This account has been disabled');
  });

  it('replaces the session at login (no fixation) and sends the reader back where they were', async () => {
    const user = await hub.createUser();
    const client = hub.client();
    await client.login(user.email);
    const first = client.cookies.get('hub_session');
    const second = await client.submit('/login?next=%2Fadmin', '/login', {
      email: user.email,
      password: PASSWORD,
      next: '/api/docs',
    });
    expect(second.location).toBe('/api/docs');
    expect(client.cookies.get('hub_session')).not.toBe(first);
    const stale = await hub.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('id', '=', sha256(first ?? ''))
      .execute();
    expect(stale).toHaveLength(0);
  });

  it('never redirects to another site after login', async () => {
    const user = await hub.createUser();
    const client = hub.client();
    const res = await client.submit('/login', '/login', {
      email: user.email,
      password: PASSWORD,
      next: '//evil.example/x',
    });
    expect(res.location).toBe('/account');
  });

  it('sets a Secure session cookie when the site is served over https', async () => {
    const secure = await createTestPlatform({ env: { BASE_URL: 'https://hub.example.org' } });
    try {
      const user = await secure.createUser();
      const client = secure.client();
      await client.get('/login');
      const res = await client.request('/login', { form: { email: user.email, password: PASSWORD } });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hub_session='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Secure/);
    } finally {
      await secure.close();
    }
  });

  it('stops a guesser after five tries from one address, while the owner logs in from another', async () => {
    const user = await hub.createUser();
    const guesser = hub.client();
    for (let i = 0; i < 5; i++) {
      const res = await guesser.submit('/login', '/login', {
        email: user.email,
        password: `wrong ${i} password`,
      });
      expect(res.status).toBe(401);
    }
    const blocked = await guesser.submit('/login', '/login', { email: user.email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const text = visibleText(blocked.text);
    expect(text).toContain('Too many attempts.');
    expect(text).toMatch(/Please wait \d+ minutes? and try again\./);
    expect(blocked.text).toContain(`value="${user.email}"`);
    // The owner, elsewhere, is not locked out by the guesser.
    const owner = await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD });
    expect(owner.status).toBe(303);
  });

  it('counts guesses sent in parallel before checking any: five of fifty are checked', async () => {
    const user = await hub.createUser();
    const guesser = hub.client();
    await guesser.get('/login');
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        guesser.request('/login', { form: { email: user.email, password: `parallel guess ${i}` } }),
      ),
    );
    const count = (status: number) => statuses.filter((r) => r.status === status).length;
    expect(count(401)).toBe(5);
    expect(count(429)).toBe(45);
  });

  it('locks an account guessed from many addresses, and mails its owner a link that logs them in once', async () => {
    const user = await hub.createUser();
    for (let i = 0; i < 20; i++) {
      const res = await hub
        .client()
        .submit('/login', '/login', { email: user.email, password: `wrong ${i}` });
      expect(res.status).toBe(401);
    }
    const locked = await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(visibleText(locked.text)).toContain('its owner has been sent an email with a link to log in');
    // An address without an account gets the same answer, and nobody gets mail.
    for (let i = 0; i < 21; i++)
      await hub
        .client()
        .submit('/login', '/login', { email: 'nobody-at-all@example.org', password: 'x'.repeat(12) });
    const stranger = await hub
      .client()
      .submit('/login', '/login', { email: 'nobody-at-all@example.org', password: 'x'.repeat(12) });
    expect(stranger.status).toBe(429);
    expect(visibleText(stranger.text)).toContain('its owner has been sent an email with a link to log in');
    await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD });
    await hub.deliverMail();
    expect(hub.smtp.to('nobody-at-all@example.org')).toHaveLength(0);
    expect(hub.smtp.to(user.email)).toHaveLength(1); // once per lock, not once per try
    const link = linkIn(await hub.smtp.next(user.email), BASE_URL);
    expect(link).toContain(`${BASE_URL}/login/link?token=`);

    const owner = hub.client();
    const page = await owner.get(link);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('This link logs you in once.');
    const token = new URL(link, BASE_URL).searchParams.get('token') ?? '';
    const signedIn = await owner.request('/login/link', { form: { token } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/account');
    expect((await owner.get('/account')).status).toBe(200);
    // The count starts again: the owner's password works from anywhere.
    expect(
      (await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(303);
    // The link works once.
    const again = hub.client();
    await again.get('/login');
    const reused = await again.request('/login/link', { form: { token } });
    expect(reused.status).toBe(400);
    expect(visibleText(reused.text)).toContain('This login link does not work');
  });

  it('limits attempts per address across accounts', async () => {
    const client = hub.client();
    await client.get('/login');
    let last = 0;
    for (let i = 0; i < 31; i++) {
      last = (
        await client.request('/login', {
          form: { email: `guess${i}@example.org`, password: 'guessing passwords' },
        })
      ).status;
    }
    expect(last).toBe(429);
  });
});

describe('CSRF', () => {
  it('refuses a form without the token, and one with a wrong token', async () => {
    const { client } = await hub.signedIn();
    const missing = await client.request('/logout', { form: {}, csrf: false });
    expect(missing.status).toBe(403);
    expect(visibleText(missing.text)).toContain('This form has expired or did not come from this site');
    const wrong = await client.request('/logout', { form: { _csrf: 'x'.repeat(32) } });
    expect(wrong.status).toBe(403);
    // Still logged in.
    expect((await client.get('/account')).status).toBe(200);
  });

  it('protects the forms of visitors who are not logged in', async () => {
    const client = hub.client();
    const res = await client.request('/login', {
      form: { email: 'a@example.org', password: 'whatever123' },
      csrf: false,
    });
    expect(res.status).toBe(403);
  });

  it('asks browser API calls for the X-CSRF-Token header, and token calls for none', async () => {
    const { client } = await hub.signedIn();
    const without = await client.request('/api/v1/me', { method: 'PATCH', json: { name: 'New name' } });
    expect(without.status).toBe(403);
    expect(without.headers.get('content-type')).toContain('application/problem+json');
    const withHeader = await client.request('/api/v1/me', {
      method: 'PATCH',
      json: { name: 'New name' },
      headers: { 'x-csrf-token': client.csrfToken() },
    });
    expect(withHeader.status).toBe(200);
    expect(JSON.parse(withHeader.text).name).toBe('New name');
  });
});

describe('forgotten password', () => {
  it('sends a single-use link that sets a new password and ends other sessions', async () => {
    const user = await hub.createUser();
    const other = await hub.signInAs(user);

    const client = hub.client();
    const res = await client.submit('/password/forgot', '/password/forgot', {
      email: user.email.toUpperCase(),
    });
    expect(res.status).toBe(200);
    await hub.deliverMail();
    const link = linkIn(await hub.smtp.next(user.email), BASE_URL);
    const form = await client.get(link);
    expect(form.status).toBe(200);
    const token = new URL(link).searchParams.get('token') ?? '';

    const tooShort = await client.request('/password/reset', { form: { token, password: 'short' } });
    expect(tooShort.status).toBe(422);
    expect(tooShort.text).toContain(`value="${token}"`);

    const done = await client.request('/password/reset', {
      form: { token, password: 'a brand new password' },
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe('/login');

    const reuse = await client.request('/password/reset', {
      form: { token, password: 'another new password' },
    });
    expect(reuse.status).toBe(400);
    expect(visibleText(reuse.text)).toContain('This link has already been used');

    expect((await other.get('/account')).status).toBe(303);
    expect(
      (await hub.client().submit('/login', '/login', { email: user.email, password: PASSWORD })).status,
    ).toBe(401);
    expect(
      (await hub.client().submit('/login', '/login', { email: user.email, password: 'a brand new password' }))
        .status,
    ).toBe(303);
  });

  it('refuses an expired reset link', async () => {
    const user = await hub.createUser();
    const client = hub.client();
    await client.submit('/password/forgot', '/password/forgot', { email: user.email });
    await hub.deliverMail();
    const link = linkIn(await hub.smtp.next(user.email), BASE_URL);
    await hub.deps.db
      .updateTable('user_tokens')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('user_id', '=', user.id)
      .execute();
    const res = await client.get(link);
    expect(res.status).toBe(400);
    expect(visibleText(res.text)).toContain('This link has expired');
    const token = new URL(link).searchParams.get('token') ?? '';
    const post = await client.request('/password/reset', {
      form: { token, password: 'a brand new password' },
    });
    expect(post.status).toBe(400);
  });

  it('says the same for unknown addresses and sends nothing', async () => {
    const before = hub.smtp.messages.length;
    const res = await hub
      .client()
      .submit('/password/forgot', '/password/forgot', { email: 'nobody-here@example.org' });
    expect(res.status).toBe(200);
    expect(visibleText(res.text)).toContain('If an account uses this address');
    await hub.deliverMail();
    expect(hub.smtp.to('nobody-here@example.org')).toHaveLength(0);
    expect(hub.smtp.messages.length).toBe(before);
  });

  it('limits reset requests per account', async () => {
    const user = await hub.createUser();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await hub.client().submit('/password/forgot', '/password/forgot', { email: user.email })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});

describe('the account page', () => {
  it('saves name, language and time zone, and refuses unknown values', async () => {
    const { user, client } = await hub.signedIn();
    const bad = await client.request('/account/profile', {
      form: { name: 'X', locale: 'xx', time_zone: 'Mars/Base' },
    });
    expectFormRefused(bad, ['This language is not available.', 'Choose a time zone from the list.']);
    const twoLines = await client.request('/account/profile', {
      form: { name: 'Two\nlines', locale: '', time_zone: '' },
    });
    expect(twoLines.status).toBe(422);
    expect(visibleText(twoLines.text)).toContain(ONE_LINE);
    const ok = await client.request('/account/profile', {
      form: { name: 'Bounmy', locale: 'lo', time_zone: 'Asia/Vientiane' },
    });
    expect(ok.status).toBe(303);
    const page = await client.get('/account');
    expect(page.text).toContain('<html lang="lo"');
    const row = await accountRow(hub, user.id);
    expect([row.name, row.locale, row.time_zone]).toEqual(['Bounmy', 'lo', 'Asia/Vientiane']);
  });

  it('changes the password only with the current one, and logs out other devices', async () => {
    const { user, client: phone } = await hub.signedIn();
    const laptop = await hub.signInAs(user);
    const wrong = await laptop.request('/account/password', {
      form: { current_password: 'not my password', new_password: 'another long password' },
    });
    expect(wrong.status).toBe(422);
    expect(visibleText(wrong.text)).toContain('This is not your current password.');
    const ok = await laptop.request('/account/password', {
      form: { current_password: PASSWORD, new_password: 'another long password' },
    });
    expect(ok.status).toBe(303);
    expect((await laptop.get('/account')).status).toBe(200);
    expect((await phone.get('/account')).status).toBe(303);
    await hub.deliverMail();
    expect((await hub.smtp.next(user.email)).subject).toBe('Your password on Creative Hub was changed');
  });

  it('changes the email address after the new address confirms it', async () => {
    const { user, client } = await hub.signedIn();
    const newEmail = uniqueEmail('moved');
    const res = await client.request('/account/email', {
      form: { new_email: newEmail, current_password: PASSWORD },
    });
    expect(res.status).toBe(303);
    await hub.deliverMail();
    const confirm = await hub.smtp.next(newEmail);
    expect(hub.smtp.to(user.email).at(-1)?.subject).toBe(
      'A change of email address was requested on Creative Hub',
    );
    const done = await client.get(linkIn(confirm, BASE_URL));
    expect(done.status).toBe(303);
    expect((await accountRow(hub, user.id)).email).toBe(newEmail);
    expect(await auditEntries(hub, { action: 'user.email_changed', subjectId: user.id })).not.toEqual([]);
  });

  it('does not move an account onto an address another account took meanwhile', async () => {
    const { client } = await hub.signedIn();
    const contested = uniqueEmail('contested');
    await client.request('/account/email', { form: { new_email: contested, current_password: PASSWORD } });
    await hub.deliverMail();
    const link = linkIn(await hub.smtp.next(contested), BASE_URL);
    await hub.createUser({ email: contested });
    const res = await client.get(link);
    expect(res.status).toBe(400);
    expect(visibleText(res.text)).toContain('Another account already uses this address.');
  });

  it('creates a personal API token shown once, stored hashed, usable and revocable', async () => {
    const { user, client } = await hub.signedIn();
    const created = await client.request('/account/tokens', { form: { name: 'monthly export' } });
    expect(created.status).toBe(200);
    const token = created.text.match(/id="new-token">(hub_[\w-]+)</)?.[1] ?? '';
    expect(token).toMatch(/^hub_[\w-]{40,}$/);
    const stored = await hub.deps.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await client.get('/account')).text).not.toContain(token);

    const api = hub.client();
    const me = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toMatchObject({ id: user.id, email: user.email, role: 'member' });
    // No CSRF header needed with a token.
    const patch = await api.request('/api/v1/me', {
      method: 'PATCH',
      json: { timeZone: 'Asia/Phnom_Penh' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(patch.status).toBe(200);

    await client.get('/account');
    const revoke = await client.request(`/account/tokens/${stored.id}/revoke`, { form: {} });
    expect(revoke.status).toBe(303);
    const after = await api.get('/api/v1/me', { authorization: `Bearer ${token}` });
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('Bearer');
  });

  it("cannot revoke someone else's token", async () => {
    const owner = await hub.createUser();
    const { id } = await (await import('../../platform/auth.ts')).createApiToken(
      hub.deps.db,
      owner.id,
      'mine',
    );
    const { client } = await hub.signedIn();
    const res = await client.request(`/account/tokens/${id}/revoke`, { form: {} });
    expect(res.status).toBe(404);
  });

  it('logs out everywhere', async () => {
    const { user, client: a } = await hub.signedIn();
    const b = await hub.signInAs(user);
    const res = await a.request('/account/sessions/end-all', { form: {} });
    expect(res.status).toBe(303);
    expect((await a.get('/account')).status).toBe(303);
    expect((await b.get('/account')).status).toBe(303);
  });

  it('deletes the account with the password, and keeps the last admin', async () => {
    const { user, client } = await hub.signedIn();
    const wrong = await client.request('/account/delete', { form: { current_password: 'nope nope nope' } });
    expect(wrong.status).toBe(422);
    const ok = await client.request('/account/delete', { form: { current_password: PASSWORD } });
    expect(ok.status).toBe(303);
    expect(
      await hub.deps.db.selectFrom('users').select('id').where('id', '=', user.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(
      await hub.deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute(),
    ).toHaveLength(0);

    const lone = await createTestPlatform();
    try {
      const { client: c } = await lone.signedIn('admin');
      const refused = await c.request('/account/delete', { form: { current_password: PASSWORD } });
      expect(refused.status).toBe(409);
      expect(visibleText(refused.text)).toContain('You are the only administrator');
    } finally {
      await lone.close();
    }
  });

  it('is only for people who are logged in', async () => {
    const client = hub.client();
    expect((await client.get('/account')).location).toBe('/login?next=%2Faccount');
    await client.get('/login');
    const post = await client.request('/account/profile', { form: { name: 'x', locale: '', time_zone: '' } });
    expect(post.status).toBe(401);
    const api = await client.get('/api/v1/me');
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.parse(api.text)).toMatchObject({ status: 401, title: 'Please log in' });
  });
});

describe('describeDevice', () => {
  it('names browser and system briefly', async () => {
    const { describeDevice } = await import('./device.ts');
    expect(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 13; SM-A045F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36',
      ),
    ).toBe('Chrome · Android');
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(describeDevice(null)).toBeNull();
  });
});

describe('session upkeep', () => {
  it('extends a session in use at most once an hour', async () => {
    const { user, client } = await hub.signedIn();
    const row = () =>
      hub.deps.db.selectFrom('sessions').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    /** The session as if last used `ms` ago. */
    const lastSeen = async (ms: number) => {
      const at = new Date(Date.now() - ms).toISOString();
      await hub.deps.db
        .updateTable('sessions')
        .set({ last_seen_at: at })
        .where('user_id', '=', user.id)
        .execute();
      return at;
    };
    await lastSeen(10 * 60_000);
    const before = await row();
    const quiet = await client.get('/account');
    expect(quiet.headers.getSetCookie().some((c) => c.startsWith('hub_session='))).toBe(false);
    expect((await row()).last_seen_at).toBe(before.last_seen_at);

    const twoHoursAgo = await lastSeen(2 * 3600_000);
    const renewed = await client.get('/account');
    expect(renewed.headers.getSetCookie().some((c) => c.startsWith('hub_session='))).toBe(true);
    const after = await row();
    expect(Date.parse(after.last_seen_at)).toBeGreaterThan(Date.parse(twoHoursAgo));
    expect(Date.parse(after.expires_at)).toBeGreaterThan(Date.parse(before.expires_at) - 1000);
  });

  it('ends an expired session', async () => {
    const { user, client } = await hub.signedIn();
    await hub.deps.db
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('user_id', '=', user.id)
      .execute();
    expect((await client.get('/account')).status).toBe(303);
  });
});
