// /api/v1/people: the people directory through the API, with the same filters, permissions and
// validation as the pages (same schemas, same permissions.ts, same store).
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { apiRouter, problems, requireJson, requireSignedIn, signedIn } from '../../platform/api.ts';
import { auditOrigin, recordAudit } from '../../platform/audit.ts';
import { requireUser } from '../../platform/auth.ts';
import type { AppDeps, AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { CONTACT_VISIBILITIES, DOMAINS } from '../../platform/vocabularies.ts';
import { listPeople } from './listing.ts';
import {
  canCreateForOthers,
  canCreateOwn,
  canDelete,
  canEdit,
  canSeeContact,
  statusAfterSave,
} from './permissions.ts';
import { loadVisiblePerson, organisationIdsOf } from './routes.tsx';
import { OWNERS, peopleFilterSchema, personCreateSchema, personInputSchema } from './schemas.ts';
import {
  createPerson,
  deletePerson,
  getPerson,
  type PersonDetails,
  profileOf,
  updatePerson,
} from './store.ts';
import { PERSON_STATUSES } from './vocab.ts';

const PersonSchema = z
  .object({
    slug: z.string(),
    url: z.string(),
    name: z.string(),
    nameTranslit: z.string().nullable(),
    lang: z.string(),
    title: z.string().nullable(),
    bio: z.string().openapi({ description: 'Markdown' }),
    translations: z
      .array(z.object({ lang: z.string(), title: z.string().nullable(), bio: z.string() }))
      .openapi({ description: 'Title and bio in other languages than `lang`' }),
    country: z.string().nullable().openapi({ description: 'ISO 3166-1 alpha-2, where the person works' }),
    organisations: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string().nullable() })),
    domains: z.array(z.string()),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    links: z.array(z.string()),
    email: z.string().nullable().openapi({ description: 'Null when the reader may not see it' }),
    phone: z.string().nullable(),
    contactVisibility: z.enum(CONTACT_VISIBILITIES),
    status: z.enum(PERSON_STATUSES),
    claimed: z.boolean().openapi({ description: 'Whether a member owns this profile' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Person');

/**
 * The body of POST and PATCH as documented. It only checks types: the rules (lengths, known codes,
 * existing organisations) are personInputSchema's, the same as the form's, with the same messages.
 */
const PersonInputDoc = z
  .object({
    owner: z.enum(OWNERS).optional().openapi({
      description:
        "POST only. 'me' (default): your own profile; 'none': someone without an account (editors)",
    }),
    name: z.string().openapi({ description: 'At most 200 characters' }),
    name_translit: z.string().nullable().optional(),
    lang: z.string().openapi({ example: 'vi', description: 'BCP 47 language of name, title and bio' }),
    title: z.string().nullable().optional(),
    bio: z.string().optional().openapi({ description: 'Markdown, at most 10 000 characters' }),
    translations: z
      .array(
        z.object({ lang: z.string(), title: z.string().nullable().optional(), bio: z.string().optional() }),
      )
      .optional()
      .openapi({
        description:
          'Title and bio in other languages (at most 6, one per language, not `lang`); the list replaces the stored one',
      }),
    country: z.string().nullable().optional().openapi({ example: 'VN', description: 'ISO 3166-1 alpha-2' }),
    organisations: z
      .array(z.object({ slug: z.string(), role: z.string().nullable().optional() }))
      .optional()
      .openapi({ description: 'Organisations of the directory, by slug, at most 10' }),
    domains: z.array(z.enum(DOMAINS)).optional(),
    skills: z.array(z.string()).optional().openapi({ description: 'Free tags, at most 20 of 60 characters' }),
    languages: z.array(z.string()).optional(),
    links: z.array(z.string()).optional().openapi({ description: 'http(s) URLs, at most 10' }),
    email: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    contact_visibility: z.enum(CONTACT_VISIBILITIES).optional(),
    status: z.enum(PERSON_STATUSES).optional().openapi({ description: "'hidden' only for editors" }),
  })
  .openapi('PersonInput');

function toJson(person: PersonDetails, baseUrl: string, contact: boolean): z.infer<typeof PersonSchema> {
  return {
    slug: person.slug,
    url: `${baseUrl}/directory/people/${person.slug}`,
    name: person.name,
    nameTranslit: person.name_translit,
    lang: person.lang,
    title: person.title,
    bio: person.bio,
    translations: person.translations,
    country: person.country,
    organisations: person.organisations
      .filter((o) => o.published)
      .map(({ slug, name, role }) => ({ slug, name, role })),
    domains: person.domains,
    skills: person.skills,
    languages: person.languages,
    links: person.linkList,
    email: contact ? person.email : null,
    phone: contact ? person.phone : null,
    contactVisibility: person.contact_visibility,
    status: person.status,
    claimed: person.user_id !== null,
    createdAt: person.created_at,
    updatedAt: person.updated_at,
  };
}

/** A profile's current values in the shape of the API body, for PATCH (what is not sent stays). */
function apiValuesOf(person: PersonDetails) {
  return {
    name: person.name,
    name_translit: person.name_translit,
    lang: person.lang,
    title: person.title,
    bio: person.bio,
    translations: person.translations,
    country: person.country,
    organisations: person.organisations.map(({ slug, role }) => ({ slug, role })),
    domains: person.domains,
    skills: person.skills,
    languages: person.languages,
    links: person.linkList,
    email: person.email,
    phone: person.phone,
    contact_visibility: person.contact_visibility,
    status: person.status,
  };
}

const slugParam = z.object({ slug: z.string().max(120).openapi({ example: 'viengeo-souksavatdy' }) });
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listRoute = createRoute({
  method: 'get',
  path: '/people',
  tags: ['People'],
  summary: 'List people, with the filters of the people page',
  request: {
    query: z.object({
      q: z.string().optional(),
      country: z.string().optional(),
      domain: z.string().optional(),
      language: z.string().optional(),
      organisation: z.string().optional().openapi({ description: 'Slug of an organisation' }),
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
          PersonSchema.pick({
            slug: true,
            url: true,
            name: true,
            nameTranslit: true,
            lang: true,
            title: true,
            country: true,
          }).extend({
            organisations: z.array(
              z.object({ slug: z.string(), name: z.string(), role: z.string().nullable() }),
            ),
          }),
        ),
      }),
      'A page of people',
    ),
    422: problems[422],
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/people/{slug}',
  tags: ['People'],
  summary: 'One person',
  request: { params: slugParam },
  responses: { 200: json(PersonSchema, 'The person'), 404: problems[404] },
});
const createRouteDef = createRoute({
  method: 'post',
  path: '/people',
  tags: ['People'],
  summary: 'Create your own profile, or (editors) the profile of someone without an account',
  security: signedIn,
  middleware: [requireSignedIn, requireJson] as const,
  request: { body: { required: true, content: { 'application/json': { schema: PersonInputDoc } } } },
  responses: {
    201: json(PersonSchema, 'The new profile'),
    401: problems[401],
    403: problems[403],
    409: problems[409],
    415: problems[415],
    422: problems[422],
  },
});
const updateRoute = createRoute({
  method: 'patch',
  path: '/people/{slug}',
  tags: ['People'],
  summary: 'Change a profile (the person themselves and the hub’s editors)',
  security: signedIn,
  middleware: [requireSignedIn, requireJson] as const,
  request: {
    params: slugParam,
    body: { required: true, content: { 'application/json': { schema: PersonInputDoc.partial() } } },
  },
  responses: {
    200: json(PersonSchema, 'The changed profile'),
    401: problems[401],
    403: problems[403],
    404: problems[404],
    415: problems[415],
    422: problems[422],
  },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: '/people/{slug}',
  tags: ['People'],
  summary: 'Delete a profile (the person themselves and the hub’s admins)',
  security: signedIn,
  middleware: [requireSignedIn] as const,
  request: { params: slugParam },
  responses: { 204: { description: 'Deleted' }, 401: problems[401], 403: problems[403], 404: problems[404] },
});

/** Validates an API body with the form's schema, answering 422 with a message per field. */
function validInput<S extends typeof personInputSchema | typeof personCreateSchema>(
  schema: S,
  body: unknown,
) {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(parsed.error.issues));
  return parsed.data as z.output<S>;
}

async function organisationIds(c: Context<AppEnv>, input: Parameters<typeof organisationIdsOf>[1]) {
  const { ids, errors } = await organisationIdsOf(c.var.deps.db, input);
  if (Object.keys(errors).length) throw new HttpError(422, 'error.422.message', undefined, undefined, errors);
  return ids;
}

export function peopleApi(deps: AppDeps) {
  const { db, config } = deps;
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const { pageSize, ...query } = c.req.valid('query');
      const filter = peopleFilterSchema.parse(query);
      const { cards, total } = await listPeople(db, filter, {
        viewer: c.var.auth?.user ?? null,
        locale: c.var.locale,
        pageSize,
      });
      return c.json(
        {
          total,
          page: filter.page,
          items: cards.map((p) => ({
            slug: p.slug,
            url: `${config.baseUrl}/directory/people/${p.slug}`,
            name: p.name,
            nameTranslit: p.name_translit,
            lang: p.lang,
            title: p.title,
            country: p.country,
            organisations: p.organisations,
          })),
        },
        200,
      );
    })
    .openapi(readRoute, async (c) => {
      const user = c.var.auth?.user ?? null;
      const person = await loadVisiblePerson(db, user, c.req.valid('param').slug);
      return c.json(toJson(person, config.baseUrl, canSeeContact(user, person)), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const user = requireUser(c);
      const input = validInput(personCreateSchema, await c.req.json());
      const own = await profileOf(db, user.id);
      if (input.owner === 'none' && !canCreateForOthers(user)) throw new HttpError(403, 'error.403.message');
      if (input.owner === 'me' && !canCreateOwn(user, !!own))
        throw new HttpError(409, 'people.alreadyHaveProfile');
      const ids = await organisationIds(c, input);
      const status = statusAfterSave(user, null, input.status);
      const created = await db.transaction().execute(async (trx) => {
        const person = await createPerson(trx, input, {
          userId: input.owner === 'me' ? user.id : null,
          actor: user,
          status,
          organisationIds: ids,
        });
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'person.created',
          subjectType: 'person',
          subjectId: person.id,
          details: { name: person.name, own: input.owner === 'me', status, via: 'api' },
        });
        return person;
      });
      const person = await getPerson(db, created.slug);
      return c.json(toJson(person!, config.baseUrl, true), 201);
    })
    .openapi(updateRoute, async (c) => {
      const user = requireUser(c);
      const person = await loadVisiblePerson(db, user, c.req.valid('param').slug);
      if (!canEdit(user, person)) throw new HttpError(403, 'error.403.message');
      const body = await c.req.json();
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new HttpError(422, 'error.422.message');
      // PATCH: what is not sent stays as it is.
      const input = validInput(personInputSchema, { ...apiValuesOf(person), ...body });
      const ids = await organisationIds(c, input);
      await db.transaction().execute(async (trx) => {
        const changes = await updatePerson(trx, person, input, {
          status: statusAfterSave(user, person.status, input.status),
          organisationIds: ids,
        });
        if (Object.keys(changes).length) {
          await recordAudit(trx, {
            ...auditOrigin(c),
            action: 'person.updated',
            subjectType: 'person',
            subjectId: person.id,
            details: { fields: Object.keys(changes), via: 'api' },
          });
        }
      });
      const updated = await getPerson(db, person.slug);
      return c.json(toJson(updated!, config.baseUrl, true), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const user = requireUser(c);
      const person = await loadVisiblePerson(db, user, c.req.valid('param').slug);
      if (!canDelete(user, person)) throw new HttpError(403, 'error.403.message');
      await db.transaction().execute(async (trx) => {
        await recordAudit(trx, {
          ...auditOrigin(c),
          action: 'person.deleted',
          subjectType: 'person',
          subjectId: person.id,
          details: { name: person.name, via: 'api' },
        });
        await deletePerson(trx, person.id);
      });
      return c.body(null, 204);
    });
}
