// "May this user do this action here?", where here is the platform, a country, a group or an
// organisation. An action names the roles that grant it in each kind of scope (site roles for the
// platform); a scope has the roles a person holds in it and the scopes above it (a group → its
// country and organisation → the platform). The platform answers for itself and for countries
// (focal points, scoped-roles.ts); modules answer for their own kinds of scope through a
// ScopeResolver in their manifest (`HubModule.scopes`), so the platform never imports a module.
// Site roles keep working as they do: admins may do everything, everywhere.
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema.ts';
import { rolesAt, scopesWithRole } from './scoped-roles.ts';

type Db = Kysely<Database>;

export type ScopeKind = 'platform' | 'country' | 'group' | 'organisation';
export type Scope = { kind: 'platform' } | { kind: Exclude<ScopeKind, 'platform'>; key: string };

export const PLATFORM: Scope = { kind: 'platform' };
export const inCountry = (code: string): Scope => ({ kind: 'country', key: code });
export const inGroup = (id: number): Scope => ({ kind: 'group', key: String(id) });
export const inOrganisation = (id: number): Scope => ({ kind: 'organisation', key: String(id) });

/** A scope as one string: `platform`, `country:LA`, `group:12` (search entries carry it). */
export const scopeKey = (scope: Scope): string =>
  scope.kind === 'platform' ? 'platform' : `${scope.kind}:${scope.key}`;

/** Something one may do, and which roles grant it in each kind of scope (site roles for the platform). */
export interface ScopedAction {
  name: string;
  grants: Partial<Record<ScopeKind, readonly string[]>>;
}

export const scopedAction = (name: string, grants: ScopedAction['grants']): ScopedAction => ({
  name,
  grants,
});

/** The roles someone holds at a scope (the scope asked about, then those above it). */
export interface HeldRoles {
  scope: Scope;
  roles: readonly string[];
}

/**
 * Whether any role held along the way grants the action: the pure half of `may`, which permission
 * tests call without a database. Admins pass, as they pass every site role check.
 */
export function allows(action: ScopedAction, user: User | null, held: readonly HeldRoles[]): boolean {
  if (!user || user.disabled_at) return false;
  if (user.role === 'admin') return true;
  return held.some(({ scope, roles }) => {
    const granting = action.grants[scope.kind] ?? [];
    return roles.some((role) => granting.includes(role));
  });
}

/** How a module answers for its kind of scope. */
export interface ScopeResolver {
  kind: Exclude<ScopeKind, 'platform' | 'country'>;
  /** The roles `userId` holds in the scope `key` (a group's coordinator, an organisation's owner). */
  rolesOf(db: Db, key: string, userId: number): Promise<string[]>;
  /** The scopes just above `key` (a group's country and organisation); the platform is always above. */
  parentsOf?(db: Db, key: string): Promise<Scope[]>;
  /**
   * The scope keys whose private content `userId` may read (the groups they belong to): search
   * entries scoped to one of them are found by this reader.
   */
  readableBy?(db: Db, userId: number): Promise<string[]>;
  /** Everyone who reads the private content of the scope `key` (a group's members): notifications ask. */
  readersOf?(db: Db, key: string): Promise<number[]>;
}

/** What the helpers need of the app: the database and the modules' resolvers. */
export interface ScopeDeps {
  db: Db;
  modules: readonly { scopes?: readonly ScopeResolver[] }[];
}

const resolverOf = (deps: ScopeDeps, kind: ScopeKind) =>
  deps.modules.flatMap((m) => m.scopes ?? []).find((r) => r.kind === kind);

/** The roles `user` holds at `where` and at every scope above it, nearest first, the platform last. */
export async function heldRoles(deps: ScopeDeps, user: User | null, where: Scope): Promise<HeldRoles[]> {
  if (!user) return [];
  const held: HeldRoles[] = [];
  const seen = new Set<string>();
  const queue: Scope[] = [where];
  while (queue.length > 0) {
    const scope = queue.shift() as Scope;
    const key = scopeKey(scope);
    if (seen.has(key) || scope.kind === 'platform') continue;
    seen.add(key);
    if (scope.kind === 'country') {
      held.push({ scope, roles: await rolesAt(deps.db, 'country', scope.key, user.id) });
      continue;
    }
    const resolver = resolverOf(deps, scope.kind);
    if (!resolver) continue;
    held.push({ scope, roles: await resolver.rolesOf(deps.db, scope.key, user.id) });
    queue.push(...((await resolver.parentsOf?.(deps.db, scope.key)) ?? []));
  }
  held.push({ scope: PLATFORM, roles: [user.role] });
  return held;
}

/** May `user` do `action` at `where` (or through a role held above it)? */
export async function may(
  deps: ScopeDeps,
  user: User | null,
  action: ScopedAction,
  where: Scope,
): Promise<boolean> {
  if (!user || user.disabled_at) return false;
  if (user.role === 'admin') return true;
  return allows(action, user, await heldRoles(deps, user, where));
}

/** The countries where `userId` is a focal point. */
export const focalPointCountries = (db: Db, userId: number): Promise<string[]> =>
  scopesWithRole(db, 'country', 'focal_point', userId);

/** The scope keys whose private content `user` reads (search visibility): their groups, and so on. */
export async function readableScopes(deps: ScopeDeps, user: User | null): Promise<string[]> {
  if (!user) return [];
  const resolvers = deps.modules.flatMap((m) => m.scopes ?? []);
  const keys = await Promise.all(resolvers.map((r) => r.readableBy?.(deps.db, user.id) ?? []));
  return keys.flat();
}
