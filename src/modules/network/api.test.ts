// /api/v1/network over HTTP with personal tokens: the journey (request, accept, write, read) and
// every refusal: not signed in, a blocked member, a member not connected, someone else's
// conversation, too many writes, a body that is not valid.
import { describe, expect, it } from 'vitest';
import { api } from '../../../test/api.ts';
import { platformForFile } from '../../../test/harness.ts';
import { connect, useUpWrites } from './test-helpers.ts';

const hub = await platformForFile();
const member = () => hub.signedInWithToken('member');

describe('the network API', async () => {
  const [ana, ben, chi] = await Promise.all([member(), member(), member()]);

  it('asks, accepts, writes and reads a conversation', async () => {
    const asked = await api(hub, ana.token, 'POST', '/api/v1/network/connections', {
      to: ben.user.id,
      message: 'We met in Qingdao',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('pending');
    const incoming = await api(hub, ben.token, 'GET', '/api/v1/network/connections');
    expect(incoming.body.incoming).toMatchObject([{ id: asked.body.id, message: 'We met in Qingdao' }]);
    expect(
      (await api(hub, ben.token, 'POST', `/api/v1/network/connections/${asked.body.id}/accept`)).status,
    ).toBe(204);

    const sent = await api(hub, ana.token, 'POST', '/api/v1/network/messages', {
      to: ben.user.id,
      body: 'Hello Ben',
    });
    expect(sent.status).toBe(201);
    const list = await api(hub, ben.token, 'GET', '/api/v1/network/conversations');
    expect(list.body.items).toMatchObject([{ id: sent.body.conversation, unread: true }]);
    const read = await api(hub, ben.token, 'GET', `/api/v1/network/conversations/${sent.body.conversation}`);
    expect(read.status).toBe(200);
    expect(read.body.items).toMatchObject([{ body: 'Hello Ben', fromMe: false }]);
  });

  it('refuses a visitor (401)', async () => {
    expect((await api(hub, null, 'GET', '/api/v1/network/connections')).status).toBe(401);
    expect(
      (await api(hub, null, 'POST', '/api/v1/network/messages', { to: ben.user.id, body: 'x' })).status,
    ).toBe(401);
  });

  it('refuses a message to a member one is not connected with (403)', async () => {
    const res = await api(hub, chi.token, 'POST', '/api/v1/network/messages', {
      to: ana.user.id,
      body: 'Hi',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a message and a request from a member who is blocked (403)', async () => {
    const [dao, eli] = await Promise.all([member(), member()]);
    await connect(hub, dao.user, eli.user);
    expect((await api(hub, dao.token, 'PUT', `/api/v1/network/blocks/${eli.user.id}`)).status).toBe(204);
    const message = await api(hub, eli.token, 'POST', '/api/v1/network/messages', {
      to: dao.user.id,
      body: 'Hi',
    });
    expect(message.status).toBe(403);
    const request = await api(hub, eli.token, 'POST', '/api/v1/network/connections', { to: dao.user.id });
    expect(request.status).toBe(403);
    // The blocker's side no longer lists them.
    expect((await api(hub, dao.token, 'GET', '/api/v1/network/connections')).body.connections).toEqual([]);
  });

  it('answers 404 to someone reading another pair’s conversation', async () => {
    const list = await api(hub, ana.token, 'GET', '/api/v1/network/conversations');
    const id = (list.body.items as { id: number }[])[0]?.id;
    expect(id).toBeDefined();
    expect((await api(hub, chi.token, 'GET', `/api/v1/network/conversations/${id}`)).status).toBe(404);
  });

  it('refuses a write past the limit with 429 and Retry-After', async () => {
    const [fay, gus] = await Promise.all([member(), member()]);
    await connect(hub, fay.user, gus.user);
    await useUpWrites(hub, fay.user.id);
    const res = await api(hub, fay.token, 'POST', '/api/v1/network/messages', {
      to: gus.user.id,
      body: 'One more',
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses an empty message (422) and a second request (409)', async () => {
    const empty = await api(hub, ana.token, 'POST', '/api/v1/network/messages', {
      to: ben.user.id,
      body: ' ',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toHaveProperty('body');
    const again = await api(hub, chi.token, 'POST', '/api/v1/network/connections', { to: ana.user.id });
    expect(again.status).toBe(201);
    expect(
      (await api(hub, chi.token, 'POST', '/api/v1/network/connections', { to: ana.user.id })).status,
    ).toBe(409);
    // Only the member asked may accept.
    const id = again.body.id;
    expect((await api(hub, chi.token, 'POST', `/api/v1/network/connections/${id}/accept`)).status).toBe(409);
    expect((await api(hub, ben.token, 'POST', `/api/v1/network/connections/${id}/accept`)).status).toBe(404);
    expect((await api(hub, chi.token, 'POST', `/api/v1/network/connections/${id}/withdraw`)).status).toBe(
      204,
    );
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await api(hub, null, 'GET', '/api/v1/openapi.json');
    const paths = Object.keys(doc.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining(['/network/connections', '/network/messages', '/network/conversations/{id}']),
    );
  });
});
