// Who may do what in the library: the one place these rules live, as pure predicates (and the SQL
// form of the visibility rule beside them). The actions ask here (ensure), the pages ask to show
// or hide buttons, and the tests go through both.
import { type Expression, type SqlBool, sql } from 'kysely';
import type { User } from '../../db/schema.ts';
import { hasRole } from '../../platform/auth.ts';

/** Documents and collections are curated: the hub's editors and admins add and change them. */
export function canEdit(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/** Deleting a record (not only unpublishing it) is also the editors' and admins' work. */
export function canDelete(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/** Files (adding, new versions, removing) are part of the record: the same editors and admins. */
export function canManageFiles(user: User | null): boolean {
  return canEdit(user);
}

/** Every unpublished record, in lists too: editors and admins. */
export function seesUnpublished(user: User | null): boolean {
  return hasRole(user, 'editor');
}

/** A record without `published_at` is seen by editors, admins and the person who created it. */
export function canView(
  user: User | null,
  doc: { published_at: string | null; created_by: number | null },
): boolean {
  return doc.published_at !== null || seesUnpublished(user) || (!!user && doc.created_by === user.id);
}

/**
 * The condition for records the viewer may see: published ones; for editors and admins all; for a
 * signed-in creator also their own. Raw SQL so one helper fits every query that joins documents.
 */
export function visibleTo(viewer: User | null): Expression<SqlBool> {
  if (seesUnpublished(viewer)) return sql<SqlBool>`1 = 1`;
  if (!viewer) return sql<SqlBool>`documents.published_at is not null`;
  return sql<SqlBool>`(documents.published_at is not null or documents.created_by = ${viewer.id})`;
}
