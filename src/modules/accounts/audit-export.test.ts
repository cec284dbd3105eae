// What the module kit gives the account pages, through the whole app on SQLite or PostgreSQL: names
// with control characters refused with a message (page and API), the audit entries of the actions
// (who acted, and that the API did), and "download my data" gathering every module's part.
import { describe, expect, it } from 'vitest';
import { auditEntries } from '../../../test/audit.ts';
import { PASSWORD, platformForFile, type TestClient } from '../../../test/harness.ts';
import { accountRow } from '../../../test/records.ts';
import { expectFormRefused, ONE_LINE } from '../../../test/refusals.ts';
import type { HubModule } from '../../platform/context.ts';

// A module holding something of each member, as events, directory or library do.
const notebook: HubModule = {
  id: 'notebook',
  accountExport: async (_db, userId) => ({ notes: [`note of ${userId}`] }),
};

const hub = await platformForFile({ extraModules: [notebook] });

/** PATCH /api/v1/me from the browser session (with its CSRF token, as the page's script would). */
const patchMe = (client: TestClient, json: Record<string, unknown>) =>
  client.request('/api/v1/me', { method: 'PATCH', json, headers: { 'x-csrf-token': client.csrfToken() } });

const auditOf = (userId: number, action: string) =>
  auditEntries(hub, { subjectType: 'user', subjectId: userId, action });

describe('names with control characters', () => {
  it('are refused on the registration form with a message, the rest kept', async () => {
    const res = await hub.client().submit('/register', '/register', {
      name: 'Souphanh\u0007Keomany',
      email: 'control@example.org',
      password: PASSWORD,
    });
    expectFormRefused(res, [ONE_LINE], ['value="control@example.org"']);
  });

  it('are refused through the API with the form’s message, and nothing is saved', async () => {
    const { user, client } = await hub.signedIn();
    const api = await patchMe(client, { name: 'Tab\there' });
    expect(api.status).toBe(422);
    expect(JSON.parse(api.text).errors).toEqual({
      name: 'Write this on one line, without tabs or control characters.',
    });
    expect((await accountRow(hub, user.id)).name).not.toMatch(/[\n\t]/);
  });
});

describe('the audit entries of the actions', () => {
  it('records a login as done by the account itself, from its address', async () => {
    const user = await hub.createUser();
    const client = hub.client();
    await client.login(user.email);
    const [entry] = await auditOf(user.id, 'user.logged_in');
    expect(entry).toMatchObject({ actor_id: user.id, ip: client.ip });
    expect(entry?.request_id).toBeTruthy();
  });

  it('says when a change came through the API, and keeps what PATCH does not send', async () => {
    const { user, client } = await hub.signedIn('member', { locale: 'km', timeZone: 'Asia/Phnom_Penh' });
    const res = await patchMe(client, { name: 'Renamed by script' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      name: 'Renamed by script',
      locale: 'km',
      timeZone: 'Asia/Phnom_Penh',
    });
    const [entry] = await auditOf(user.id, 'user.renamed');
    expect(entry?.actor_id).toBe(user.id);
    expect(entry?.details).toMatchObject({ to: 'Renamed by script', via: 'api' });
    // null clears the language; the form's own rules apply to what is sent.
    const cleared = await patchMe(client, { locale: null });
    expect(JSON.parse(cleared.text)).toMatchObject({ locale: null, timeZone: 'Asia/Phnom_Penh' });
  });
});

describe('download my data', () => {
  it('holds the account without secrets and, under each module’s id, what it holds of the member', async () => {
    const { user, client } = await hub.signedIn();
    const res = await client.get('/account/export.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="creative-hub-account-${user.id}.json"`,
    );
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const data = JSON.parse(res.text);
    expect(data.account).toMatchObject({ id: user.id, email: user.email });
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.modules.notebook).toEqual({ notes: [`note of ${user.id}`] });
    expect(res.text).not.toContain('password_hash');
    expect(res.text).not.toContain('argon2');
  });

  it('is only for the signed-in member', async () => {
    const res = await hub.client().get('/account/export.json');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/login?next=%2Faccount%2Fexport.json');
  });
});
