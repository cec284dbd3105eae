// Who may do what with press clippings: the one place these rules live. Every page and API route
// asks here, and the tests go through both.
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';

/** Everyone reads the press coverage, signed in or not. */
export function canRead(_user: User | null): boolean {
  return true;
}

/** Adding, changing and deleting clippings (and their screenshots): the hub's editors and admins. */
export function canWrite(user: User | null): boolean {
  return hasRole(user, 'editor');
}
