// Accounts as the users table holds them, for unit tests of permissions (no database): a verified,
// active member unless `changes` say otherwise; and the rows of a table of a rule for each role.
import type { Role, User } from '../src/db/schema.ts';

export function userRecord(changes: Partial<User> = {}): User {
  return {
    id: 1,
    email: 'member@example.org',
    name: 'Member',
    password_hash: null,
    role: 'member',
    locale: null,
    time_zone: null,
    email_verified_at: '2026-01-01T00:00:00.000Z',
    disabled_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...changes,
  };
}

/** One account of each role (ids 2 to 5), and how a table of rules names it. */
const ACCOUNTS: Record<Role, [string, User]> = {
  member: ['a member', userRecord({ id: 2 })],
  moderator: ['a moderator', userRecord({ id: 3, role: 'moderator' })],
  editor: ['an editor', userRecord({ id: 4, role: 'editor' })],
  admin: ['an admin', userRecord({ id: 5, role: 'admin' })],
};

/**
 * The rows of an `it.each` table of a rule, one per role named in `expected` (and the visitor, no
 * account, when named), in the order given: [who, account, what the rule says for them].
 */
export function byRole<T>(expected: Record<Role, T>): [string, User, T][];
export function byRole<T>(expected: Record<'visitor' | Role, T>): [string, User | null, T][];
export function byRole<T>(expected: Partial<Record<'visitor' | Role, T>>): [string, User | null, T][] {
  return Object.entries(expected).map(([who, value]) => {
    if (who === 'visitor') return ['a visitor', null, value as T];
    const [name, account] = ACCOUNTS[who as Role];
    return [name, account, value as T];
  });
}
