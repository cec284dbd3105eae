// Sign-in with an organisation's identity provider in a real browser at 360 × 740, in Khmer: the
// login page's link (no JavaScript needed), the provider's own login and consent pages (oidc-provider,
// started here on a loopback port), and back on the hub signed in as a new member. UI strings come
// from the locale files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../src/modules/accounts/openid/test-provider.ts';
import {
  type Hub,
  horizontalOverflow,
  openPage,
  PHONE,
  runAxe,
  screenshot,
  startHub,
  uiString,
} from './harness.ts';

let hub: Hub;
let provider: TestProvider;

beforeAll(async () => {
  const started = await startTestProvider();
  hub = await startHub({
    env: {
      OIDC_ISSUER: started.issuer,
      OIDC_CLIENT_ID: started.clientId,
      OIDC_CLIENT_SECRET: started.clientSecret,
      OIDC_NAME: 'Ministry of Culture account',
    },
  });
  provider = started.register(hub.baseUrl);
});

afterAll(async () => {
  await hub?.stop();
});

const km = (key: string) => uiString('km', key);

describe('sign-in with the organisation at 360 × 740 in Khmer', () => {
  it('goes to the provider from the login page and comes back signed in', async () => {
    provider.accounts.set('sreyneang', {
      email: 'sreyneang@culture.example',
      email_verified: true,
      name: 'Sreyneang Chhun',
    });
    const { page, context } = await openPage(hub, { viewport: PHONE, lang: 'km' });
    try {
      await page.goto(`${hub.baseUrl}/login`);
      const link = page.getByRole('link', {
        name: km('openid.signInWith').replace('{name}', 'Ministry of Culture account'),
      });
      await expect(link.isVisible()).resolves.toBe(true);
      expect((await horizontalOverflow(page)).culprits).toEqual([]);
      const axe = await runAxe(page);
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
      await screenshot(page, 'openid-login-km');

      await link.click();
      await page.waitForURL(`${provider.issuer}/**`);
      await page.locator('input[name="login"]').fill('sreyneang');
      await page.locator('input[name="password"]').fill('anything');
      await page.locator('button[type="submit"]').click();
      // The provider's consent page, then back to the hub.
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(`${hub.baseUrl}/account`);
      await expect(page.locator('h1').textContent()).resolves.toBe(km('account.title'));
      await expect(page.locator('#openid-h').textContent()).resolves.toBe(km('openid.accountTitle'));
      expect(await page.locator('main').textContent()).toContain('sreyneang@culture.example');
    } finally {
      await context.close();
    }
  });
});
