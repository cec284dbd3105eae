// An account as the users table holds it, for unit tests of permissions (no database): a verified,
// active member unless `changes` say otherwise.
import type { User } from '../src/db/schema.ts';

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
