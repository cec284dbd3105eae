// /api/v1/organisations: the directory through the API, with the same filters, permissions and
// validation as the pages (same schemas, same permissions.ts, same store).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import {
  CONTACT_VISIBILITIES,
  DOMAINS,
  ORGANISATION_KINDS,
  VALUE_CHAIN_STAGES,
} from '../../platform/vocabularies.ts';
import { listOrganisations } from './listing.ts';
import { canCreate, canDelete, canEdit, canSeeContact, canView } from './permissions.ts';
import {
  directoryFilterSchema,
  MAX_LINKS,
  MAX_TRANSLATIONS,
  type OrganisationInput,
  organisationInputSchema,
} from './schemas.ts';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisation,
  memberRole,
  type OrganisationDetails,
  statusForNew,
  updateOrganisation,
} from './store.ts';
import { formValuesOf } from './views-form.tsx';
import { FACILITIES } from './vocab.ts';

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

/**
 * The body of POST and PATCH as documented. It only checks types: the rules (lengths, ranges,
 * known codes) are organisationInputSchema's, the same as the form's, with the same messages.
 */
const OrganisationInputDoc = z
  .object({
    kind: z.enum(ORGANISATION_KINDS),
    name: z.string().openapi({ description: 'At most 200 characters' }),
    name_translit: z.string().nullable().optional(),
    lang: z.string().openapi({ example: 'lo', description: 'BCP 47 language of name and description' }),
    description: z.string().optional().openapi({ description: 'Markdown, at most 20 000 characters' }),
    country: z.string().openapi({ example: 'LA', description: 'ISO 3166-1 alpha-2' }),
    province: z.string().nullable().optional(),
    city: z.string().nullable().optional(),
    address: z.string().nullable().optional(),
    latitude: z.number().nullable().optional().openapi({ description: '-90 to 90' }),
    longitude: z.number().nullable().optional().openapi({ description: '-180 to 180' }),
    website: z.string().nullable().optional().openapi({ description: 'http(s) URL' }),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    contact_visibility: z.enum(CONTACT_VISIBILITIES).optional(),
    founded_year: z.number().int().nullable().optional(),
    parent: z.string().nullable().optional().openapi({ description: 'Slug of the parent organisation' }),
    opening_hours: z.string().nullable().optional(),
    domains: z.array(z.enum(DOMAINS)).optional(),
    stages: z.array(z.enum(VALUE_CHAIN_STAGES)).optional(),
    languages: z.array(z.string()).optional(),
    facilities: z.array(z.enum(FACILITIES)).optional(),
    translations: z
      .array(
        z.object({
          lang: z.string().openapi({ example: 'vi', description: 'Not the organisation’s own language' }),
          name: z.string().nullable().optional().openapi({ description: 'At most 200 characters' }),
          description: z.string().optional().openapi({ description: 'Markdown, at most 20 000 characters' }),
        }),
      )
      .optional()
      .openapi({
        description: `The name and description in other languages, one per language, at most ${MAX_TRANSLATIONS}; each needs a name or a description. Replaces all translations; omitted on PATCH, they stay.`,
      }),
    links: z
      .array(
        z.object({
          label: z
            .string()
            .optional()
            .openapi({ example: 'Facebook', description: 'At most 100 characters' }),
          url: z.string().openapi({ description: 'http(s) URL, at most 500 characters' }),
        }),
      )
      .optional()
      .openapi({
        description: `Social and other links, at most ${MAX_LINKS}. Replaces all links; omitted on PATCH, they stay.`,
      }),
  })
  .openapi('OrganisationInput');

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
    country: org.country,
    province: org.province,
    city: org.city,
    address: org.address,
    latitude: org.latitude,
    longitude: org.longitude,
    website: org.website,
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

const slugParam = z.object({ slug: z.string().max(120).openapi({ example: 'stella' }) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/organisations',
  tags: ['Directory'],
  summary: 'List organisations, with the filters of the directory page',
  request: {
    query: z.object({
      q: z.string().optional(),
      kind: z.string().optional(),
      country: z.string().optional(),
      city: z.string().optional(),
      domain: z.string().optional(),
      stage: z.string().optional(),
      language: z.string().optional(),
      verified: z.string().optional().openapi({ description: '1: verified only' }),
      sort: z.string().optional().openapi({ description: 'name, newest, updated or relevance' }),
      page: z.string().optional(),
      pageSize: z.coerce.number().int().min(1).max(100).default(24),
    }),
  },
  responses: {
    200: json(
      z.object({
        total: z.number().int(),
        page: z.number().int(),
        items: z.array(
          OrganisationSchema.pick({
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
        ),
      }),
      'A page of organisations',
    ),
    422: problems[422],
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/organisations/{slug}',
  tags: ['Directory'],
  summary: 'One organisation',
  request: { params: slugParam },
  responses: { 200: json(OrganisationSchema, 'The organisation'), 404: problems[404] },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/organisations',
  tags: ['Directory'],
  summary: 'Add an organisation (any signed-in member; it may wait for approval)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { body: { required: true, content: { 'application/json': { schema: OrganisationInputDoc } } } },
  responses: {
    201: json(OrganisationSchema, 'The new organisation'),
    401: problems[401],
    403: problems[403],
    422: problems[422],
  },
});
const updateRoute = createRoute({
  method: 'patch',
  path: '/organisations/{slug}',
  tags: ['Directory'],
  summary: 'Change an organisation (its owners and editors, and the hub’s editors)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: {
    params: slugParam,
    body: { required: true, content: { 'application/json': { schema: OrganisationInputDoc.partial() } } },
  },
  responses: {
    200: json(OrganisationSchema, 'The changed organisation'),
    401: problems[401],
    403: problems[403],
    404: problems[404],
    422: problems[422],
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/organisations/{slug}',
  tags: ['Directory'],
  summary: 'Delete an organisation (its owners and the hub’s admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { params: slugParam },
  responses: { 204: { description: 'Deleted' }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

/** Validates an API body with the form's schema, answering 422 with a message per field. */
function validInput(body: unknown): OrganisationInput {
  const parsed = organisationInputSchema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(parsed.error.issues));
  return parsed.data;
}

async function parentIdOf(
  c: Context<AppEnv>,
  slug: string | null | undefined,
  selfId?: number,
): Promise<number | null> {
  if (!slug) return null;
  const parent = await c.var.deps.db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!parent || parent.id === selfId) {
    throw new HttpError(422, 'error.422.message', undefined, undefined, {
      parent: 'directory.unknownParent',
    });
  }
  return parent.id;
}

export function directoryApi(deps: AppDeps) {
  const { db, config } = deps;
  const load = async (c: Context<AppEnv>, slug: string) => {
    const org = await getOrganisation(db, slug);
    const user = c.var.auth?.user ?? null;
    const role = org && user ? await memberRole(db, org.id, user.id) : null;
    if (!org || !canView(user, org, role)) throw new HttpError(404, 'error.404.message');
    return { org, user, role };
  };
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = directoryFilterSchema.parse(query);
      const { cards, total } = await listOrganisations(db, filter, {
        viewer: c.var.auth?.user ?? null,
        locale: c.var.locale,
        pageSize,
      });
      return c.json(
        {
          total,
          page: filter.page,
          items: cards.map((o) => ({
            slug: o.slug,
            url: `${config.baseUrl}/directory/${o.slug}`,
            kind: o.kind as (typeof ORGANISATION_KINDS)[number],
            name: o.name,
            nameTranslit: o.name_translit,
            lang: o.lang,
            country: o.country,
            city: o.city,
            verified: o.verified,
          })),
        },
        200,
      );
    })
    .openapi(readRoute, async (c) => {
      const { org, user, role } = await load(c, c.req.valid('param').slug);
      return c.json(toJson(org, config.baseUrl, canSeeContact(user, org, role)), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const user = requireUser(c);
      if (!canCreate(user)) throw new HttpError(403, 'error.403.message');
      const input = validInput(await c.req.json());
      const parentId = await parentIdOf(c, input.parent);
      const status = await statusForNew(db, user);
      const created = await db.transaction().execute(async (trx) => {
        const org = await createOrganisation(trx, { ...input, parentId }, user, status);
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'organisation.created',
          subjectType: 'organisation',
          subjectId: org.id,
          details: { name: org.name, status, via: 'api' },
        });
        return org;
      });
      const org = await getOrganisation(db, created.slug);
      return c.json(toJson(org!, config.baseUrl, true), 201);
    })
    .openapi(updateRoute, async (c) => {
      requireUser(c);
      const { org, user, role } = await load(c, c.req.valid('param').slug);
      if (!user || !canEdit(user, role)) throw new HttpError(403, 'error.403.message');
      // PATCH: what is not sent stays as it is.
      const input = validInput({ ...formValuesOf(org), ...(await c.req.json()) });
      const parentId = await parentIdOf(c, input.parent, org.id);
      await db.transaction().execute(async (trx) => {
        const changes = await updateOrganisation(trx, org, { ...input, parentId }, user);
        if (Object.keys(changes).length) {
          await recordAudit(trx, {
            ...auditOrigin(c),
            action: 'organisation.updated',
            subjectType: 'organisation',
            subjectId: org.id,
            details: { fields: Object.keys(changes), via: 'api' },
          });
        }
      });
      const updated = await getOrganisation(db, org.slug);
      return c.json(toJson(updated!, config.baseUrl, true), 200);
    })
    .openapi(deleteRoute, async (c) => {
      requireUser(c);
      const { org, user, role } = await load(c, c.req.valid('param').slug);
      if (!canDelete(user, role)) throw new HttpError(403, 'error.403.message');
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'organisation.deleted',
          subjectType: 'organisation',
          subjectId: org.id,
          details: { name: org.name, via: 'api' },
        });
        await deleteOrganisation(trx, org.id);
      });
      return c.body(null, 204);
    });
}
