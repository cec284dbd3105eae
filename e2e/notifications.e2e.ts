// Following and notifications in a real browser at 360 × 740: a member reading in Lao follows an
// organisation; the organisation publishes a post; the notification is in the member's inbox in
// Lao, with the count on the bell; the daily digest (run as `hub jobs run notifications.digests`
// would run it on the server) reaches the SMTP peer with the post and a one-click unsubscribe
// link; the link works once, in a browser without any session. UI strings come from the locale files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Hub,
  hubCommand,
  openPage,
  PHONE,
  registerVerifyAndLogIn,
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

const en = (key: string) => uiString('en', key);
const lo = (key: string) => uiString('lo', key);

describe('following at 360 × 740', () => {
  it('follows an organisation, hears of its post in Lao, gets the digest and unsubscribes once', async () => {
    const publisher = await openPage(hub, { viewport: PHONE });
    const follower = await openPage(hub, { viewport: PHONE });
    const stranger = await openPage(hub, { viewport: PHONE });
    try {
      // A weavers' cooperative joins and lists itself in the directory.
      const p = publisher.page;
      await registerVerifyAndLogIn(hub, p, {
        name: 'Khamla Publisher',
        email: uniqueEmail('publisher'),
        password: 'a long enough publisher password',
      });
      await p.goto('/directory/new');
      await p.locator('#f-kind').selectOption('artisan_group');
      await p.locator('#f-name').fill('Ban Phanom Weavers Cooperative');
      await p.locator('#f-description').fill('Silk weavers near Luang Prabang.');
      await p.locator('#f-country').selectOption('LA');
      await p.locator('#f-city').fill('Luang Prabang');
      await p.locator('form.org-form button[type="submit"]').click();
      await p.waitForURL('**/directory/ban-phanom-weavers-cooperative');

      // A member reading in Lao follows it from its page.
      const f = follower.page;
      const email = uniqueEmail('follower');
      await registerVerifyAndLogIn(hub, f, {
        name: 'Noy Follower',
        email,
        password: 'a long enough follower password',
      });
      await switchLanguage(f, 'lo');
      await f.goto('/directory/ban-phanom-weavers-cooperative');
      await f.getByRole('button', { name: lo('follow.follow'), exact: true }).click();
      await f.getByRole('button', { name: lo('follow.unfollow'), exact: true }).waitFor();
      await screenshot(f, 'notif-01-following');

      // The cooperative publishes a post.
      await p.goto('/news/new');
      await p.locator('#f-title').fill('Indigo dyeing open day');
      await p.locator('#f-body').fill('Come and dye **silk** with indigo on Saturday.');
      await p.locator('#f-organisation').selectOption('ban-phanom-weavers-cooperative');
      await p.locator('input[name="status"][value="publish"]').check();
      await p.locator('main form[enctype="multipart/form-data"] button[type="submit"]:not([name])').click();
      await p.waitForURL('**/news/indigo-dyeing-open-day');

      // The bell counts it; the inbox says it in Lao.
      await f.goto('/');
      const bell = f.locator('header a.bell');
      await expect.poll(() => bell.locator('.bell-count').textContent()).toBe('1');
      await bell.click();
      await f.waitForURL('**/notifications');
      const line = lo('news.notify.postPublished')
        .replace('{source}', 'Ban Phanom Weavers Cooperative')
        .replace('{title}', 'Indigo dyeing open day');
      await f.getByRole('link', { name: line }).waitFor();
      await screenshot(f, 'notif-02-inbox-lao');

      // Opening it marks it read and goes to the post.
      await f.getByRole('link', { name: line }).click();
      await f.waitForURL('**/news/indigo-dyeing-open-day');
      expect(await f.locator('header a.bell .bell-count').count()).toBe(0);

      // The daily digest, as the job would send it in the member's morning.
      await hubCommand(hub.platform, 'jobs', 'run', 'notifications.digests');
      const digest = await hub.mail.next(email, 20_000);
      expect(digest.subject).toContain(lo('notifications.delivery.daily').slice(0, 6));
      expect(digest.text).toContain('Indigo dyeing open day');
      expect(digest.text).toContain(`${hub.baseUrl}/news/indigo-dyeing-open-day`);
      expect(digest.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      const link = (digest.headers['list-unsubscribe'] ?? '').replace(/^<|>$/g, '');
      expect(link).toMatch(new RegExp(`^${hub.baseUrl}/unsubscribe/`));
      expect(digest.text).toContain(link);

      // The link, in a browser with no session: a page in the owner's language, one button, once.
      const s = stranger.page;
      await s.goto(link);
      await screenshot(s, 'notif-03-unsubscribe');
      await s.getByRole('button', { name: lo('notifications.unsubscribe.button'), exact: true }).click();
      await s.getByText((lo('notifications.unsubscribe.done').split('“')[0] ?? '').trim()).waitFor();
      expect(await s.locator('header a.bell').count()).toBe(0);
      await s.goto(link);
      await s.getByText(lo('notifications.unsubscribe.used')).waitFor();
      expect(await s.getByRole('button', { name: lo('notifications.unsubscribe.button') }).count()).toBe(0);
      await screenshot(s, 'notif-04-used');

      // The member's settings now keep those notifications in the inbox only.
      await f.goto('/notifications/settings');
      expect(await f.locator('select[name="news.post-published"]').inputValue()).toBe('inbox');
      expect(en('notifications.delivery.inbox')).not.toBe(lo('notifications.delivery.inbox'));
    } finally {
      await publisher.context.close();
      await follower.context.close();
      await stranger.context.close();
    }
  });
});
