// One group as the pages and the API read it (with its translations and organisation), and the
// loaders that answer 404 for a group the reader may not know of (a secret one: as if it did not
// exist, never 403, which would tell that it does).
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { type HeldRoles, heldRoles, inGroup } from '../../platform/scopes.ts';
import { byLang } from '../../platform/translations.ts';
import { organisationRef } from '../directory/index.ts';
import { canSeeGroup, groupRoleIn } from './permissions.ts';
import type { GroupsTable } from './tables.ts';
import type { GroupRole } from './vocab.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;
export type Group = Selectable<GroupsTable>;

export interface GroupTranslation {
  lang: string;
  name: string;
  description: string;
}

export interface GroupDetails extends Group {
  translations: GroupTranslation[];
  organisation: { slug: string; name: string; lang: string } | null;
}

export async function getGroup(
  db: Db,
  by: { slug: string } | { id: number },
): Promise<GroupDetails | undefined> {
  let q = db.selectFrom('groups').selectAll();
  q = 'slug' in by ? q.where('slug', '=', by.slug) : q.where('id', '=', by.id);
  const group = await q.executeTakeFirst();
  if (!group) return undefined;
  const [translations, organisation] = await Promise.all([
    db
      .selectFrom('group_translations')
      .select(['lang', 'name', 'description'])
      .where('group_id', '=', group.id)
      .execute(),
    group.organisation_id === null ? undefined : organisationRef(db, { id: group.organisation_id }),
  ]);
  return {
    ...group,
    translations: translations.sort(byLang),
    organisation: organisation
      ? { slug: organisation.slug, name: organisation.name, lang: organisation.lang }
      : null,
  };
}

/** A group with the reader, the roles they hold in it and above it, and their role in it. */
export interface GroupAccess {
  group: GroupDetails;
  user: User | null;
  held: HeldRoles[];
  role: GroupRole | null;
}

/** The group of the URL's `:slug` as `user` may know it, or 404 (a secret group to a stranger too). */
export async function loadGroupFor(
  deps: { db: Db; modules: AppEnv['Variables']['deps']['modules'] },
  slug: string,
  user: User | null,
): Promise<GroupAccess> {
  const group = await getGroup(deps.db, { slug });
  if (!group) throw new HttpError(404, 'error.404.message');
  const held = await heldRoles(deps, user, inGroup(group.id));
  if (!canSeeGroup(user, group, held)) throw new HttpError(404, 'error.404.message');
  return { group, user, held, role: groupRoleIn(held) };
}

export const loadGroup = (c: C): Promise<GroupAccess> =>
  loadGroupFor(c.var.deps, c.req.param('slug') ?? '', c.var.auth?.user ?? null);

// The translation a reader sees (exact locale, then its base language): platform/translations.ts.
export { translationFor } from '../../platform/translations.ts';

/** The role of `userId` in a group, or null. */
export async function memberRole(db: Db, groupId: number, userId: number): Promise<GroupRole | null> {
  const row = await db
    .selectFrom('group_members')
    .select('role')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}
