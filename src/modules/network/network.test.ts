// The network's pages over HTTP: connecting (request, answer, withdraw, remove), writing without
// JavaScript (form, redirect, unread marker), block and report, every refusal (visitor, robot,
// not connected, someone else's conversation, too many writes), who met at an event and its
// drawing, "Find a partner", the member's data and the demo content.
import { describe, expect, it } from 'vitest';
import { PASSWORD, platformForFile, visibleText } from '../../../test/harness.ts';
import { systemContext } from '../../platform/actions.ts';
import { hitRateLimit } from '../../platform/rate-limit.ts';
import { enrol, QINGDAO } from '../events/participants/test-helpers.ts';
import { sendMessage } from './actions/messages.ts';
import { networkModule } from './index.ts';
import { connect, messagesBetween, useUpWrites } from './test-helpers.ts';
import { MESSAGES_PAGE, WRITE_LIMITS } from './vocab.ts';

const hub = await platformForFile({ seed: ['directory', 'people', 'events'] });
const member = (name: string) => hub.signedIn('member', { name });
const db = hub.deps.db;

const notificationsOf = (userId: number, kind: string) =>
  db
    .selectFrom('notifications')
    .select('url')
    .where('user_id', '=', userId)
    .where('kind', '=', kind)
    .execute();

describe('connecting and writing through the pages', async () => {
  const [ana, ben, chi] = await Promise.all([member('Ana Ang'), member('Ben Bui'), member('Chi Chau')]);

  it('asks with a note, is accepted, writes, and the other reads it with the unread marker', async () => {
    const form = await ana.client.get(`/network/members/${ben.user.id}/connect`);
    expect(visibleText(form.text)).toContain('Connect with Ben Bui');
    const asked = await ana.client.request(`/network/members/${ben.user.id}/connect`, {
      form: { message: 'We met in Qingdao', contact_website: '' },
    });
    expect(asked.status).toBe(303);
    expect(await notificationsOf(ben.user.id, 'network.connection-requested')).toHaveLength(1);

    const page = visibleText((await ben.client.get('/network')).text);
    expect(page).toContain('Requests for you (1)');
    expect(page).toContain('We met in Qingdao');
    const request = await db
      .selectFrom('network_connections')
      .select('id')
      .where('requester_id', '=', ana.user.id)
      .executeTakeFirstOrThrow();
    expect((await ben.client.request(`/network/requests/${request.id}/accept`, { form: {} })).status).toBe(
      303,
    );
    expect(await notificationsOf(ana.user.id, 'network.connection-accepted')).toHaveLength(1);
    expect(visibleText((await ana.client.get('/network')).text)).toContain('Connections (1)');

    expect((await ana.client.get(`/network/members/${ben.user.id}/write`)).status).toBe(200);
    const sent = await ana.client.request(`/network/members/${ben.user.id}/write`, {
      form: { body: 'Hello Ben,\nhere is the summary.', contact_website: '' },
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/network\/messages\/\d+#m\d+$/);
    expect(await notificationsOf(ben.user.id, 'network.message')).toHaveLength(1);

    expect(visibleText((await ben.client.get('/network/messages')).text)).toContain('Unread Ana Ang');
    const path = sent.location?.split('#')[0] ?? '';
    const first = visibleText((await ben.client.get(path)).text);
    expect(first).toContain('New messages');
    expect(first).toContain('here is the summary.');
    // Read once shown: no marker the second time.
    expect(visibleText((await ben.client.get(path)).text)).not.toContain('New messages');
    const reply = await ben.client.request(path, { form: { body: 'Thank you!', contact_website: '' } });
    expect(reply.status).toBe(303);
    expect((await messagesBetween(hub, ana.user.id, ben.user.id)).map((m) => m.body)).toEqual([
      'Hello Ben,\nhere is the summary.',
      'Thank you!',
    ]);
  });

  it('pages a long conversation, the newest at the bottom', async () => {
    const [pat, quy] = await Promise.all([member('Pat Pham'), member('Quy Quach')]);
    await connect(hub, pat.user, quy.user);
    const patUser = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', pat.user.id)
      .executeTakeFirstOrThrow();
    for (let i = 1; i <= MESSAGES_PAGE + 2; i++)
      await sendMessage(systemContext(hub.deps, 'seed', patUser), { to: quy.user.id, body: `Message ${i}.` });
    const conversation = await db
      .selectFrom('network_conversations')
      .select('id')
      .where('user_low', '=', Math.min(pat.user.id, quy.user.id))
      .where('user_high', '=', Math.max(pat.user.id, quy.user.id))
      .executeTakeFirstOrThrow();
    const newest = await quy.client.get(`/network/messages/${conversation.id}`);
    const text = visibleText(newest.text);
    expect(text).not.toContain('Message 2.');
    expect(text.indexOf('Message 3.')).toBeLessThan(text.indexOf(`Message ${MESSAGES_PAGE + 2}.`));
    const older = newest.text.match(/href="(\/network\/messages\/\d+\?before=\d+)"/)?.[1] ?? '';
    const back = visibleText((await quy.client.get(older)).text);
    expect(back).toContain('Message 1.');
    expect(back).toContain('Message 2.');
    expect(back).not.toContain('Message 3.');
  });

  it('sends a visitor to sign in', async () => {
    for (const path of ['/network', '/network/messages', `/network/members/${ana.user.id}/connect`]) {
      const res = await hub.client().get(path);
      expect(res.status, path).toBe(303);
      expect(res.location).toContain('/login');
    }
  });

  it('declines, withdraws and removes, forgetting the request each time', async () => {
    const [dan, eva] = await Promise.all([member('Dan Do'), member('Eva Em')]);
    await dan.client.request(`/network/members/${eva.user.id}/connect`, { form: { message: '' } });
    const row = () =>
      db
        .selectFrom('network_connections')
        .selectAll()
        .where('requester_id', '=', dan.user.id)
        .executeTakeFirst();
    const first = await row();
    expect((await eva.client.request(`/network/requests/${first?.id}/decline`, { form: {} })).status).toBe(
      303,
    );
    expect(await row()).toBeUndefined();
    await dan.client.request(`/network/members/${eva.user.id}/connect`, { form: { message: '' } });
    // Only the asker withdraws; the other gets "already answered" (409).
    const second = await row();
    expect((await eva.client.request(`/network/requests/${second?.id}/withdraw`, { form: {} })).status).toBe(
      409,
    );
    expect((await dan.client.request(`/network/requests/${second?.id}/withdraw`, { form: {} })).status).toBe(
      303,
    );
    expect(await row()).toBeUndefined();
    await connect(hub, dan.user, eva.user);
    expect((await eva.client.request(`/network/members/${dan.user.id}/remove`, { form: {} })).status).toBe(
      303,
    );
    expect(
      await db.selectFrom('network_connections').select('id').where('user_low', '=', dan.user.id).execute(),
    ).toEqual([]);
  });

  it('refuses a suspended member’s message (the moderation module’s rule), keeping the draft', async () => {
    const [dee, eve] = await Promise.all([member('Dee Duong'), member('Eve Em')]);
    await connect(hub, dee.user, eve.user);
    await db
      .insertInto('member_suspensions')
      .values({
        user_id: dee.user.id,
        until: new Date(Date.now() + 86_400_000).toISOString(),
        reason: 'Insults in messages',
        created_by: null,
        created_at: new Date().toISOString(),
        lifted_at: null,
        lifted_by: null,
      })
      .execute();
    await dee.client.get(`/network/members/${eve.user.id}/write`);
    const refused = await dee.client.request(`/network/members/${eve.user.id}/write`, {
      form: { body: 'A draft kept while suspended', contact_website: '' },
    });
    expect(refused.status).toBe(403);
    expect(visibleText(refused.text)).toContain('Insults in messages');
    expect(refused.text).toContain('A draft kept while suspended');
    expect(await messagesBetween(hub, dee.user.id, eve.user.id)).toHaveLength(0);
  });

  it('refuses a form a robot filled in (the platform honeypot), storing nothing', async () => {
    const res = await chi.client.request(`/network/members/${ana.user.id}/connect`, {
      form: { message: 'Cheap watches', contact_website: 'http://spam.example' },
    });
    expect(res.status).toBe(400);
    expect(visibleText(res.text)).toContain('only a program fills it');
    expect(
      await db
        .selectFrom('network_connections')
        .select('id')
        .where('requester_id', '=', chi.user.id)
        .execute(),
    ).toEqual([]);
  });

  it('refuses a message to a member one is not connected with, keeping the draft', async () => {
    const res = await chi.client.request(`/network/members/${ana.user.id}/write`, {
      form: { body: 'Hi Ana' },
    });
    expect(res.status).toBe(403);
    expect(visibleText(res.text)).toContain('only to members you are connected with');
    expect(await messagesBetween(hub, chi.user.id, ana.user.id)).toEqual([]);
  });

  it('answers 404 to someone opening or writing in another pair’s conversation', async () => {
    const conversation = await db
      .selectFrom('network_conversations')
      .select('id')
      .where('user_low', '=', Math.min(ana.user.id, ben.user.id))
      .executeTakeFirstOrThrow();
    expect((await chi.client.get(`/network/messages/${conversation.id}`)).status).toBe(404);
    expect(
      (await chi.client.request(`/network/messages/${conversation.id}`, { form: { body: 'x' } })).status,
    ).toBe(404);
  });

  it('answers too many writes with 429, Retry-After and the draft kept', async () => {
    const [fay, gus] = await Promise.all([member('Fay Fong'), member('Gus Giang')]);
    await connect(hub, fay.user, gus.user);
    await useUpWrites(hub, fay.user.id);
    const res = await fay.client.request(`/network/members/${gus.user.id}/write`, {
      form: { body: 'My long draft' },
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(visibleText(res.text)).toContain('what you wrote is kept');
    expect(res.text).toContain('My long draft');
  });

  it('counts writes per address too, whichever account writes', async () => {
    const [ria, sam] = await Promise.all([member('Ria Ro'), member('Sam Su')]);
    await connect(hub, ria.user, sam.user);
    ria.client.ip = '10.99.0.1';
    for (let i = 0; i < WRITE_LIMITS.perAddress.limit; i++)
      await hitRateLimit(db, WRITE_LIMITS.perAddress, ria.client.ip);
    const res = await ria.client.request(`/network/members/${sam.user.id}/write`, {
      form: { body: 'From a busy address' },
    });
    expect(res.status).toBe(429);
    expect(res.text).toContain('From a busy address');
  });

  it('blocks: the blocked member can neither ask nor write, and the blocker no longer lists them', async () => {
    const [hoa, ian] = await Promise.all([member('Hoa Ha'), member('Ian Ito')]);
    await connect(hub, hoa.user, ian.user);
    expect((await hoa.client.request(`/network/members/${ian.user.id}/block`, { form: {} })).status).toBe(
      303,
    );
    const asked = await ian.client.request(`/network/members/${hoa.user.id}/connect`, {
      form: { message: 'Please' },
    });
    expect(asked.status).toBe(403);
    expect(asked.text).toContain('Please');
    expect(
      (await ian.client.request(`/network/members/${hoa.user.id}/write`, { form: { body: 'Hi' } })).status,
    ).toBe(403);
    const mine = visibleText((await hoa.client.get('/network')).text);
    expect(mine).toContain('Connections (0)');
    expect(mine).toContain('Members you blocked');
    expect((await hoa.client.request(`/network/members/${ian.user.id}/unblock`, { form: {} })).status).toBe(
      303,
    );
    expect(visibleText((await hoa.client.get('/network')).text)).not.toContain('Members you blocked');
  });

  it('reports a received message to the moderators, with its text; the sender cannot', async () => {
    const message = await db
      .selectFrom('network_messages')
      .select('id')
      .where('sender_id', '=', ana.user.id)
      .executeTakeFirstOrThrow();
    const key = String(message.id);
    expect((await ana.client.get(`/report?type=network-message&key=${key}`)).status).toBe(404);
    await ben.client.get(`/report?type=network-message&key=${key}`);
    const filed = await ben.client.request('/report', {
      form: { type: 'network-message', key, reason: 'spam', message: '' },
    });
    expect(filed.status).toBe(303);
    const report = await db
      .selectFrom('reports')
      .select('target_title')
      .where('target_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(report.target_title).toContain('Ana Ang: Hello Ben, here is the summary.');
    // The moderators read that message alone, once reported; nobody else, and no other message.
    const moderator = await hub.signedIn('moderator');
    const page = await moderator.client.get(`/network/reported/${key}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('here is the summary.');
    expect((await chi.client.get(`/network/reported/${key}`)).status).toBe(404);
    const other = await db
      .selectFrom('network_messages')
      .select('id')
      .where('sender_id', '=', ben.user.id)
      .executeTakeFirstOrThrow();
    expect((await moderator.client.get(`/network/reported/${other.id}`)).status).toBe(404);
  });
});

describe('met at an event', async () => {
  const [kim, lan, may] = await Promise.all([member('Kim Kha'), member('Lan Le'), member('May Mo')]);
  await enrol(hub, QINGDAO, kim.user.id, { name: 'Kim Kha', networking_consent: 1 });
  await enrol(hub, QINGDAO, lan.user.id, { name: 'Lan Le', networking_consent: 0 });
  const person = await db
    .selectFrom('people')
    .select(['id', 'slug'])
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('event_participants')
    .set({ person_id: person.id })
    .where('user_id', '=', kim.user.id)
    .execute();

  it('shows a participant who consented, the drawing and its table; not who did not consent', async () => {
    const res = await lan.client.get(`/events/${QINGDAO}/network`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<svg role="img" aria-labelledby="network-graph-title" viewBox="0 0 400 400"/);
    const text = visibleText(res.text);
    const list = text.slice(text.indexOf('Who took part'));
    expect(list).toContain('Kim Kha');
    expect(list).not.toContain('Lan Le');
    expect(text).toContain('Kind of organisation');
    expect(res.text).toContain(`/network/members/${kim.user.id}/connect`);
  });

  it('refuses those who did not take part, and sends visitors to sign in', async () => {
    expect((await may.client.get(`/events/${QINGDAO}/network`)).status).toBe(403);
    expect((await hub.client().get(`/events/${QINGDAO}/network`)).status).toBe(303);
    expect((await may.client.get('/events/no-such-event/network')).status).toBe(404);
  });

  it('links the event page to it for participants only', async () => {
    expect(visibleText((await lan.client.get(`/events/${QINGDAO}`)).text)).toContain(
      'The network of the participants',
    );
    expect(visibleText((await may.client.get(`/events/${QINGDAO}`)).text)).not.toContain(
      'The network of the participants',
    );
  });

  it('lists the event on the person’s page for signed-in members, not for visitors', async () => {
    const path = `/directory/people/${person.slug}`;
    expect(visibleText((await may.client.get(path)).text)).toContain('Met at');
    expect(visibleText((await hub.client().get(path)).text)).not.toContain('Met at');
  });
});

describe('find a partner', () => {
  it('lists organisations and people by the filters in the address', async () => {
    const text = visibleText((await hub.client().get('/network/find?country=LA')).text);
    expect(text).toContain('STELLA');
    expect(text).toContain('Viengeo Souksavatdy');
  });

  it('asks for a filter first, and says a kind narrows organisations only', async () => {
    expect(visibleText((await hub.client().get('/network/find')).text)).toContain(
      'Choose at least one filter',
    );
    const text = visibleText((await hub.client().get('/network/find?kind=government&country=LA')).text);
    expect(text).toContain('narrows the organisations only');
    expect(text).not.toContain('STELLA');
  });
});

describe('the member’s data', () => {
  it('is in "download my data", and goes with the account', async () => {
    const [nam, oli] = await Promise.all([member('Nam Ngo'), member('Oli Oh')]);
    await connect(hub, nam.user, oli.user);
    await nam.client.request(`/network/members/${oli.user.id}/write`, { form: { body: 'Keep this' } });
    const exported = JSON.parse((await nam.client.get('/account/export.json')).text);
    expect(exported.modules.network.connections).toMatchObject([{ member: oli.user.id, status: 'accepted' }]);
    expect(exported.modules.network.conversations[0].messages).toMatchObject([
      { fromMe: true, body: 'Keep this' },
    ]);

    await nam.client.get('/account');
    const deleted = await nam.client.request('/account/delete', { form: { current_password: PASSWORD } });
    expect(deleted.status).toBe(303);
    expect(
      await db
        .selectFrom('network_connections')
        .select('id')
        .where('user_high', 'in', [nam.user.id, oli.user.id])
        .execute(),
    ).toEqual([]);
    expect(await messagesBetween(hub, nam.user.id, oli.user.id)).toEqual([]);
  });
});

describe('the demo content', () => {
  it('connects demo members who met in Qingdao and lets two of them write', async () => {
    const emails = [
      'qingdao.observer@example.org',
      'siemreap.member@example.org',
      'bagan.member@example.org',
    ];
    const accounts = [];
    for (const email of emails) accounts.push(await hub.createUser({ email }));
    const [observer, siemreap] = accounts;
    await networkModule.seed?.({ deps: hub.deps, seedDir: '' });
    await networkModule.seed?.({ deps: hub.deps, seedDir: '' });
    const statuses = await db
      .selectFrom('network_connections')
      .select('status')
      .where(
        'requester_id',
        'in',
        accounts.map((a) => a.id),
      )
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(['accepted', 'accepted', 'pending']);
    expect(await messagesBetween(hub, observer?.id ?? 0, siemreap?.id ?? 0)).toHaveLength(3);
    const client = await hub.signInAs({ id: observer?.id ?? 0 });
    const res = await client.get(`/events/${QINGDAO}/network`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('<line');
  });
});
