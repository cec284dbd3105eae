// One person as the pages and the API read them (facets, organisations, translations, photo), a
// member's own profile, the claims on a profile, and the loaders that answer 404 (also for profiles
// the reader may not see) and 403.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { byLang } from '../../platform/translations.ts';
import { canEdit, canView } from './permissions.ts';
import { type PhotoInfo, photos } from './photo.ts';
import type { PeopleTable, PersonClaimsTable } from './tables.ts';
import type { PersonFacet } from './vocab.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;
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

async function translationsOf(db: Db, personId: number): Promise<PersonTranslation[]> {
  const rows = await db
    .selectFrom('person_translations')
    .select(['lang', 'title', 'bio'])
    .where('person_id', '=', personId)
    .execute();
  return rows.sort(byLang);
}

/** The domains, languages and skills of some people, each in the person's order. */
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

/** The published organisations only, as lists, cards and exports show them. */
export const publishedOrganisations = (organisations: PersonOrganisation[] | undefined) =>
  (organisations ?? []).filter((o) => o.published).map(({ slug, name, role }) => ({ slug, name, role }));

/** The links column (a JSON array of addresses) as a list; anything else as none. */
export function parseLinks(json: string): string[] {
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
    photos.info(db, person.id),
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

/** The person of the URL's `:slug` as `user` may see them, or 404 (also for profiles they may not see). */
export async function loadVisiblePerson(c: C, user: User | null = c.var.auth?.user ?? null) {
  const person = await getPerson(c.var.deps.db, c.req.param('slug') ?? '');
  if (!person || !canView(user, person)) throw new HttpError(404, 'error.404.message');
  return person;
}

/** The person of the URL for someone who may edit the profile (and its photo): 401, 404, then 403. */
export async function loadEditablePerson(c: C): Promise<PersonDetails> {
  const ctx = actionContext(c);
  const person = await loadVisiblePerson(c, actingUser(ctx));
  ensure(ctx, (user) => canEdit(user, person));
  return person;
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

/** The claim of the URL's `:id`, or 404. */
export async function loadClaim(c: C): Promise<PersonClaim> {
  const id = Number(c.req.param('id'));
  const claim = Number.isSafeInteger(id)
    ? await c.var.deps.db.selectFrom('person_claims').selectAll().where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!claim) throw new HttpError(404, 'error.404.message');
  return claim;
}
