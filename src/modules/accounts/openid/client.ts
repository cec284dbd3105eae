// The hub as an OpenID Connect client (openid-client, panva): the provider's metadata found once per
// process, the authorization request (code flow with PKCE, state and nonce), and the answer read
// back: the code exchanged, the ID token checked by the library (signature, issuer, audience,
// expiry, nonce), its claims completed from the userinfo endpoint when it says nothing of the address.
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../../config.ts';

export const CALLBACK_PATH = '/login/openid/callback';
const SCOPE = 'openid email profile';
const TIMEOUT_SECONDS = 10;

/** What the hub reads of a person at the provider. */
export interface ProviderPerson {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** A claim as one line of text: control characters (U+0000 too) become spaces. */
function oneLine(value: unknown): string {
  if (typeof value !== 'string') return '';
  const chars = [...value].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch));
  return chars.join('').replace(/\s+/g, ' ').trim();
}

/** The provider's metadata and keys, per issuer and client, for the life of the process. */
const discovered = new Map<string, Promise<oidc.Configuration>>();

function configurationOf(settings: OidcConfig): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    found = oidc.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
      timeout: TIMEOUT_SECONDS,
      // Plain http is only accepted by the configuration for a provider on this machine (config.ts).
      ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
    });
    // A provider that could not be reached is asked again next time, not remembered as down.
    found.catch(() => discovered.delete(key));
    discovered.set(key, found);
  }
  return found;
}

/** A sign-in's secrets, kept on the server until the provider sends the browser back. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
  codeVerifier: string;
  nonce: string;
}

export async function authorizationRequest(
  settings: OidcConfig,
  redirectUri: string,
): Promise<AuthorizationRequest> {
  const config = await configurationOf(settings);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, codeVerifier, nonce };
}

/**
 * The provider's answer at `callbackUrl` (its code, state, or error): the person, or an exception
 * (an error from the provider, a state that is not this sign-in's, a code that does not work, an ID
 * token that does not check out).
 */
export async function readAnswer(
  settings: OidcConfig,
  callbackUrl: URL,
  expected: { state: string; codeVerifier: string; nonce: string },
): Promise<ProviderPerson> {
  const config = await configurationOf(settings);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: expected.codeVerifier,
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  let info: Record<string, unknown> = claims;
  // Some providers put the address only in the userinfo answer, which must be about the same sub.
  if (claims.email === undefined && config.serverMetadata().userinfo_endpoint)
    info = { ...(await oidc.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
  // Stored in varchar(500) and varchar(255) columns; the standard keeps `sub` within 255 ASCII.
  if (claims.iss.length > 500 || claims.sub.length > 255) throw new Error('iss or sub too long');
  const email = oneLine(info.email);
  const name = oneLine(info.name).slice(0, 100);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: email || null,
    // Some providers send "true" as a string.
    emailVerified: info.email_verified === true || info.email_verified === 'true',
    name: name || null,
  };
}
