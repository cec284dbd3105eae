// A real OpenID provider for the tests (oidc-provider, panva), on a free loopback port, with the
// hub registered as a client and people kept in memory; and a browser for it: a cookie jar that
// follows its redirects, signs in on its (development) login page, consents, or cancels, until the
// provider sends the browser back to the hub.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll } from 'vitest';

export interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's people, by their `sub`. */
  accounts: Map<string, ProviderAccount>;
  /**
   * Goes from the hub's redirect (`authorizationUrl`) through the provider's pages as `sub`, and
   * answers where the provider sends the browser back (the hub's callback with its query).
   */
  signIn(authorizationUrl: string, sub: string, options?: { cancel?: boolean }): Promise<string>;
}

/**
 * The provider, with the hub at `hubBaseUrl` registered; or, without it, the provider's address
 * first (for a hub started with it) and `register(hubBaseUrl)` once the hub's address is known.
 */
export async function startTestProvider(hubBaseUrl: string): Promise<TestProvider>;
export async function startTestProvider(): Promise<
  Omit<TestProvider, 'signIn'> & { register(hubBaseUrl: string): TestProvider }
>;
export async function startTestProvider(hubBaseUrl?: string) {
  const started = await startServer();
  return hubBaseUrl ? started.register(hubBaseUrl) : started;
}

async function startServer() {
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, ProviderAccount>();
  const clientId = 'creative-hub';
  const clientSecret = 'a-test-secret-long-enough-for-hs256-and-more';
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const register = (hubBaseUrl: string): TestProvider => {
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [`${hubBaseUrl}/login/openid/callback`],
          response_types: ['code'],
          grant_types: ['authorization_code'],
        },
      ],
      async findAccount(_ctx, sub) {
        const account = accounts.get(sub);
        if (!account) return undefined;
        return { accountId: sub, claims: async () => ({ sub, ...account }) };
      },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      cookies: { keys: ['test-only-cookie-key'] },
      pkce: { methods: ['S256'], required: () => true },
      features: { devInteractions: { enabled: true } },
      ttl: {
        AccessToken: 600,
        AuthorizationCode: 60,
        Grant: 600,
        IdToken: 600,
        Interaction: 600,
        Session: 600,
      },
    });
    // Its warnings about development keys and interactions are for its own users, not ours.
    provider.on('server_error', (_ctx, err) => console.error(err));
    handler = provider.callback();

    async function signIn(authorizationUrl: string, sub: string, options: { cancel?: boolean } = {}) {
      const jar = new Map<string, string>();
      const send = async (url: string, form?: Record<string, string>) => {
        const res = await fetch(url, {
          method: form ? 'POST' : 'GET',
          redirect: 'manual',
          headers: {
            ...(jar.size ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
            ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
          },
          body: form ? new URLSearchParams(form).toString() : undefined,
        });
        for (const cookie of res.headers.getSetCookie()) {
          const pair = cookie.split(';')[0] ?? '';
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq), pair.slice(eq + 1));
        }
        return res;
      };
      let url = authorizationUrl;
      let res = await send(url);
      for (let step = 0; step < 12; step++) {
        const location = res.headers.get('location');
        if (location) {
          const target = new URL(location, url).href;
          if (target.startsWith(hubBaseUrl)) return target;
          url = target;
          res = await send(url);
          continue;
        }
        const html = await res.text();
        if (res.status !== 200) throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
        const action = new URL(html.match(/<form[^>]*action="([^"]+)"/)?.[1] ?? '', url).href;
        if (options.cancel) {
          const abort = html.match(/<a href="([^"]+\/abort)"/)?.[1];
          if (!abort) throw new Error('no cancel link on the provider page');
          res = await send(new URL(abort, url).href);
        } else if (html.includes('name="prompt" value="login"')) {
          res = await send(action, { prompt: 'login', login: sub, password: 'anything' });
        } else if (html.includes('name="prompt" value="consent"')) {
          res = await send(action, { prompt: 'consent' });
        } else throw new Error(`unexpected provider page: ${html.slice(0, 300)}`);
      }
      throw new Error('the provider never sent the browser back to the hub');
    }

    return { issuer, clientId, clientSecret, accounts, signIn };
  };
  return { issuer, clientId, clientSecret, accounts, register };
}
