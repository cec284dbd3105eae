// Roles held in a scope that no module owns: today the country focal point (one or more per
// country, set by an administrator). A module's own scopes (a group's coordinators, an
// organisation's owners) stay in its own tables and answer through its ScopeResolver.
import type { Kysely, Migration } from 'kysely';
import { createIndex, tablesMigration } from '../db/migration-builders.ts';
import type { Database, Timestamp } from '../db/schema.ts';
import { nowIso } from './time.ts';

export const COUNTRY_ROLES = ['focal_point'] as const;
export type CountryRole = (typeof COUNTRY_ROLES)[number];

/** Someone's role in a country (or, later, another platform scope). */
export interface ScopedRolesTable {
  scope_kind: string;
  scope_key: string;
  user_id: number;
  role: string;
  created_by: number | null;
  created_at: Timestamp;
}

declare module '../db/schema.ts' {
  interface Database {
    scoped_roles: ScopedRolesTable;
  }
}

type Db = Kysely<Database>;

export const scopedRolesMigration: Migration = tablesMigration(['scoped_roles'], async (db, c) => {
  await db.schema
    .createTable('scoped_roles')
    .addColumn('scope_kind', 'varchar(20)', c.notNull)
    .addColumn('scope_key', 'varchar(100)', c.notNull)
    .addColumn('user_id', 'integer', c.belongsTo('users'))
    .addColumn('role', 'varchar(40)', c.notNull)
    .addColumn('created_by', 'integer', c.refersTo('users'))
    .addColumn('created_at', c.timestamp, c.notNull)
    .addPrimaryKeyConstraint('scoped_roles_pk', ['scope_kind', 'scope_key', 'user_id', 'role'])
    .execute();
  // "Where is this person a focal point?" (search, lists).
  await createIndex(db, 'scoped_roles_user_idx', 'scoped_roles', ['user_id', 'scope_kind']);
});

/** The roles `userId` holds at one scope. */
export async function rolesAt(db: Db, kind: string, key: string, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('scoped_roles')
    .select('role')
    .where('scope_kind', '=', kind)
    .where('scope_key', '=', key)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.role);
}

/** The keys of the scopes of `kind` where `userId` holds `role` (the countries of a focal point). */
export async function scopesWithRole(db: Db, kind: string, role: string, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('scoped_roles')
    .select('scope_key')
    .where('scope_kind', '=', kind)
    .where('role', '=', role)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.scope_key);
}

export interface ScopedRoleHolder {
  scope_key: string;
  role: string;
  user_id: number;
  name: string;
  email: string;
  created_at: Timestamp;
}

/** Everyone holding a role in scopes of `kind`, by scope then name (the admin page). */
export function holdersOf(db: Db, kind: string): Promise<ScopedRoleHolder[]> {
  return db
    .selectFrom('scoped_roles')
    .innerJoin('users', 'users.id', 'scoped_roles.user_id')
    .select([
      'scoped_roles.scope_key',
      'scoped_roles.role',
      'scoped_roles.user_id',
      'scoped_roles.created_at',
      'users.name',
      'users.email',
    ])
    .where('scoped_roles.scope_kind', '=', kind)
    .orderBy('scoped_roles.scope_key')
    .orderBy('users.name')
    .execute();
}

/** Gives a role; false when it was held already. */
export async function grantRole(
  db: Db,
  row: { kind: string; key: string; userId: number; role: string; by: number | null },
): Promise<boolean> {
  if ((await rolesAt(db, row.kind, row.key, row.userId)).includes(row.role)) return false;
  await db
    .insertInto('scoped_roles')
    .values({
      scope_kind: row.kind,
      scope_key: row.key,
      user_id: row.userId,
      role: row.role,
      created_by: row.by,
      created_at: nowIso(),
    })
    .execute();
  return true;
}

/** Takes a role back; false when it was not held. */
export async function revokeRole(
  db: Db,
  row: { kind: string; key: string; userId: number; role: string },
): Promise<boolean> {
  const done = await db
    .deleteFrom('scoped_roles')
    .where('scope_kind', '=', row.kind)
    .where('scope_key', '=', row.key)
    .where('user_id', '=', row.userId)
    .where('role', '=', row.role)
    .executeTakeFirst();
  return Number(done.numDeletedRows) > 0;
}
