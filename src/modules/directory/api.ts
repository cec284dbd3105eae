// /api/v1/organisations: the directory through the API, with the page's filters, schema and actions
// (so the same permissions, validation, history and audit).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actionContext, ensure } from '../../platform/actions.ts';
import { apiRouter } from '../../platform/api.ts';
import { listFilters, pagedQuery, patchedInput, recordRoutes, slugParam } from '../../platform/api-routes.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import {
  CONTACT_VISIBILITIES,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../platform/vocabularies.ts';
import { getOrganisation, type OrganisationDetails, placeOf, visibleOrganisation } from './access.ts';
import { createOrganisation, deleteOrganisation, updateOrganisation } from './actions/organisations.ts';
import { listOrganisations, type OrganisationCard } from './listing.ts';
import { canEdit, canSeeContact } from './permissions.ts';
import { directoryFilterSchema, inputOf, organisationInputSchema, organisationObject } from './schemas.ts';

const OrganisationSchema = z
  .object({
    slug: z.string(),
    url: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string(),
    nameTranslit: z.string().nullable(),
    lang: z.string(),
    description: z.string().openapi({ description: 'Markdown' }),
    translations: z.array(
      z.object({
        lang: z.string(),
        name: z.string(),
        description: z.string().openapi({ description: 'Markdown' }),
      }),
    ),
    links: z
      .array(z.object({ label: z.string(), url: z.string() }))
      .openapi({ description: 'Social and other links besides the website' }),
    country: z.string(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    address: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    website: z.string().nullable(),
    email: z.string().nullable().openapi({ description: 'Null when the reader may not see it' }),
    phone: z.string().nullable(),
    contactVisibility: z.enum(CONTACT_VISIBILITIES),
    foundedYear: z.number().int().nullable(),
    parent: z.string().nullable().openapi({ description: 'Slug of the parent organisation' }),
    openingHours: z.string().nullable(),
    domains: z.array(z.string()),
    stages: z.array(z.string()),
    languages: z.array(z.string()),
    facilities: z.array(z.string()),
    verified: z.boolean(),
    status: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Organisation');

/** The body of POST: the form's own schema (PATCH takes any part of it). */
const OrganisationInput = organisationInputSchema.openapi('OrganisationInput');

function toJson(
  org: OrganisationDetails,
  baseUrl: string,
  contact: boolean,
): z.infer<typeof OrganisationSchema> {
  return {
    slug: org.slug,
    url: `${baseUrl}/directory/${org.slug}`,
    kind: org.kind,
    name: org.name,
    nameTranslit: org.name_translit,
    lang: org.lang,
    description: org.description,
    translations: org.translations,
    links: org.linkList,
    ...placeOf(org),
    email: contact ? org.email : null,
    phone: contact ? org.phone : null,
    contactVisibility: org.contact_visibility,
    foundedYear: org.founded_year,
    parent: org.parent?.slug ?? null,
    openingHours: org.opening_hours,
    domains: org.domains,
    stages: org.stages,
    languages: org.languages,
    facilities: org.facilities,
    verified: org.verified_at !== null,
    status: org.status,
    createdAt: org.created_at,
    updatedAt: org.updated_at,
  };
}

/** An organisation in a page of the list. */
function cardJson(card: OrganisationCard, baseUrl: string) {
  return {
    slug: card.slug,
    url: `${baseUrl}/directory/${card.slug}`,
    kind: card.kind as OrganisationKind,
    name: card.name,
    nameTranslit: card.name_translit,
    lang: card.lang,
    country: card.country,
    city: card.city,
    verified: card.verified,
  };
}

const organisations = recordRoutes({
  path: '/organisations',
  tags: ['Directory'],
  params: slugParam('stella'),
  record: OrganisationSchema,
});
const routes = {
  list: organisations.list('List organisations, with the filters of the directory page', {
    query: pagedQuery(
      listFilters(directoryFilterSchema, {
        q: null,
        kind: null,
        country: null,
        city: null,
        domain: null,
        stage: null,
        language: null,
        verified: '1: verified only',
        sort: null,
      }),
      24,
    ),
    items: OrganisationSchema.pick({
      slug: true,
      url: true,
      kind: true,
      name: true,
      nameTranslit: true,
      lang: true,
      country: true,
      city: true,
      verified: true,
    }),
    response: 'A page of organisations',
  }),
  read: organisations.read('One organisation', { response: 'The organisation' }),
  create: organisations.create('Add an organisation (any signed-in member; it may wait for approval)', {
    body: OrganisationInput,
    response: 'The new organisation',
    also: [400],
  }),
  update: organisations.update('Change an organisation (its owners and editors, and the hub’s editors)', {
    body: organisationObject.partial(),
    response: 'The changed organisation',
    also: [400],
  }),
  delete: organisations.delete('Delete an organisation (its owners and the hub’s admins)'),
};

export function directoryApi(deps: AppDeps) {
  const { db, config } = deps;
  /** The organisation of the path as the reader may see it (404 otherwise), as JSON. */
  const load = (c: Context<AppEnv>, slug: string) =>
    getOrganisation(db, slug).then((org) => visibleOrganisation(db, org, c.var.auth?.user ?? null));
  const json = async (c: Context<AppEnv>, slug: string) => {
    const { org, user, role } = await load(c, slug);
    return toJson(org, config.baseUrl, canSeeContact(user, org, role));
  };
  return apiRouter()
    .openapi(routes.list, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = directoryFilterSchema.parse(query);
      const { cards, total } = await listOrganisations(db, filter, {
        viewer: c.var.auth?.user ?? null,
        locale: c.var.locale,
        pageSize,
      });
      return c.json({ total, page: filter.page, items: cards.map((o) => cardJson(o, config.baseUrl)) }, 200);
    })
    .openapi(routes.read, async (c) => c.json(await json(c, c.req.valid('param').slug), 200))
    .openapi(routes.create, async (c) => {
      const org = await createOrganisation(actionContext(c), c.req.valid('json'));
      return c.json(await json(c, org.slug), 201);
    })
    .openapi(routes.update, async (c) => {
      const ctx = actionContext(c);
      const { org, role } = await load(c, c.req.valid('param').slug);
      ensure(ctx, (u) => canEdit(u, role));
      const input = await patchedInput(c, organisationInputSchema, inputOf(org));
      await updateOrganisation(ctx, org, input);
      return c.json(await json(c, org.slug), 200);
    })
    .openapi(routes.delete, async (c) => {
      const { org } = await load(c, c.req.valid('param').slug);
      await deleteOrganisation(actionContext(c), org);
      return c.body(null, 204);
    });
}
