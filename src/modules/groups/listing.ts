// The list of groups: those the reader knows exist (permissions.ts), filtered by kind and country,
// by name, with member counts and the reader's translated names.
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { focalPointCountries } from '../../platform/scopes.ts';
import { readerLanguages, translatedTexts } from '../../platform/translations.ts';
import { listMatches } from '../../search/index.ts';
import type { Group } from './access.ts';
import { type ListViewer, visibleGroups } from './permissions.ts';
import type { GroupFilter } from './schemas.ts';
import type { GroupRole } from './vocab.ts';

type Db = Kysely<Database>;

export const PAGE_SIZE = 30;

/** The reader's groups and focal-point countries, for the visibility rule. */
export async function listViewerOf(db: Db, user: User | null): Promise<ListViewer> {
  if (!user) return { user, groupIds: [], countries: [] };
  const [groups, countries] = await Promise.all([
    db.selectFrom('group_members').select('group_id').where('user_id', '=', user.id).execute(),
    focalPointCountries(db, user.id),
  ]);
  return { user, groupIds: groups.map((g) => g.group_id), countries };
}

function selection(
  db: Db,
  filter: Pick<GroupFilter, 'kind' | 'country' | 'organisation'>,
  viewer: ListViewer,
  matches?: number[],
) {
  let q = db.selectFrom('groups as g').where(visibleGroups(viewer));
  if (matches) q = q.where('g.id', 'in', matches);
  if (filter.kind) q = q.where('g.kind', '=', filter.kind);
  if (filter.country) q = q.where('g.country', '=', filter.country);
  if (filter.organisation) {
    const slug = filter.organisation;
    q = q.where('g.organisation_id', 'in', (eb) =>
      eb.selectFrom('organisations').select('organisations.id').where('organisations.slug', '=', slug),
    );
  }
  return q;
}

export interface GroupCard extends Group {
  members: number;
  translatedName: string | null;
  /** The reader's role in it. */
  myRole: GroupRole | null;
}

export async function listGroups(
  db: Db,
  filter: GroupFilter,
  viewer: ListViewer,
  options: { locale: string; pageSize?: number; offset?: number },
): Promise<{ cards: GroupCard[]; total: number }> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  // Secret groups are in the index too: the list's own visibility rule below still applies.
  const matches = await listMatches(
    db,
    filter.q,
    'group',
    viewer.user && { id: viewer.user.id, role: 'admin' },
  );
  const [rows, count] = await Promise.all([
    selection(db, filter, viewer, matches)
      .selectAll('g')
      .select((eb) =>
        eb
          .selectFrom('group_members as m')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('m.group_id', '=', 'g.id')
          .as('members'),
      )
      .orderBy('g.name')
      .orderBy('g.id')
      .limit(pageSize)
      .offset(options.offset ?? (filter.page - 1) * pageSize)
      .execute(),
    selection(db, filter, viewer, matches)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const ids = rows.map((r) => r.id);
  const [names, mine] = await Promise.all([
    ids.length
      ? db
          .selectFrom('group_translations')
          .select(['group_id as key', 'lang', 'name as text'])
          .where('group_id', 'in', ids)
          .where('lang', 'in', readerLanguages(options.locale))
          .execute()
      : [],
    ids.length && viewer.user
      ? db
          .selectFrom('group_members')
          .select(['group_id', 'role'])
          .where('group_id', 'in', ids)
          .where('user_id', '=', viewer.user.id)
          .execute()
      : [],
  ]);
  const nameOf = translatedTexts(names, options.locale);
  const roleOf = new Map(mine.map((m) => [m.group_id, m.role]));
  return {
    cards: rows.map((r) => ({
      ...r,
      members: Number(r.members ?? 0),
      translatedName: r.lang === options.locale ? null : (nameOf.get(r.id) ?? null),
      myRole: roleOf.get(r.id) ?? null,
    })),
    total: Number(count.n),
  };
}

/** The countries there are groups in (of those the reader sees), for the filter. */
export async function countriesOf(db: Db, viewer: ListViewer): Promise<string[]> {
  const rows = await selection(db, {}, viewer)
    .select('g.country')
    .distinct()
    .where('g.country', 'is not', null)
    .execute();
  return rows.map((r) => r.country).filter((c): c is string => !!c);
}
