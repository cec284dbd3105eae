// Consultation rounds through the whole app, on SQLite or PostgreSQL: a coordinator opens a
// section's text for comments (to every member, or to a group: the Lao QPR working team of the demo);
// members comment on a paragraph, saying if they wish whom they speak for and their gender; the team
// sees who took part by kind of organisation and gender; the job closes the round at its date.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { nowIso, todayUtc } from '../../platform/time.ts';
import { closeDueRounds } from './consultations.ts';
import { LAO, laoTeam, sectionOf } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory', 'events', 'library', 'policies', 'groups', 'qpr'] });
const { coordinator, contributor, stella, mict, outsider } = await laoTeam(hub);
const CONSULTATION = sectionOf('consultation');
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const group = await hub.deps.db
  .selectFrom('groups')
  .select(['id', 'slug'])
  .where('name', '=', 'Lao PDR QPR working team')
  .executeTakeFirstOrThrow();
await hub.deps.db
  .insertInto('group_members')
  .values({ group_id: group.id, user_id: mict.user.id, role: 'member', created_at: nowIso() })
  .execute();

async function open(fields: Record<string, string>) {
  await coordinator.client.get(CONSULTATION);
  return coordinator.client.request(`${CONSULTATION}/consultations`, {
    form: { audience: 'everyone', group: '', closes_on: todayUtc(), ...fields },
  });
}
const comment = (who: typeof outsider, path: string, form: Record<string, string>) =>
  who.client.request(path, { form: { paragraph: '0', organisation: '', gender: '', body: '', ...form } });

describe('consultation rounds', () => {
  it('are opened by a coordinator only, on a written section, closing today or later', async () => {
    expect((await open({ closes_on: '2020-01-01' })).status).toBe(422);
    const noGroup = await open({ audience: 'group', group: 'no-such-group' });
    expect(noGroup.status).toBe(422);
    expect(visibleText(noGroup.text)).toContain('No group of the hub has this address.');
    const opened = await open({});
    expect(opened.status).toBe(303);
    await coordinator.client.get(sectionOf('summary'));
    const unwritten = await coordinator.client.request(`${sectionOf('summary')}/consultations`, {
      form: { audience: 'everyone', group: '', closes_on: tomorrow },
    });
    expect(unwritten.status).toBe(422);
    expect(
      (
        await contributor.client.request(`${CONSULTATION}/consultations`, {
          form: { audience: 'everyone', closes_on: tomorrow },
        })
      ).status,
    ).toBe(404);
  });

  it('take comments on a paragraph from every member, and count who took part', async () => {
    const round = await hub.deps.db.selectFrom('qpr_rounds').select('id').executeTakeFirstOrThrow();
    const path = `${LAO}/consultations/${round.id}`;
    const visitor = await hub.client().get(path);
    expect(visitor.status).toBe(303);
    expect(visitor.location).toContain('/login');
    const page = await outsider.client.get(`${path}?p=2`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('id="p-2"');
    expect(visibleText(page.text)).toContain('64 participants');
    expect(visibleText(page.text)).not.toContain('Who took part');
    expect(visibleText((await outsider.client.get('/qpr')).text)).toContain('Consultations open to you');

    expect(
      (await comment(outsider, path, { paragraph: '1', gender: 'woman', body: 'Name the ministries.' }))
        .status,
    ).toBe(303);
    await stella.client.get(path);
    const stellaId = (
      await hub.deps.db
        .selectFrom('organisations')
        .select('id')
        .where('slug', '=', 'stella')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await comment(stella, path, {
          organisation: String(stellaId),
          gender: 'man',
          body: 'STELLA took part in 2017.',
        })
      ).status,
    ).toBe(303);
    await mict.client.get(path);
    const notMine = await comment(mict, path, { organisation: String(stellaId), body: 'As STELLA' });
    expect(notMine.status).toBe(422);
    expect(notMine.text).toContain('As STELLA');
    expect((await comment(mict, path, { paragraph: '99', body: 'Nowhere' })).status).toBe(422);
    expect((await comment(mict, path, { body: '' })).status).toBe(422);

    const read = visibleText((await coordinator.client.get(path)).text);
    expect(read).toContain('Name the ministries.');
    expect(read).toContain('2 people, 2 comments');
    expect(read).toMatch(/Creative hub or space: 1/);
    expect(read).toMatch(/In their own name: 1/);
    expect(read).toMatch(/Woman: 1/);
    expect(read).toMatch(/Man: 1/);
  });

  it('to a group are the group’s: 404 to others', async () => {
    expect((await open({ audience: 'group', group: group.slug, closes_on: tomorrow })).status).toBe(303);
    const round = await hub.deps.db
      .selectFrom('qpr_rounds')
      .select('id')
      .where('audience', '=', 'group')
      .executeTakeFirstOrThrow();
    const path = `${LAO}/consultations/${round.id}`;
    expect((await outsider.client.get(path)).status).toBe(404);
    expect((await comment(outsider, path, { body: 'Let me in' })).status).toBe(404);
    expect((await mict.client.get(path)).status).toBe(200);
    expect((await comment(mict, path, { body: 'From the working team.' })).status).toBe(303);
  });

  it('are closed by the job after their closing day, and then refuse comments (409)', async () => {
    expect(await closeDueRounds(hub.deps, tomorrow)).toBe(1);
    expect(await closeDueRounds(hub.deps, tomorrow)).toBe(0);
    const round = await hub.deps.db
      .selectFrom('qpr_rounds')
      .select('id')
      .where('status', '=', 'closed')
      .executeTakeFirstOrThrow();
    const path = `${LAO}/consultations/${round.id}`;
    await outsider.client.get(path);
    expect((await comment(outsider, path, { body: 'Too late' })).status).toBe(409);
    expect(visibleText((await outsider.client.get(path)).text)).toContain('Closed on');
  });
});

describe('the country team', () => {
  it('coordinates the report through its group: its coordinator does, its other members do not', async () => {
    const lead = await hub.signedIn('member', { name: 'Working Team Lead' });
    await hub.deps.db
      .insertInto('group_members')
      .values({ group_id: group.id, user_id: lead.user.id, role: 'coordinator', created_at: nowIso() })
      .execute();
    expect((await lead.client.get(LAO)).status).toBe(200);
    await lead.client.get(sectionOf('summary'));
    const assigned = await lead.client.request(`${sectionOf('summary')}/assign`, {
      form: { assignee: contributor.user.email, due_on: '' },
    });
    expect(assigned.status).toBe(303);
    expect(visibleText((await lead.client.get('/qpr')).text)).toContain('coordinator');
    // A plain member of the team group coordinates nothing (and was assigned nothing).
    expect((await mict.client.get(LAO)).status).toBe(404);
  });
});
