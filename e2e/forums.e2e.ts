// The forum in a real browser at 360 × 740, in Khmer: a member opens a thread of the demo forum and
// replies with an @mention; the member named (who asked for mentions in the daily digest) sees it in
// their inbox in Khmer, with the count on the bell, and in the digest mail the job sends to the SMTP
// peer. The writer corrects the reply on its edit page. UI strings come from the locale files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Hub,
  horizontalOverflow,
  hubCommand,
  openPage,
  PHONE,
  registerVerifyAndLogIn,
  runAxe,
  screenshot,
  startHub,
  switchLanguage,
  uiString,
  uniqueEmail,
} from './harness.ts';

let hub: Hub;

beforeAll(async () => {
  hub = await startHub();
});

afterAll(async () => {
  await hub?.stop();
});

const km = (key: string) => uiString('km', key);

describe('the forum at 360 × 740 in Khmer', () => {
  it('replies with a mention; the member named sees it in the inbox and in the digest mail', async () => {
    const writer = await openPage(hub, { viewport: PHONE });
    const named = await openPage(hub, { viewport: PHONE });
    try {
      // The member to be named makes their profile (its address is their handle) and asks for
      // mentions in the daily digest.
      const n = named.page;
      const email = uniqueEmail('named');
      await registerVerifyAndLogIn(hub, n, {
        name: 'Sophea Chan',
        email,
        password: 'a long enough password for Sophea',
      });
      await n.goto('/directory/people/new');
      await n.locator('form[action="/directory/people/new"] button[type="submit"]').click();
      await n.waitForURL('**/directory/people/sophea-chan');
      await n.goto('/notifications/settings');
      await n.locator('select[name="forums.mention"]').selectOption('daily');
      await n.locator('form[action="/notifications/settings"] button[type="submit"]').click();
      await n.waitForURL('**/notifications/settings');
      await switchLanguage(n, 'km');

      // A member reading in Khmer opens a thread of the demo forum and replies, naming Sophea.
      const w = writer.page;
      await registerVerifyAndLogIn(hub, w, {
        name: 'Dara Writer',
        email: uniqueEmail('writer'),
        password: 'a long enough password for Dara',
      });
      await switchLanguage(w, 'km');
      await w.goto('/forum/c/policy');
      const thread = w.locator('main a[href^="/forum/t/"]').first();
      const title = ((await thread.textContent()) ?? '').trim();
      await thread.click();
      await w.waitForURL(/\/forum\/t\/\d+$/);
      const overflow = await horizontalOverflow(w);
      expect(overflow.culprits).toEqual([]);
      expect(overflow.cutOffLeft).toEqual([]);
      const blocking = (await runAxe(w)).violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(blocking.map((v) => v.id)).toEqual([]);
      await w.locator('#reply textarea[name="body"]').fill('@sophea-chan សូមមើលច្បាប់ថ្មីនេះ សម្រាប់សិប្បករ។');
      await w.locator('#reply select[name="lang"]').selectOption('km');
      await w.getByRole('button', { name: km('forums.sendReply'), exact: true }).click();
      await w.waitForURL(/\/forum\/t\/\d+(\?page=\d+)?#p-\d+$/);
      await w.getByText('សូមមើលច្បាប់ថ្មីនេះ').first().waitFor();
      await screenshot(w, 'forum-01-reply-khmer');

      // Dara corrects the reply on its edit page, also at 360 px in Khmer: "edited" shows beside it.
      const reply = w.locator('article.forum-post').filter({ hasText: 'សូមមើលច្បាប់ថ្មីនេះ' }).last();
      await reply.getByRole('link', { name: km('forums.edit'), exact: true }).click();
      await w.waitForURL(/\/forum\/p\/\d+\/edit$/);
      const editOverflow = await horizontalOverflow(w);
      expect(editOverflow.culprits).toEqual([]);
      const editBlocking = (await runAxe(w)).violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(editBlocking.map((v) => v.id)).toEqual([]);
      await screenshot(w, 'forum-01b-edit-khmer');
      await w.locator('textarea[name="body"]').fill('@sophea-chan សូមមើលច្បាប់ថ្មីនេះ សម្រាប់សិប្បករ និងអ្នកត្បាញ។');
      await w.getByRole('button', { name: km('forums.saveEdit'), exact: true }).click();
      await w.waitForURL(/\/forum\/t\/\d+(\?page=\d+)?#p-\d+$/);
      await w.getByText('និងអ្នកត្បាញ').first().waitFor();
      await w.getByText(km('forums.edited'), { exact: true }).first().waitFor();

      // Sophea's bell counts it; the inbox says it in Khmer.
      await n.goto('/');
      await expect.poll(() => n.locator('header a.bell .bell-count').textContent()).toBe('1');
      await n.goto('/notifications');
      const line = km('forums.notify.mention').replace('{name}', 'Dara Writer').replace('{title}', title);
      await n.getByRole('link', { name: line }).waitFor();
      await screenshot(n, 'forum-02-inbox-khmer');

      // The daily digest, as the job sends it in the member's morning, carries it.
      await hubCommand(hub.platform, 'jobs', 'run', 'notifications.digests');
      const digest = await hub.mail.next(email, 20_000);
      expect(digest.text).toContain(title);
      expect(digest.text).toMatch(new RegExp(`${hub.baseUrl}/forum/(p|t)/\\d+`));
    } finally {
      await writer.context.close();
      await named.context.close();
    }
  });
});
