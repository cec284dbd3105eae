// The administration's jobs page: administrators only; the recurring jobs, the queue and the
// failures with their errors; the overview's count.
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { enqueueJob, JobRunner, jobKinds } from '../../platform/jobs/index.ts';

const hub = await platformForFile();
const { client: admin } = await hub.signedIn('admin');

describe('the jobs page', () => {
  it('sends visitors to the login page and refuses members, editors and moderators', async () => {
    const visitor = await hub.client().get('/admin/jobs');
    expect(visitor.status).toBe(303);
    expect(visitor.location).toBe('/login?next=%2Fadmin%2Fjobs');
    for (const role of ['member', 'editor', 'moderator'] as const) {
      const { client } = await hub.signedIn(role);
      expect((await client.get('/admin/jobs')).status).toBe(403);
    }
  });

  it('shows the recurring jobs, what waits and what failed, with its error', async () => {
    await new JobRunner(hub.deps, jobKinds(hub.deps.modules)).ensureRecurring();
    await enqueueJob(
      hub.deps.db,
      'events.reminder',
      { event: 7 },
      { runAt: new Date('2099-01-01T00:00:00Z') },
    );
    const failing = new JobRunner(hub.deps, [
      {
        name: 'test.mailing',
        run: async () => {
          throw new Error('the relay refused <script>alert(1)</script>');
        },
      },
    ]);
    await enqueueJob(hub.deps.db, 'test.mailing', {}, { maxAttempts: 1 });
    expect((await failing.runDue()).map((o) => o.ok)).toEqual([false]);

    const page = await admin.get('/admin/jobs');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Scheduled jobs');
    expect(text).toMatch(/Failed \(1\)/);
    expect(text).toContain('test.mailing');
    expect(text).toContain('the relay refused <script>alert(1)</script>');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(text).toMatch(/Recurring \(5\)/);
    expect(text).toContain('news.publish-due');
    expect(text).toContain('Every minute');
    expect(text).toContain('Daily at 03:00 (UTC)');
    expect(text).toMatch(/Waiting \(1\)/);
    expect(text).toContain('events.reminder');

    const home = visibleText((await admin.get('/admin')).text);
    expect(home).toContain('1 job waiting, 1 failed');
  });

  it('speaks the administrator’s language', async () => {
    const { client } = await hub.signedIn('admin', { locale: 'lo' });
    const text = visibleText((await client.get('/admin/jobs')).text);
    expect(text).toContain('ວຽກຕາມກຳນົດເວລາ');
    expect(text).toContain('ທຸກນາທີ');
  });
});
