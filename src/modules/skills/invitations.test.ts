// Invitations: a group's members invited to a survey of the group (a notification each, once), a
// reminder job queued, and the reminder told only to those who have not submitted, once; and the
// refusals (a draft survey, a group one does not coordinate, a member who does not run the survey).
import { describe, expect, it } from 'vitest';
import { platformForFile, type TestClient, visibleText } from '../../../test/harness.ts';
import { notifiedUsers } from '../../../test/notified.ts';
import { remindInvited } from './invitations.ts';
import { answerAll, type Plan } from './test-helpers.ts';

const hub = await platformForFile();
const { client: coordinator } = await hub.signedIn('editor', { name: 'Group Coordinator' });
const members = await Promise.all([1, 2, 3].map((i) => hub.signedIn('member', { name: `Member ${i}` })));

async function startGroup(client: TestClient, name: string): Promise<number> {
  const res = await client.submit('/groups/new', '/groups/new', {
    name,
    lang: 'en',
    description: 'Artisans of the night market.',
    kind: 'working_group',
    visibility: 'private',
    country: '',
    organisation: '',
  });
  expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
  const slug = (res.location ?? '').replace('/groups/', '');
  return (
    await hub.deps.db.selectFrom('groups').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  ).id;
}

const groupId = await startGroup(coordinator, 'Night market artisans');
const now = new Date().toISOString();
await hub.deps.db
  .insertInto('group_members')
  .values(
    members.map((m) => ({ group_id: groupId, user_id: m.user.id, role: 'member' as const, created_at: now })),
  )
  .execute();

async function groupSurvey(title: string, open: boolean): Promise<{ slug: string; id: number }> {
  await coordinator.get('/skills/surveys/new');
  const res = await coordinator.request('/skills/surveys/new', {
    form: {
      title,
      lang: 'en',
      owner: `group:${groupId}`,
      framework: 'digcomp-2-2-creative',
      countries: ['LA'],
      intro: '',
    },
  });
  expect(res.status, visibleText(res.text).slice(0, 300)).toBe(303);
  const slug = res.location?.split('/').pop() ?? '';
  if (open) {
    await coordinator.get(`/skills/surveys/${slug}`);
    await coordinator.request(`/skills/surveys/${slug}/status`, { form: { status: 'open' } });
  }
  const { id } = await hub.deps.db
    .selectFrom('skill_surveys')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return { slug, id };
}

describe('inviting a group', () => {
  it('tells each member once, queues a reminder, and reminds only those who have not submitted', async () => {
    const { slug, id } = await groupSurvey('Night market digital skills', true);
    const page = await coordinator.get(`/skills/surveys/${slug}`);
    expect(visibleText(page.text)).toContain(`http://hub.test/skills/surveys/${slug}`);
    const res = await coordinator.request(`/skills/surveys/${slug}/invite`, {
      form: { group: String(groupId) },
    });
    expect(res.status).toBe(303);
    expect(await notifiedUsers(hub.deps.db, 'skills.invited', id)).toEqual(
      members.map((m) => m.user.id).sort((a, b) => a - b),
    );
    // Inviting again invites nobody twice.
    await coordinator.request(`/skills/surveys/${slug}/invite`, { form: { group: String(groupId) } });
    expect(await notifiedUsers(hub.deps.db, 'skills.invited', id)).toHaveLength(3);
    const job = await hub.deps.db
      .selectFrom('jobs')
      .select(['name', 'run_at'])
      .where('unique_key', '=', `skills.remind:${id}`)
      .executeTakeFirstOrThrow();
    expect(job.name).toBe('skills.remind');
    expect(new Date(job.run_at).getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);

    // The first member answers, signed in; the second starts and leaves a draft.
    const plan: Plan = { role: 'artisan', country: 'LA', importance: 3, level: 2 };
    await answerAll(hub, members[0]?.client as TestClient, slug, plan);
    await members[1]?.client.get(`/skills/surveys/${slug}`);
    await members[1]?.client.request(`/skills/surveys/${slug}/start`, { form: {} });
    expect(await remindInvited(hub.deps, id)).toBe(2);
    const waiting = [members[1]?.user.id as number, members[2]?.user.id as number];
    expect(await notifiedUsers(hub.deps.db, 'skills.reminder', id)).toEqual(waiting.sort((a, b) => a - b));
    // Once.
    expect(await remindInvited(hub.deps, id)).toBe(0);
  });

  it('refuses a draft survey, a group one does not coordinate, and someone who does not run the survey', async () => {
    const draft = await groupSurvey('Not yet open', false);
    await coordinator.get(`/skills/surveys/${draft.slug}`);
    expect(
      (
        await coordinator.request(`/skills/surveys/${draft.slug}/invite`, {
          form: { group: String(groupId) },
        })
      ).status,
    ).toBe(409);
    const open = await groupSurvey('Open one', true);
    expect(
      (await coordinator.request(`/skills/surveys/${open.slug}/invite`, { form: { group: '999999' } }))
        .status,
    ).toBe(422);
    const member = members[2]?.client as TestClient;
    await member.get(`/skills/surveys/${open.slug}`);
    expect(
      (await member.request(`/skills/surveys/${open.slug}/invite`, { form: { group: String(groupId) } }))
        .status,
    ).toBe(403);
    const visitor = hub.client();
    await visitor.get(`/skills/surveys/${open.slug}`);
    expect(
      (await visitor.request(`/skills/surveys/${open.slug}/invite`, { form: { group: String(groupId) } }))
        .status,
    ).toBe(401);
  });
});
