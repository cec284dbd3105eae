// Every write of a profile, for the pages, the API, the seed and the import alike: who may (one's
// own profile once; the hub's editors also for people without an account), the organisations it
// names (each must be in the directory), the transaction (profile, facets, organisations,
// translations, search entry and audit entry together), and the audit log.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../../db/child-rows.ts';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, actingUser, ensure, transact } from '../../../platform/actions.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../../platform/record-deletion.ts';
import { slugFrom, uniqueSlug } from '../../../platform/slugs.ts';
import { nowIso } from '../../../platform/time.ts';
import { translationRows } from '../../../platform/translations.ts';
import { type Person, type PersonDetails, type PersonTranslation, profileOf } from '../access.ts';
import { canCreateForOthers, canDelete, canEdit, statusAfterSave } from '../permissions.ts';
import type { Owner, PersonCreateInput, PersonInput } from '../schemas.ts';
import { reindex } from '../search.ts';
import { type PersonStatus, RESERVED_PERSON_SLUGS } from '../vocab.ts';

type Db = Kysely<Database>;
const auditPerson = auditOf('person');

/** A URL name from the person's name in Latin letters, unique among people, never a page's name. */
const slugOf = (db: Db, input: PersonInput) =>
  uniqueSlug(
    slugFrom(input.name_translit || input.name, 'person'),
    async (slug) =>
      !!(await db.selectFrom('people').select('id').where('slug', '=', slug).executeTakeFirst()),
    RESERVED_PERSON_SLUGS,
  );

/** The ids of the organisations named by slug, and the slugs that name none. */
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

/** The organisations the input names, by slug; one that is not in the directory is refused (422). */
async function organisationIdsOf(db: Db, input: PersonInput): Promise<Map<string, number>> {
  const { ids, unknown } = await resolveOrganisations(
    db,
    input.organisations.map((o) => o.slug),
  );
  if (unknown.length) throw HttpError.invalid({ organisations: 'people.unknownOrganisation' });
  return ids;
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

/** The translations as stored: one per language, never the profile's own (the API is trusted less). */
const translationsOf = (input: PersonInput): PersonTranslation[] =>
  translationRows(input, (tr) => ({ lang: tr.lang, title: tr.title ?? null, bio: tr.bio }));

async function writeRelations(
  db: Db,
  personId: number,
  input: PersonInput,
  organisationIds: Map<string, number>,
): Promise<void> {
  const facets = [
    ...[...new Set(input.domains)].map((value) => ({ facet: 'domain' as const, value })),
    ...[...new Set(input.languages)].map((value) => ({ facet: 'language' as const, value })),
    ...uniqueSkills(input.skills).map((value) => ({ facet: 'skill' as const, value })),
  ].map((facet, position) => ({ ...facet, position }));
  await replaceChildRows(db, 'person_facets', 'person_id', personId, facets);
  const seen = new Set<number>();
  const links = input.organisations.flatMap((o, position) => {
    const id = organisationIds.get(o.slug);
    if (id === undefined || seen.has(id)) return [];
    seen.add(id);
    return [{ organisation_id: id, role: o.role ?? null, position }];
  });
  await replaceChildRows(db, 'person_organisations', 'person_id', personId, links);
  await replaceChildRows(db, 'person_translations', 'person_id', personId, translationsOf(input));
}

/**
 * Writes a new profile with everything around it and its search entry, in the caller's
 * transaction; no permission check and no audit entry. createPerson below and the import (whose
 * engine checks the importer and audits the file once) write through it.
 */
export async function insertPerson(
  db: Db,
  input: PersonInput,
  options: {
    userId: number | null;
    createdBy: number | null;
    status: PersonStatus;
    organisationIds: Map<string, number>;
    slug?: string;
  },
): Promise<Person> {
  const now = nowIso();
  const person = await db
    .insertInto('people')
    .values({
      ...rowValues(input),
      slug: options.slug ?? (await slugOf(db, input)),
      user_id: options.userId,
      status: options.status,
      created_by: options.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeRelations(db, person.id, input, options.organisationIds);
  await reindex(db, person.id);
  return person;
}

/**
 * Whether the acting user may create a profile for `owner`: their own once (409 when they have
 * one), someone else's only as an editor (403). Returns the user (null for the platform itself).
 */
export async function ensureMayCreate(ctx: ActionContext, owner: Owner): Promise<User | null> {
  if (owner === 'none') return ensure(ctx, canCreateForOthers);
  const user = actingUser(ctx);
  if (await profileOf(ctx.trx ?? ctx.deps.db, user.id)) throw new HttpError(409, 'people.alreadyHaveProfile');
  return user;
}

export async function createPerson(
  ctx: ActionContext,
  input: PersonCreateInput,
  options: { slug?: string } = {},
): Promise<Person> {
  const user = await ensureMayCreate(ctx, input.owner);
  const organisationIds = await organisationIdsOf(ctx.trx ?? ctx.deps.db, input);
  // The platform itself (seed, command line) gives the status asked for.
  const status = user ? statusAfterSave(user, null, input.status) : input.status;
  return transact(ctx, async (trx) => {
    const person = await insertPerson(trx, input, {
      userId: input.owner === 'me' ? (user?.id ?? null) : null,
      createdBy: user?.id ?? null,
      status,
      organisationIds,
      slug: options.slug,
    });
    await auditPerson(trx, ctx, person.id, 'created', {
      name: person.name,
      own: input.owner === 'me',
      status,
    });
    return person;
  });
}

/** What a save changes, as { field: { from, to } } (empty: nothing to write). */
function changesOf(
  person: PersonDetails,
  values: ReturnType<typeof rowValues> & { status: PersonStatus },
  input: PersonInput,
  organisationIds: Map<string, number>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(values)) {
    const from = person[key as keyof Person];
    if (from !== to) changes[key] = { from, to };
  }
  const orgsBefore = person.organisations.map((o) => `${o.slug}:${o.role ?? ''}`).join('|');
  const orgsAfter = input.organisations
    .filter((o) => organisationIds.has(o.slug))
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
  const translations = translationsOf(input);
  if (asKey(person.translations) !== asKey(translations))
    changes.translations = {
      from: person.translations.map((tr) => tr.lang),
      to: translations.map((tr) => tr.lang),
    };
  return changes;
}

/** Saves the changes (the person and the hub's editors); the names of the fields that changed. */
export async function updatePerson(
  ctx: ActionContext,
  person: PersonDetails,
  input: PersonInput,
): Promise<string[]> {
  const user = ensure(ctx, (u) => canEdit(u, person));
  const organisationIds = await organisationIdsOf(ctx.trx ?? ctx.deps.db, input);
  const status = user ? statusAfterSave(user, person.status, input.status) : input.status;
  const values = { ...rowValues(input), status };
  const fields = Object.keys(changesOf(person, values, input, organisationIds));
  if (fields.length === 0) return fields;
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('people')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', person.id)
      .execute();
    await writeRelations(trx, person.id, input, organisationIds);
    await reindex(trx, person.id);
    await auditPerson(trx, ctx, person.id, 'updated', { fields });
  });
  return fields;
}

/** Deletes the profile with its photo, facets, claims and search entry (the person and admins). */
export async function deletePerson(ctx: ActionContext, person: PersonDetails): Promise<void> {
  ensure(ctx, (user) => canDelete(user, person));
  await transact(ctx, async (trx) => {
    await auditPerson(trx, ctx, person.id, 'deleted', { name: person.name, slug: person.slug });
    await deleteIndexedRecord(trx, 'people', 'person', person.id);
  });
}
