// Queries of the people directory: the filtered selection, one person with everything around them,
// the writes (which also update the search index, in the same transaction as the caller's audit
// entry), and the claims of profiles made by editors.
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { indexRecord, removeRecord, type SearchableRecord } from '../../search/index.ts';
import { type PhotoInfo, photoInfo } from './photo.ts';
import type { PeopleFilter, PersonInput } from './schemas.ts';
import type { PeopleTable, PersonClaimsTable } from './tables.ts';
import { type PersonFacet, type PersonStatus, RESERVED_PERSON_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
export type Person = Selectable<PeopleTable>;
export type PersonClaim = Selectable<PersonClaimsTable>;

export interface PersonOrganisation {
  slug: string;
  name: string;
  role: string | null;
  /** Unpublished organisations are kept on the profile but shown to no one. */
  published: boolean;
}

export interface PersonTranslation {
  lang: string;
  title: string | null;
  bio: string;
}

export interface PersonDetails extends Person {
  domains: string[];
  languages: string[];
  skills: string[];
  linkList: string[];
  organisations: PersonOrganisation[];
  /** The title and bio in other languages, by language tag order. */
  translations: PersonTranslation[];
  /** Version and sizes of the photo (no bytes); undefined when there is none. */
  photo: PhotoInfo | undefined;
}

/** The translation for a reader of `locale`, when the profile is written in another language. */
export function translationFor(
  person: Pick<PersonDetails, 'lang' | 'translations'>,
  locale: string,
): PersonTranslation | undefined {
  return person.lang === locale ? undefined : person.translations.find((tr) => tr.lang === locale);
}

/** By language tag, compared by code units (databases may collate tags differently). */
const byLang = (a: PersonTranslation, b: PersonTranslation) =>
  a.lang < b.lang ? -1 : a.lang > b.lang ? 1 : 0;

export async function translationsOf(db: Db, personId: number): Promise<PersonTranslation[]> {
  const rows = await db
    .selectFrom('person_translations')
    .select(['lang', 'title', 'bio'])
    .where('person_id', '=', personId)
    .execute();
  return rows.sort(byLang);
}

/** The translated titles of some people in one language (the cards of a reader). */
export async function translatedTitles(db: Db, ids: number[], lang: string): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_translations')
    .select(['person_id', 'title'])
    .where('person_id', 'in', ids)
    .where('lang', '=', lang)
    .where('title', 'is not', null)
    .execute();
  return new Map(rows.flatMap((r) => (r.title ? [[r.person_id, r.title] as const] : [])));
}

/** Who sees unpublished profiles in lists: the hub's editors (and each owner their own). */
export function seesUnpublished(viewer: User | null): boolean {
  return !!viewer && (viewer.role === 'admin' || viewer.role === 'editor');
}

/** The people a filter selects (ids restricted to `onlyIds` when a text search ran). */
export function selection(db: Db, filter: PeopleFilter, viewer: User | null, onlyIds?: number[]) {
  let q = db.selectFrom('people');
  if (!seesUnpublished(viewer)) {
    q = viewer
      ? q.where((eb) => eb.or([eb('people.status', '=', 'published'), eb('people.user_id', '=', viewer.id)]))
      : q.where('people.status', '=', 'published');
  }
  if (filter.country) q = q.where('people.country', '=', filter.country);
  const facets: [PersonFacet, string | undefined][] = [
    ['domain', filter.domain],
    ['language', filter.language],
  ];
  for (const [facet, value] of facets) {
    if (!value) continue;
    q = q.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_facets')
        .select('person_id')
        .where('facet', '=', facet)
        .where('value', '=', value),
    );
  }
  if (filter.organisation) {
    const slug = filter.organisation;
    q = q.where('people.id', 'in', (eb) =>
      eb
        .selectFrom('person_organisations')
        .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
        .select('person_organisations.person_id')
        .where('organisations.slug', '=', slug),
    );
  }
  if (onlyIds) q = q.where('people.id', 'in', onlyIds.length ? onlyIds : [-1]);
  return q;
}

export async function facetsOf(db: Db, ids: number[]): Promise<Map<number, Record<PersonFacet, string[]>>> {
  const out = new Map<number, Record<PersonFacet, string[]>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('person_facets')
    .selectAll()
    .where('person_id', 'in', ids)
    .orderBy('person_id')
    .orderBy('position')
    .execute();
  for (const id of ids) out.set(id, { domain: [], language: [], skill: [] });
  for (const r of rows) out.get(r.person_id)?.[r.facet].push(r.value);
  return out;
}

/** The organisations of some people, in the order each person gave. */
export async function organisationsOf(db: Db, ids: number[]): Promise<Map<number, PersonOrganisation[]>> {
  const out = new Map<number, PersonOrganisation[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('person_organisations')
    .innerJoin('organisations', 'organisations.id', 'person_organisations.organisation_id')
    .select([
      'person_organisations.person_id',
      'person_organisations.role',
      'organisations.slug',
      'organisations.name',
      'organisations.status',
    ])
    .where('person_organisations.person_id', 'in', ids)
    .orderBy('person_organisations.person_id')
    .orderBy('person_organisations.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ slug: r.slug, name: r.name, role: r.role, published: r.status === 'published' });
    out.set(r.person_id, list);
  }
  return out;
}

function parseLinks(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

async function details(db: Db, person: Person | undefined): Promise<PersonDetails | undefined> {
  if (!person) return undefined;
  const [facets, organisations, translations, photo] = await Promise.all([
    facetsOf(db, [person.id]),
    organisationsOf(db, [person.id]),
    translationsOf(db, person.id),
    photoInfo(db, person.id),
  ]);
  const f = facets.get(person.id);
  return {
    ...person,
    domains: f?.domain ?? [],
    languages: f?.language ?? [],
    skills: f?.skill ?? [],
    linkList: parseLinks(person.links),
    organisations: organisations.get(person.id) ?? [],
    translations,
    photo,
  };
}

export async function getPerson(db: Db, slug: string): Promise<PersonDetails | undefined> {
  return details(db, await db.selectFrom('people').selectAll().where('slug', '=', slug).executeTakeFirst());
}

export async function getPersonById(db: Db, id: number): Promise<PersonDetails | undefined> {
  return details(db, await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst());
}

/** A member's own profile, if they have one. */
export function profileOf(db: Db, userId: number) {
  return db
    .selectFrom('people')
    .select(['id', 'slug', 'name'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A URL name from the person's name in Latin letters, unique among people. */
export async function uniqueSlug(db: Db, name: string, translit: string | null | undefined): Promise<string> {
  const base =
    (translit || name)
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'person';
  for (let n = 1; ; n++) {
    if (n === 1 && RESERVED_PERSON_SLUGS.has(base)) continue;
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!taken) return slug;
  }
}

/**
 * The ids of the organisations named by slug, and the slugs that name none (shown to the person
 * as a field error before anything is written).
 */
export async function resolveOrganisations(
  db: Db,
  slugs: string[],
): Promise<{ ids: Map<string, number>; unknown: string[] }> {
  const wanted = [...new Set(slugs)];
  const rows = wanted.length
    ? await db.selectFrom('organisations').select(['id', 'slug']).where('slug', 'in', wanted).execute()
    : [];
  const ids = new Map(rows.map((r) => [r.slug, r.id]));
  return { ids, unknown: wanted.filter((s) => !ids.has(s)) };
}

function rowValues(input: PersonInput) {
  return {
    name: input.name,
    name_translit: input.name_translit ?? null,
    lang: input.lang,
    title: input.title ?? null,
    bio: input.bio,
    country: input.country ?? null,
    links: JSON.stringify([...new Set(input.links)]),
    email: input.email ?? null,
    phone: input.phone ?? null,
    contact_visibility: input.contact_visibility,
  };
}

/** Skills are free tags: the first spelling of a tag wins over later ones differing in case only. */
function uniqueSkills(skills: string[]): string[] {
  const seen = new Map<string, string>();
  for (const s of skills) {
    const key = s.normalize('NFKC').toLowerCase();
    if (!seen.has(key)) seen.set(key, s.normalize('NFC'));
  }
  return [...seen.values()];
}

async function writeRelations(
  db: Db,
  personId: number,
  input: PersonInput,
  organisationIds: Map<string, number>,
): Promise<void> {
  await db.deleteFrom('person_facets').where('person_id', '=', personId).execute();
  const rows = [
    ...[...new Set(input.domains)].map((value) => ({ facet: 'domain' as const, value })),
    ...[...new Set(input.languages)].map((value) => ({ facet: 'language' as const, value })),
    ...uniqueSkills(input.skills).map((value) => ({ facet: 'skill' as const, value })),
  ];
  if (rows.length) {
    await db
      .insertInto('person_facets')
      .values(rows.map((r, position) => ({ person_id: personId, ...r, position })))
      .execute();
  }
  await db.deleteFrom('person_organisations').where('person_id', '=', personId).execute();
  const seen = new Set<number>();
  const links = input.organisations.flatMap((o, position) => {
    const id = organisationIds.get(o.slug);
    if (id === undefined || seen.has(id)) return [];
    seen.add(id);
    return [{ person_id: personId, organisation_id: id, role: o.role ?? null, position }];
  });
  if (links.length) await db.insertInto('person_organisations').values(links).execute();
  await db.deleteFrom('person_translations').where('person_id', '=', personId).execute();
  if (input.translations.length) {
    await db
      .insertInto('person_translations')
      .values(translationRows(input).map((tr) => ({ person_id: personId, ...tr })))
      .execute();
  }
}

/** The translations as stored: one per language (the schema refuses doubles; the API is trusted less). */
function translationRows(input: PersonInput): PersonTranslation[] {
  const unique = new Map<string, PersonTranslation>();
  for (const tr of input.translations) {
    if (tr.lang === input.lang || unique.has(tr.lang)) continue;
    unique.set(tr.lang, { lang: tr.lang, title: tr.title ?? null, bio: tr.bio });
  }
  return [...unique.values()].sort(byLang);
}

/** What the search index holds for a person. */
export async function searchRecordOf(db: Db, personId: number): Promise<SearchableRecord | undefined> {
  const person = await getPersonById(db, personId);
  if (!person) return undefined;
  return {
    type: 'person',
    recordId: person.id,
    lang: person.lang,
    title: [person.name, person.name_translit].filter(Boolean).join(' · '),
    body: [
      person.title,
      // Translated titles and bios are found too (a Vietnamese word finds the Vietnamese title).
      ...person.translations.map((tr) => tr.title),
      ...person.organisations
        .filter((o) => o.published)
        .map((o) => [o.role, o.name].filter(Boolean).join(', ')),
      person.skills.join(', '),
      person.bio,
      ...person.translations.map((tr) => tr.bio),
    ]
      .filter(Boolean)
      .join('\n\n'),
    url: `/directory/people/${person.slug}`,
    country: person.country,
    visibility: person.status === 'published' ? 'public' : 'private',
    ownerId: person.user_id,
    updatedAt: person.updated_at,
  };
}

export async function reindex(db: Db, personId: number): Promise<void> {
  const record = await searchRecordOf(db, personId);
  if (record) await indexRecord(db, record);
}

export async function createPerson(
  db: Db,
  input: PersonInput,
  options: {
    userId: number | null;
    actor: User | null;
    status: PersonStatus;
    organisationIds: Map<string, number>;
    slug?: string;
  },
): Promise<Person> {
  const now = new Date().toISOString();
  const person = await db
    .insertInto('people')
    .values({
      ...rowValues(input),
      slug: options.slug ?? (await uniqueSlug(db, input.name, input.name_translit)),
      user_id: options.userId,
      status: options.status,
      created_by: options.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeRelations(db, person.id, input, options.organisationIds);
  await reindex(db, person.id);
  return person;
}

/** Saves changes and returns them as { field: { from, to } } (empty when nothing changed). */
export async function updatePerson(
  db: Db,
  person: PersonDetails,
  input: PersonInput,
  options: { status: PersonStatus; organisationIds: Map<string, number> },
): Promise<Record<string, { from: unknown; to: unknown }>> {
  const values = { ...rowValues(input), status: options.status };
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(values)) {
    const from = person[key as keyof Person];
    if (from !== to) changes[key] = { from, to };
  }
  const orgsBefore = person.organisations.map((o) => `${o.slug}:${o.role ?? ''}`).join('|');
  const orgsAfter = input.organisations
    .filter((o) => options.organisationIds.has(o.slug))
    .map((o) => `${o.slug}:${o.role ?? ''}`)
    .join('|');
  if (orgsBefore !== orgsAfter) changes.organisations = { from: orgsBefore, to: orgsAfter };
  const lists: [string, string[], string[]][] = [
    ['domains', person.domains, input.domains],
    ['languages', person.languages, input.languages],
  ];
  for (const [key, before, after] of lists) {
    if ([...before].sort().join() !== [...new Set(after)].sort().join())
      changes[key] = { from: before, to: after };
  }
  // Skills keep the person's order, so a new order is a change too.
  const skills = uniqueSkills(input.skills);
  if (person.skills.join('\n') !== skills.join('\n')) changes.skills = { from: person.skills, to: skills };
  const asKey = (list: PersonTranslation[]) => JSON.stringify(list.map((tr) => [tr.lang, tr.title, tr.bio]));
  const translations = translationRows(input);
  if (asKey(person.translations) !== asKey(translations))
    changes.translations = {
      from: person.translations.map((tr) => tr.lang),
      to: translations.map((tr) => tr.lang),
    };
  if (Object.keys(changes).length === 0) return changes;
  await db
    .updateTable('people')
    .set({ ...values, updated_at: new Date().toISOString() })
    .where('id', '=', person.id)
    .execute();
  await writeRelations(db, person.id, input, options.organisationIds);
  await reindex(db, person.id);
  return changes;
}

export async function deletePerson(db: Db, personId: number): Promise<void> {
  await removeRecord(db, 'person', personId);
  await db.deleteFrom('people').where('id', '=', personId).execute();
}

/** Every person as a search record, for `hub search reindex`. */
export async function* allSearchRecords(db: Db): AsyncIterable<SearchableRecord> {
  let after = 0;
  for (;;) {
    const ids = await db
      .selectFrom('people')
      .select('id')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (ids.length === 0) return;
    for (const { id } of ids) {
      const record = await searchRecordOf(db, id);
      if (record) yield record;
    }
    after = ids.at(-1)!.id;
  }
}

// --- Claims --------------------------------------------------------------------------------------

export function pendingClaimOf(db: Db, personId: number, userId: number) {
  return db
    .selectFrom('person_claims')
    .select(['id', 'created_at'])
    .where('person_id', '=', personId)
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function createClaim(
  db: Db,
  personId: number,
  userId: number,
  message: string,
): Promise<number> {
  const row = await db
    .insertInto('person_claims')
    .values({
      person_id: personId,
      user_id: userId,
      message,
      status: 'pending',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The claims waiting for an administrator, oldest first, with who asked for which profile. */
export function pendingClaims(db: Db) {
  return db
    .selectFrom('person_claims')
    .innerJoin('people', 'people.id', 'person_claims.person_id')
    .innerJoin('users', 'users.id', 'person_claims.user_id')
    .select([
      'person_claims.id',
      'person_claims.message',
      'person_claims.created_at',
      'people.slug as person_slug',
      'people.name as person_name',
      'people.user_id as person_owner',
      'users.name as user_name',
      'users.email as user_email',
    ])
    .where('person_claims.status', '=', 'pending')
    .orderBy('person_claims.created_at')
    .orderBy('person_claims.id')
    .limit(200)
    .execute();
}

export function getClaim(db: Db, id: number) {
  return db.selectFrom('person_claims').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Gives the profile to the claimant and closes the other claims on it. Returns the message key of
 * the reason when that is no longer possible (someone owns it by now, or the claimant has a profile).
 */
export async function approveClaim(
  db: Db,
  claim: PersonClaim,
  admin: User,
): Promise<'people.claimOwned' | 'people.claimHasProfile' | null> {
  const person = await db
    .selectFrom('people')
    .select(['id', 'user_id'])
    .where('id', '=', claim.person_id)
    .executeTakeFirst();
  if (!person || person.user_id !== null) return 'people.claimOwned';
  if (await profileOf(db, claim.user_id)) return 'people.claimHasProfile';
  const now = new Date().toISOString();
  // Repeats the condition, so that of two administrators approving at once only one succeeds.
  const taken = await db
    .updateTable('people')
    .set({ user_id: claim.user_id, updated_at: now })
    .where('id', '=', person.id)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) return 'people.claimOwned';
  await db
    .updateTable('person_claims')
    .set({ status: 'approved', decided_at: now, decided_by: admin.id })
    .where('id', '=', claim.id)
    .execute();
  await db
    .updateTable('person_claims')
    .set({ status: 'rejected', decided_at: now, decided_by: admin.id })
    .where('person_id', '=', person.id)
    .where('status', '=', 'pending')
    .execute();
  await reindex(db, person.id);
  return null;
}

export async function rejectClaim(db: Db, claimId: number, admin: User): Promise<void> {
  await db
    .updateTable('person_claims')
    .set({ status: 'rejected', decided_at: new Date().toISOString(), decided_by: admin.id })
    .where('id', '=', claimId)
    .where('status', '=', 'pending')
    .execute();
}
