// Who may do what with policy measures: the one place these rules live, as pure predicates. A
// country's focal points (platform/scoped-roles.ts) are passed in as the countries where the user
// is one, so the rules stay free of database calls; the actions load them (access.ts).
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';

/** Everyone reads the measures, signed in or not: they are what countries report in public. */
export function canRead(_user: User | null): boolean {
  return true;
}

/** Any signed-in member may add a measure (civil society reports its own). */
export function canCreate(user: User | null): boolean {
  return !!user && !user.disabled_at;
}

/**
 * A measure is edited (and deleted) by its author, by the hub's editors and admins, and by a focal
 * point of its country — not of another country's.
 */
export function canEdit(
  user: User | null,
  measure: { created_by: number | null; country: string },
  focalCountries: readonly string[],
): boolean {
  if (!user || user.disabled_at) return false;
  if (hasRole(user, 'editor')) return true;
  if (measure.created_by === user.id) return true;
  return focalCountries.includes(measure.country);
}

/**
 * Moving a measure to another country needs the right there too: a focal point of Lao PDR may not
 * file a measure under Thailand (an author and editors may).
 */
export function canMoveTo(
  user: User | null,
  measure: { created_by: number | null; country: string },
  to: string,
  focalCountries: readonly string[],
): boolean {
  if (to === measure.country) return true;
  return (
    canEdit(user, { ...measure, country: to }, focalCountries) || (!!user && measure.created_by === user.id)
  );
}
