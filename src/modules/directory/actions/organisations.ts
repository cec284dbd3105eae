// Every write of an organisation, for the pages, the API, the import and the seed alike: who may
// (permissions.ts), the transaction (record, facets, translations, membership, search entry,
// history and audit entry together, so a refused part leaves nothing half-saved), and the audit log.
import type { Kysely } from 'kysely';
import { replaceChildRows } from '../../../db/child-rows.ts';
import type { Database, User } from '../../../db/schema.ts';
import { type ActionContext, ensure, transact } from '../../../platform/actions.ts';
import { hasRole } from '../../../platform/auth.ts';
import { HttpError } from '../../../platform/http/errors.ts';
import { auditOf } from '../../../platform/record-audit.ts';
import { deleteIndexedRecord } from '../../../platform/record-deletion.ts';
import { slugFrom, uniqueSlug } from '../../../platform/slugs.ts';
import { nowIso } from '../../../platform/time.ts';
import { translationRows } from '../../../platform/translations.ts';
import {
  ensureWithRole,
  type Organisation,
  type OrganisationDetails,
  type OrganisationTranslation,
} from '../access.ts';
import { askParentOwners } from '../notifications.ts';
import { canCreate, canDelete, canEdit, canModerate, canVerify } from '../permissions.ts';
import type { OrganisationInput } from '../schemas.ts';
import { reindex } from '../search.ts';
import { APPROVAL_SETTING, type OrganisationStatus, RESERVED_SLUGS } from '../vocab.ts';
import { type Changes, recordHistory } from './history.ts';
import { parentConfirmation } from './parents.ts';

type Db = Kysely<Database>;
const auditOrganisation = auditOf('organisation');

/**
 * Organisations added by members wait for a moderator when the `directory.approval` setting is
 * '1'; the hub's editors and admins, and the platform itself (seed, command line), publish directly.
 */
export async function statusForNew(db: Db, user: User | null): Promise<OrganisationStatus> {
  if (!user || hasRole(user, 'editor')) return 'published';
  const setting = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', APPROVAL_SETTING)
    .executeTakeFirst();
  return setting?.value === '1' ? 'pending' : 'published';
}

/** A URL name from the organisation's name in Latin letters, unique among organisations. */
export function organisationSlug(db: Db, name: string, translit: string | null | undefined): Promise<string> {
  const isTaken = async (slug: string) =>
    !!(await db.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst());
  return uniqueSlug(slugFrom(translit || name, 'organisation'), isTaken, RESERVED_SLUGS);
}

/** The links as stored and as the history shows them: a label ('' for none) and an address. */
const linksOf = (input: OrganisationInput) => input.links.map((l) => ({ label: l.label ?? '', url: l.url }));

function rowValues(input: OrganisationInput) {
  return {
    kind: input.kind,
    name: input.name,
    name_translit: input.name_translit,
    lang: input.lang,
    description: input.description,
    country: input.country,
    province: input.province,
    city: input.city,
    address: input.address,
    latitude: input.latitude,
    longitude: input.longitude,
    website: input.website,
    email: input.email,
    phone: input.phone,
    contact_visibility: input.contact_visibility,
    founded_year: input.founded_year,
    opening_hours: input.opening_hours,
    links: JSON.stringify(linksOf(input)),
  };
}

/** The translations as stored: one per language, never the organisation's own (the API is trusted less). */
const translationsOf = (input: OrganisationInput): OrganisationTranslation[] =>
  translationRows(input, (tr) => ({ lang: tr.lang, name: tr.name ?? '', description: tr.description }));

/** The facets as stored: facilities only for creative hubs, each value once. */
function facetRows(input: OrganisationInput) {
  return {
    domain: [...new Set(input.domains)],
    stage: [...new Set(input.stages)],
    language: [...new Set(input.languages)],
    facility: input.kind === 'creative_hub' ? [...new Set(input.facilities)] : [],
  };
}

/** Facets and translations, replaced as a whole. */
async function writeLists(db: Db, organisationId: number, input: OrganisationInput): Promise<void> {
  const facets = Object.entries(facetRows(input)).flatMap(([facet, values]) =>
    values.map((value) => ({ facet: facet as 'domain', value })),
  );
  await replaceChildRows(db, 'organisation_facets', 'organisation_id', organisationId, facets);
  await replaceChildRows(
    db,
    'organisation_translations',
    'organisation_id',
    organisationId,
    translationsOf(input),
  );
}

/** How far up a chain of parents is followed; a deeper directory would be a mistake already. */
const MAX_PARENT_DEPTH = 20;

/**
 * The parent the input names, by id. Refused: one that does not exist or is not published (a
 * pending organisation's name and link would otherwise show on the public page, and "no such
 * organisation" reveals nothing of it), the organisation itself, and one below it (A under B under
 * A would make each the other's parent).
 */
async function parentIdOf(db: Db, slug: string | null, selfId?: number): Promise<number | null> {
  if (!slug) return null;
  const parent = await db
    .selectFrom('organisations')
    .select(['id', 'parent_id'])
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .executeTakeFirst();
  if (!parent || parent.id === selfId) throw HttpError.invalid({ parent: 'directory.unknownParent' });
  if (selfId === undefined) return parent.id;
  let above = parent.parent_id;
  for (let depth = 0; above !== null && depth < MAX_PARENT_DEPTH; depth++) {
    if (above === selfId) throw HttpError.invalid({ parent: 'directory.parentCycle' });
    const next = await db
      .selectFrom('organisations')
      .select('parent_id')
      .where('id', '=', above)
      .executeTakeFirst();
    above = next?.parent_id ?? null;
  }
  return parent.id;
}

/**
 * Writes a new organisation with its lists, its first owner (who added it) and its search entry,
 * in the caller's transaction. No permission check and no audit entry: createOrganisation() and
 * the import (one audit entry per file) do those.
 */
export async function insertOrganisation(
  db: Db,
  input: OrganisationInput & { parentId?: number | null; parentConfirmedAt?: string | null; slug?: string },
  actor: User | null,
  status: OrganisationStatus,
): Promise<Organisation> {
  const now = nowIso();
  const org = await db
    .insertInto('organisations')
    .values({
      ...rowValues(input),
      slug: input.slug ?? (await organisationSlug(db, input.name, input.name_translit)),
      parent_id: input.parentId ?? null,
      // Confirmed unless the caller says otherwise: the import is editors' work, the seed the platform's.
      parent_confirmed_at: input.parentId
        ? input.parentConfirmedAt === undefined
          ? now
          : input.parentConfirmedAt
        : null,
      status,
      created_by: actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeLists(db, org.id, input);
  if (actor)
    await db
      .insertInto('organisation_members')
      .values({ organisation_id: org.id, user_id: actor.id, role: 'owner', created_at: now })
      .execute();
  await reindex(db, org.id);
  return org;
}

/** Adds an organisation; it may wait for approval (statusForNew). The seed chooses its slug. */
export async function createOrganisation(
  ctx: ActionContext,
  input: OrganisationInput,
  options: { slug?: string } = {},
): Promise<Organisation> {
  const user = ensure(ctx, canCreate);
  return transact(ctx, async (trx) => {
    const parentId = await parentIdOf(trx, input.parent);
    const parentConfirmedAt = await parentConfirmation(trx, user, parentId);
    const status = await statusForNew(trx, user);
    const org = await insertOrganisation(
      trx,
      { ...input, parentId, parentConfirmedAt, slug: options.slug },
      user,
      status,
    );
    if (parentId !== null && parentConfirmedAt === null) await askParentOwners(trx, ctx, org, parentId);
    await auditOrganisation(trx, ctx, org.id, 'created', { name: org.name, status });
    return org;
  });
}

/** What the input changes of the organisation (empty when nothing). */
function changesOf(org: OrganisationDetails, values: ReturnType<typeof rowValues>, input: OrganisationInput) {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(values)) {
    const from = org[key as keyof Organisation];
    if (from !== to) changes[key] = { from, to };
  }
  // The history shows links as lists, not as the stored JSON.
  if (changes.links) changes.links = { from: org.linkList, to: linksOf(input) };
  const asKey = (list: OrganisationTranslation[]) =>
    JSON.stringify(list.map((tr) => [tr.lang, tr.name, tr.description]));
  const translations = translationsOf(input);
  if (asKey(org.translations) !== asKey(translations))
    changes.translations = {
      from: org.translations.map((tr) => tr.lang),
      to: translations.map((tr) => tr.lang),
    };
  const facets = facetRows(input);
  const lists: [string, string[], string[]][] = [
    ['domains', org.domains, facets.domain],
    ['stages', org.stages, facets.stage],
    ['languages', org.languages, facets.language],
    ['facilities', org.facilities, facets.facility],
  ];
  for (const [key, before, after] of lists)
    if ([...before].sort().join() !== [...after].sort().join()) changes[key] = { from: before, to: after };
  return changes;
}

/** Saves the changes (history, search entry, audit entry) and returns them; nothing is written when there are none. */
export async function updateOrganisation(
  ctx: ActionContext,
  org: OrganisationDetails,
  input: OrganisationInput,
): Promise<Changes> {
  const user = await ensureWithRole(ctx, org.id, canEdit);
  return transact(ctx, async (trx) => {
    const values = { ...rowValues(input), parent_id: await parentIdOf(trx, input.parent, org.id) };
    const changes = changesOf(org, values, input);
    if (Object.keys(changes).length === 0) return changes;
    // A new parent waits for its owners again (unless this writer may confirm for them).
    const parent_confirmed_at = await parentConfirmation(trx, user, values.parent_id, org);
    await trx
      .updateTable('organisations')
      .set({ ...values, parent_confirmed_at, updated_at: nowIso() })
      .where('id', '=', org.id)
      .execute();
    await writeLists(trx, org.id, input);
    if (values.parent_id !== null && parent_confirmed_at === null && values.parent_id !== org.parent_id)
      await askParentOwners(trx, ctx, { id: org.id, name: values.name }, values.parent_id);
    await recordHistory(trx, org.id, user?.id ?? null, changes);
    await reindex(trx, org.id);
    await auditOrganisation(trx, ctx, org.id, 'updated', { fields: Object.keys(changes) });
    return changes;
  });
}

export async function deleteOrganisation(ctx: ActionContext, org: Organisation): Promise<void> {
  await ensureWithRole(ctx, org.id, canDelete);
  await transact(ctx, async (trx) => {
    await auditOrganisation(trx, ctx, org.id, 'deleted', { name: org.name, slug: org.slug });
    await deleteIndexedRecord(trx, 'organisations', 'organisation', org.id);
  });
}

/** Gives or takes the "verified" badge (the hub's admins). */
export async function verifyOrganisation(
  ctx: ActionContext,
  org: Organisation,
  verified: boolean,
): Promise<void> {
  ensure(ctx, canVerify);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('organisations')
      .set({ verified_at: verified ? nowIso() : null })
      .where('id', '=', org.id)
      .execute();
    await auditOrganisation(trx, ctx, org.id, verified ? 'verified' : 'unverified');
  });
}

/** A moderator publishes an organisation that waits for approval, or hides a reported one; the search index follows. */
export async function moderateOrganisation(
  ctx: ActionContext,
  org: Organisation,
  decision: 'approve' | 'hide',
): Promise<void> {
  ensure(ctx, canModerate);
  await transact(ctx, async (trx) => {
    await trx
      .updateTable('organisations')
      .set({ status: decision === 'approve' ? 'published' : 'hidden', updated_at: nowIso() })
      .where('id', '=', org.id)
      .execute();
    await reindex(trx, org.id);
    await auditOrganisation(trx, ctx, org.id, decision === 'approve' ? 'approved' : 'hidden');
  });
}
