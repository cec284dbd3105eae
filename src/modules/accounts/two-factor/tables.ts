// The tables of two-factor sign-in, added to the platform's Database type (declaration merging).
import type { Generated } from 'kysely';
import type { Timestamp } from '../../../db/schema.ts';

/**
 * A member's TOTP secret. A row with `enabled_at` null is a set-up not yet confirmed with a code;
 * a new set-up replaces it. `secret` is kept as it was made (base32), not encrypted: the server
 * must read it to check a code, so a key would have to live beside the database (a new setting
 * for every operator, and a lost key locks everyone out). It is never shown again once confirmed,
 * never exported, never in the API; see docs/security.md, "Two-factor sign-in".
 */
export interface TwoFactorTable {
  user_id: number;
  secret: string;
  enabled_at: Timestamp | null;
  /** The last time step (30 s) a code was accepted for: a code is never accepted twice. */
  last_step: number | null;
  created_at: Timestamp;
}

/** Single-use recovery codes, stored as SHA-256 (each carries 60 random bits). */
export interface TwoFactorRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
}

/**
 * A sign-in waiting for its second step: the password (or mailed link) was right, no session yet.
 * `id` is the SHA-256 of the value of the browser's cookie, so the step is bound to that browser.
 */
export interface TwoFactorChallengesTable {
  id: string;
  user_id: number;
  /** Where to go once signed in (a local path, or ''). */
  next: string;
  expires_at: Timestamp;
}

declare module '../../../db/schema.ts' {
  interface Database {
    two_factor: TwoFactorTable;
    two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
    two_factor_challenges: TwoFactorChallengesTable;
  }
}
