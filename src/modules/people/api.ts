// /api/v1/people: the people directory through the API, with the page's filters, schema and
// actions (so the same permissions, validation and audit as the pages).
import { z } from '@hono/zod-openapi';
import { actingUser, actionContext, ensure } from '../../platform/actions.ts';
import { apiRouter } from '../../platform/api.ts';
import { listFilters, pagedQuery, patchedInput, recordRoutes, slugParam } from '../../platform/api-routes.ts';
import type { AppDeps } from '../../platform/context.ts';
import { found } from '../../platform/http/errors.ts';
import { CONTACT_VISIBILITIES } from '../../platform/vocabularies.ts';
import { getPerson, loadVisiblePerson, type PersonDetails, publishedOrganisations } from './access.ts';
import { createPerson, deletePerson, updatePerson } from './actions/profiles.ts';
import { listPeople } from './listing.ts';
import { canEdit, canSeeContact } from './permissions.ts';
import { inputOf, peopleFilterSchema, personCreateInput, personInput, personObject } from './schemas.ts';
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

const people = recordRoutes({
  path: '/people',
  tags: ['People'],
  params: slugParam('viengeo-souksavatdy'),
  record: PersonSchema,
});
const routes = {
  list: people.list('List people, with the filters of the people page', {
    query: pagedQuery(
      listFilters(peopleFilterSchema, {
        q: null,
        country: null,
        domain: null,
        language: null,
        organisation: 'Slug of an organisation',
        sort: null,
      }),
      24,
    ),
    items: PersonSchema.pick({
      slug: true,
      url: true,
      name: true,
      nameTranslit: true,
      lang: true,
      title: true,
      country: true,
    }).extend({
      organisations: z.array(z.object({ slug: z.string(), name: z.string(), role: z.string().nullable() })),
    }),
    response: 'A page of people',
  }),
  read: people.read('One person', { response: 'The person' }),
  create: people.create('Create your own profile, or (editors) the profile of someone without an account', {
    body: PersonInputDoc,
    response: 'The new profile',
    also: [409],
  }),
  update: people.update('Change a profile (the person themselves and the hub’s editors)', {
    body: personObject.partial(),
    response: 'The changed profile',
  }),
  delete: people.delete('Delete a profile (the person themselves and the hub’s admins)'),
};

/** The profile as the API shows it after a write (to the writer, who may see the contacts). */
async function written(db: AppDeps['db'], slug: string, baseUrl: string) {
  return toJson(found(await getPerson(db, slug)), baseUrl, true);
}

export function peopleApi(deps: AppDeps) {
  const { db, config } = deps;
  return apiRouter()
    .openapi(routes.list, async (c) => {
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
    .openapi(routes.read, async (c) => {
      const user = c.var.auth?.user ?? null;
      const person = await loadVisiblePerson(c, user);
      return c.json(toJson(person, config.baseUrl, canSeeContact(user, person)), 200);
    })
    .openapi(routes.create, async (c) => {
      const person = await createPerson(actionContext(c), c.req.valid('json'));
      return c.json(await written(db, person.slug, config.baseUrl), 201);
    })
    .openapi(routes.update, async (c) => {
      const ctx = actionContext(c);
      const person = await loadVisiblePerson(c, actingUser(ctx));
      ensure(ctx, (user) => canEdit(user, person));
      const input = await patchedInput(c, personInput, inputOf(person));
      await updatePerson(ctx, person, input);
      return c.json(await written(db, person.slug, config.baseUrl), 200);
    })
    .openapi(routes.delete, async (c) => {
      const ctx = actionContext(c);
      await deletePerson(ctx, await loadVisiblePerson(c, actingUser(ctx)));
      return c.body(null, 204);
    });
}
