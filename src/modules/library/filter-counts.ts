// How many documents each filter value of the library selects: the menus of /library offer only
// values that exist, with their counts. Counting the whole library costs a scan of the documents
// and their facets (about 300 ms at 50 000 documents on SQLite), so the counts are kept per
// process and reused until the library changes: every write of a document (actions/documents.ts)
// stores a new random `library.version` in `settings` in its own transaction, and each list
// request reads that one row. Processes on other hosts see the same row, so no process serves counts older than the
// last committed write; no clock is involved.
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { nowIso } from '../../platform/time.ts';
import { seesUnpublished, visibleTo } from './permissions.ts';

type Db = Kysely<Database>;

export interface FilterCounts {
  kind: Map<string, number>;
  status: Map<string, number>;
  year: Map<string, number>;
  place: Map<string, number>;
  language: Map<string, number>;
  domain: Map<string, number>;
  issuer: { slug: string; name: string; n: number }[];
}

const VERSION_KEY = 'library.version';

/** Records that the library changed (call in the transaction of every document write). */
export async function markLibraryChanged(db: Db): Promise<void> {
  const value = randomBytes(9).toString('base64url');
  const now = nowIso();
  await db
    .insertInto('settings')
    .values({ key: VERSION_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** Counts without the issuers' names, which are read fresh (an organisation may be renamed). */
type Counted = Omit<FilterCounts, 'issuer'> & { issuerIds: Map<number, number> };

/** Per process: the counts of the public library and of the whole one, with the version they are of. */
const cache = new Map<'public' | 'all', { db: Db; version: string | null; counts: Counted }>();

/**
 * The counts `viewer` sees: the public library for visitors and for members without unpublished
 * records of their own (from the cache when nothing changed), everything for editors and admins
 * (cached too), and for a creator of unpublished records their own view, counted each time.
 */
export async function filterCounts(db: Db, viewer: User | null): Promise<FilterCounts> {
  const counted = await keptCounts(db, viewer);
  return { ...counted, issuer: await issuersOf(db, counted.issuerIds) };
}

/** The counts `viewer` sees, as filterCounts() gives them, without the issuers' names. */
export async function keptCounts(db: Db, viewer: User | null): Promise<Counted> {
  const scope = await scopeOf(db, viewer);
  let counted: Counted;
  if (scope === 'own') {
    counted = await countAll(db, viewer);
  } else {
    const row = await db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', VERSION_KEY)
      .executeTakeFirst();
    const version = row?.value ?? null;
    const hit = cache.get(scope);
    if (hit && hit.db === db && hit.version === version) counted = hit.counts;
    else {
      counted = await countAll(db, scope === 'all' ? viewer : null);
      cache.set(scope, { db, version, counts: counted });
    }
  }
  return counted;
}

async function scopeOf(db: Db, viewer: User | null): Promise<'public' | 'all' | 'own'> {
  if (!viewer) return 'public';
  if (seesUnpublished(viewer)) return 'all';
  const own = await db
    .selectFrom('documents')
    .select('id')
    .where('created_by', '=', viewer.id)
    .where('published_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return own ? 'own' : 'public';
}

/** Four small GROUP BYs over what the viewer may see. */
async function countAll(db: Db, viewer: User | null): Promise<Counted> {
  const all = () => db.selectFrom('documents').where(visibleTo(viewer));
  const [kinds, statuses, years, facets, issuers] = await Promise.all([
    all()
      .select(['documents.kind as v', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('documents.kind')
      .execute(),
    all()
      .select(['documents.status as v', (eb) => eb.fn.countAll<number>().as('n')])
      .where('documents.status', 'is not', null)
      .groupBy('documents.status')
      .execute(),
    all()
      .select([
        sql<string>`substr(documents.issued_on, 1, 4)`.as('v'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('documents.issued_on', 'is not', null)
      .groupBy(sql`substr(documents.issued_on, 1, 4)`)
      .execute(),
    all()
      .innerJoin('document_facets', 'document_facets.document_id', 'documents.id')
      .select([
        'document_facets.facet',
        'document_facets.value as v',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('document_facets.facet', 'in', ['place', 'language', 'domain'])
      .groupBy(['document_facets.facet', 'document_facets.value'])
      .execute(),
    all()
      .select(['documents.issuer_organisation_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('documents.issuer_organisation_id', 'is not', null)
      .groupBy('documents.issuer_organisation_id')
      .execute(),
  ]);
  const map = (rows: { v: string | null; n: number | string }[]) =>
    new Map(rows.flatMap((r) => (r.v ? [[r.v, Number(r.n)] as [string, number]] : [])));
  const facet = (name: string) => map(facets.filter((f) => f.facet === name));
  return {
    kind: map(kinds),
    status: map(statuses),
    year: new Map([...map(years)].sort((a, b) => (a[0] < b[0] ? 1 : -1))),
    place: facet('place'),
    language: facet('language'),
    domain: facet('domain'),
    issuerIds: new Map(
      issuers.flatMap((i) => (i.id === null ? [] : [[i.id, Number(i.n)] as [number, number]])),
    ),
  };
}

/** The issuing organisations with their counts, by name (an organisation deleted since drops out). */
async function issuersOf(db: Db, counts: Map<number, number>): Promise<FilterCounts['issuer']> {
  if (counts.size === 0) return [];
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name'])
    .where('id', 'in', [...counts.keys()])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ slug: r.slug, name: r.name, n: counts.get(r.id) ?? 0 }));
}
