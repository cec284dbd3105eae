// /api/v1/people: the people directory through the API, with the page's filters, schema and
// actions (so the same permissions, validation and audit as the pages).
import { createRoute, z } from '@hono/zod-openapi';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import { apiRouter, problems, requireJson, requireSignedIn, signedIn } from '../../platform/api.ts';
import type { AppDeps } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { parseInput, readJson } from '../../platform/http/forms.ts';
import { CONTACT_VISIBILITIES } from '../../platform/vocabularies.ts';
import { getPerson, loadVisiblePerson, type PersonDetails, publishedOrganisations } from './access.ts';
import { createPerson, deletePerson, updatePerson } from './actions/profiles.ts';
import { listPeople } from './listing.ts';
import { canEdit, canSeeContact } from './permissions.ts';
import {
  inputOf,
  peopleFilterSchema,
  personCreateInput,
  personInput,
  personObject,
  SORTS,
} from './schemas.ts';
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

/** The body of POST: the form's own schema (PATCH takes any part of it, without `owner`). */
const PersonInputDoc = personCreateInput.openapi('PersonInput');

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
    organisations: publishedOrganisations(person.organisations),
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
      sort: z
        .string()
        .optional()
        .openapi({ description: SORTS.join(', ') }),
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
    body: { required: true, content: { 'application/json': { schema: personObject.partial() } } },
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

/** The profile as the API shows it after a write (to the writer, who may see the contacts). */
async function written(db: AppDeps['db'], slug: string, baseUrl: string) {
  const person = await getPerson(db, slug);
  if (!person) throw new HttpError(404, 'error.404.message');
  return toJson(person, baseUrl, true);
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
      const person = await loadVisiblePerson(c, user);
      return c.json(toJson(person, config.baseUrl, canSeeContact(user, person)), 200);
    })
    .openapi(createRouteDef, async (c) => {
      const person = await createPerson(actionContext(c), c.req.valid('json'));
      return c.json(await written(db, person.slug, config.baseUrl), 201);
    })
    .openapi(updateRoute, async (c) => {
      const ctx = actionContext(c);
      const person = await loadVisiblePerson(c, actingUser(ctx));
      ensure(ctx, (user) => canEdit(user, person));
      // What is not sent stays as it is.
      const input = parseInput(personInput, { ...inputOf(person), ...(await readJson(c)) });
      await updatePerson(ctx, person, input);
      return c.json(await written(db, person.slug, config.baseUrl), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const ctx = actionContext(c);
      await deletePerson(ctx, await loadVisiblePerson(c, actingUser(ctx)));
      return c.body(null, 204);
    });
}
