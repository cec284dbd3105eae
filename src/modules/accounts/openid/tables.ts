// The tables of sign-in with an organisation's identity provider (OpenID Connect), added to the
// platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/schema.ts';

/**
 * An identity at a provider linked to an account: the provider's `iss` and the person's `sub` there
 * (the only pair OpenID Connect promises never to reuse), one account per pair. `email` is what the
 * provider said when the link was made, shown on the account page.
 */
export interface OpenidIdentitiesTable {
  id: Generated<number>;
  user_id: number;
  issuer: string;
  subject: string;
  email: string | null;
  created_at: Timestamp;
  last_used_at: Timestamp;
}

/**
 * A sign-in sent to the provider and not back yet. `id` is the SHA-256 of the browser's cookie, so
 * it is bound to that browser; `state_hash` the SHA-256 of the state sent along; the PKCE verifier
 * and the nonce never leave the server. Gone once used, or after ten minutes.
 */
export interface OpenidLoginsTable {
  id: string;
  state_hash: string;
  code_verifier: string;
  nonce: string;
  /** Where to go once signed in (a local path, or ''). */
  next: string;
  expires_at: Timestamp;
}

declare module '../../../db/schema.ts' {
  interface Database {
    openid_identities: OpenidIdentitiesTable;
    openid_logins: OpenidLoginsTable;
  }
}
