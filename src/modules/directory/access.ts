// One organisation as the pages and the API read it (with its facets, translations, links, parent
// and units), the reader's role in it, and the loaders that answer 404 for one that does not exist
// or that the reader may not see. Also the organisations a member belongs to and an organisation's
// history, which its editors see on the profile.
import type { Context, Next } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../../db/schema.ts';
import { type ActionContext, actingUser, actionContext, ensure } from '../../platform/actions.ts';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { byLang } from '../../platform/translations.ts';
import { canView } from './permissions.ts';
import type { Organisation } from './tables.ts';
import { type FacetName, type MemberRole, RESERVED_SLUGS } from './vocab.ts';

type Db = Kysely<Database>;
type C = Context<AppEnv>;

export type { Organisation };

export interface OrganisationTranslation {
  lang: string;
  name: string;
  description: string;
}

export interface OrganisationLink {
  label: string;
  url: string;
}

export interface OrganisationDetails extends Organisation {
  domains: string[];
  stages: string[];
  languages: string[];
  facilities: string[];
  translations: OrganisationTranslation[];
  /** organisations.links, read: social and other links besides the website. */
  linkList: OrganisationLink[];
  /** The parent once its owners confirmed the link: what every public view shows. */
  parent: { slug: string; name: string } | null;
  /** The parent named but not confirmed yet: shown only to the organisation's own people. */
  pendingParent: { slug: string; name: string } | null;
  /** Its units: published organisations whose parent link it confirmed. */
  children: { slug: string; name: string }[];
}

/** organisations.links as stored (JSON); anything unreadable counts as no links. */
export function parseLinks(json: string): OrganisationLink[] {
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return list.flatMap((l) =>
      typeof l?.url === 'string' ? [{ label: typeof l.label === 'string' ? l.label : '', url: l.url }] : [],
    );
  } catch {
    return [];
  }
}

/** Where an organisation is, and its website: read as they are stored by the API, the exports and the form. */
const PLACE = ['country', 'province', 'city', 'address', 'latitude', 'longitude', 'website'] as const;
export type PlaceFields = Pick<Organisation, (typeof PLACE)[number]>;
export const placeOf = (org: Organisation): PlaceFields =>
  Object.fromEntries(PLACE.map((key) => [key, org[key]])) as PlaceFields;

/** The facets (domains, stages, languages, facilities) of some organisations. */
export async function facetsOf(db: Db, ids: number[]): Promise<Map<number, Record<FacetName, string[]>>> {
  const out = new Map<number, Record<FacetName, string[]>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('organisation_facets')
    .selectAll()
    .where('organisation_id', 'in', ids)
    .execute();
  for (const id of ids) out.set(id, { domain: [], stage: [], language: [], facility: [] });
  for (const r of rows) out.get(r.organisation_id)?.[r.facet].push(r.value);
  return out;
}

/** The organisation of a slug with everything its page shows; undefined when there is none. */
export async function getOrganisation(db: Db, slug: string): Promise<OrganisationDetails | undefined> {
  const org = await db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!org) return undefined;
  const [facets, translations, parent, children] = await Promise.all([
    facetsOf(db, [org.id]),
    db
      .selectFrom('organisation_translations')
      .select(['lang', 'name', 'description'])
      .where('organisation_id', '=', org.id)
      .execute(),
    org.parent_id
      ? db
          .selectFrom('organisations')
          .select(['slug', 'name'])
          .where('id', '=', org.parent_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('organisations')
      .select(['slug', 'name'])
      .where('parent_id', '=', org.id)
      .where('parent_confirmed_at', 'is not', null)
      .where('status', '=', 'published')
      .orderBy('name')
      .execute(),
  ]);
  const f = facets.get(org.id);
  return {
    ...org,
    domains: f?.domain ?? [],
    stages: f?.stage ?? [],
    languages: f?.language ?? [],
    facilities: f?.facility ?? [],
    translations: translations.sort(byLang),
    linkList: parseLinks(org.links),
    parent: parent && org.parent_confirmed_at ? parent : null,
    pendingParent: parent && !org.parent_confirmed_at ? parent : null,
    children,
  };
}

/** A member's role in an organisation; null when they are not one of its people. */
export async function memberRole(db: Db, organisationId: number, userId: number): Promise<MemberRole | null> {
  const row = await db
    .selectFrom('organisation_members')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** The acting person's role in an organisation (null for visitors and for the platform itself). */
export function actingRole(ctx: ActionContext, organisationId: number): Promise<MemberRole | null> {
  return ctx.user ? memberRole(ctx.trx ?? ctx.deps.db, organisationId, ctx.user.id) : Promise.resolve(null);
}

/**
 * The acting person, once `allowed` lets them do this with their role in the organisation (401 for
 * a visitor, 403 otherwise): what every write of an organisation asks first.
 */
export async function ensureWithRole(
  ctx: ActionContext,
  organisationId: number,
  allowed: (user: User | null, role: MemberRole | null) => boolean,
): Promise<User | null> {
  const role = await actingRole(ctx, organisationId);
  return ensure(ctx, (user) => allowed(user, role));
}

/** The context of a write by someone signed in: a visitor is sent to log in first (401), before any 404. */
export function signedInContext(c: C): ActionContext {
  const ctx = actionContext(c);
  actingUser(ctx);
  return ctx;
}

/** An organisation with the reader and the reader's role in it, as the loaders give it. */
export interface OrganisationAccess<O extends Organisation = OrganisationDetails> {
  org: O;
  user: User | null;
  role: MemberRole | null;
}

/** The organisation the reader may see, with their role; 404 otherwise (also when it is unpublished). */
export async function visibleOrganisation<O extends Organisation>(
  db: Db,
  org: O | undefined,
  user: User | null,
): Promise<OrganisationAccess<O>> {
  const role = org && user ? await memberRole(db, org.id, user.id) : null;
  if (!org || !canView(user, org, role)) throw new HttpError(404, 'error.404.message');
  return { org, user, role };
}

/** The organisation of the URL's `:slug` with everything its page shows, or 404. */
export function loadOrganisation(c: C): Promise<OrganisationAccess> {
  const { db } = c.var.deps;
  return getOrganisation(db, c.req.param('slug') ?? '').then((org) =>
    visibleOrganisation(db, org, c.var.auth?.user ?? null),
  );
}

/** The same without the details (the members page, the logo), or 404. */
export async function loadOrganisationRow(c: C): Promise<OrganisationAccess<Organisation>> {
  const { db } = c.var.deps;
  const org = await db
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', c.req.param('slug') ?? '')
    .executeTakeFirst();
  return visibleOrganisation(db, org, c.var.auth?.user ?? null);
}

/**
 * A handler of /directory/:slug/…: words under /directory/ that name pages of other routers
 * (people, import, invitations…) are never a slug, so the organisation's handlers step aside.
 */
export function bySlug(handler: (c: C) => Response | Promise<Response>) {
  return (c: C, next: Next) => (RESERVED_SLUGS.has(c.req.param('slug') ?? '') ? next() : handler(c));
}

/** A published organisation's id, slug and name, by slug or by id (what another module links to). */
export function organisationRef(db: Db, by: { slug: string } | { id: number }) {
  let q = db
    .selectFrom('organisations')
    .select(['id', 'slug', 'name', 'lang'])
    .where('status', '=', 'published');
  q = 'slug' in by ? q.where('slug', '=', by.slug) : q.where('id', '=', by.id);
  return q.executeTakeFirst();
}

/** The organisations `userId` belongs to, by name (the news form's "on behalf of" choice). */
export function organisationsOf(db: Db, userId: number) {
  return db
    .selectFrom('organisation_members')
    .innerJoin('organisations', 'organisations.id', 'organisation_members.organisation_id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name', 'organisations.lang'])
    .where('organisation_members.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute();
}

/** The latest changes of an organisation, for its editors. */
export function historyOf(db: Db, organisationId: number) {
  return db
    .selectFrom('organisation_history')
    .leftJoin('users', 'users.id', 'organisation_history.actor_id')
    .select([
      'organisation_history.id',
      'organisation_history.at',
      'organisation_history.changes',
      'users.name as actor_name',
    ])
    .where('organisation_id', '=', organisationId)
    .orderBy('organisation_history.id', 'desc')
    .limit(50)
    .execute();
}
