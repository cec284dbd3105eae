// /api/v1/countries: the countries of /countries with their status towards the 2005 Convention and
// the modules' counts, one country, and the change of its status (admins, its focal points: the
// page's action, so the same permission, validation and audit).
import { createRoute, z } from '@hono/zod-openapi';
import type { Selectable } from 'kysely';
import { actionContext } from '../../platform/actions.ts';
import { anyone, apiRouter, jsonBody, jsonResponse, problemsOf } from '../../platform/api.ts';
import { forSignedInWithJson, patchedInput } from '../../platform/api-routes.ts';
import { blockContext } from '../../platform/blocks.ts';
import type { AppDeps } from '../../platform/context.ts';
import { isCountryCode } from '../../platform/countries.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { getStatus } from './access.ts';
import { ensureMayEditStatus, saveStatus } from './actions.ts';
import { type CountryCount, countsOfCountry, hasPage, listCountries } from './listing.ts';
import { inputOf, statusInput, statusObject } from './schemas.ts';
import type { CountryStatusesTable } from './tables.ts';
import { INSTRUMENTS } from './vocab.ts';

const StatusSchema = z
  .object({
    party: z.boolean().openapi({ description: 'A Party to the 2005 Convention' }),
    partySince: z.string().nullable().openapi({ description: 'YYYY-MM-DD, when a source gives it' }),
    instrument: z.enum(INSTRUMENTS).nullable(),
    sourceUrl: z.string().nullable(),
    note: z.string(),
    noteLang: z
      .string()
      .nullable()
      .openapi({ description: 'BCP 47: the language of the request that wrote the note' }),
    updatedAt: z.string(),
  })
  .openapi('CountryStatus');

const CountrySchema = z
  .object({
    code: z.string().openapi({ example: 'LA', description: 'ISO 3166-1 alpha-2' }),
    name: z.string().openapi({ description: 'In the language of the request (Accept-Language, ?lang=)' }),
    page: z.string(),
    status: StatusSchema.nullable().openapi({ description: 'null: nothing recorded yet' }),
    counts: z.record(z.string(), z.number().int()).openapi({
      description: 'What the hub holds about it, by kind (organisations, documents, events, press…)',
    }),
  })
  .openapi('Country');

const codeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: 'LA' }),
});
const ABOUT = { tags: ['Countries'] };

const listRoute = createRoute({
  method: 'get',
  path: '/countries',
  ...ABOUT,
  summary: 'The countries of the region and every other the hub holds something about',
  security: anyone,
  // 401: a token that is not valid is refused on every route (platform/auth.ts).
  responses: {
    200: jsonResponse(z.object({ items: z.array(CountrySchema) }), 'The countries'),
    ...problemsOf(401),
  },
});
const readRoute = createRoute({
  method: 'get',
  path: '/countries/{code}',
  ...ABOUT,
  summary: 'One country: its status towards the 2005 Convention and the counts',
  security: anyone,
  request: { params: codeParam },
  responses: { 200: jsonResponse(CountrySchema, 'The country'), ...problemsOf(401, 404) },
});
const statusRoute = createRoute({
  method: 'patch',
  path: '/countries/{code}/status',
  ...ABOUT,
  ...forSignedInWithJson,
  summary: 'Change a country’s status (admins, the country’s focal points); what is not sent stays',
  request: { params: codeParam, body: jsonBody(statusObject.partial().openapi('CountryStatusInput')) },
  responses: {
    200: jsonResponse(StatusSchema, 'The status as saved'),
    ...problemsOf(400, 401, 403, 404, 415, 422),
  },
});

function statusJson(s: Selectable<CountryStatusesTable> | null): z.infer<typeof StatusSchema> | null {
  if (!s) return null;
  return {
    party: Number(s.party) === 1,
    partySince: s.party_since,
    instrument: s.instrument,
    sourceUrl: s.source_url,
    note: s.note,
    noteLang: s.note_lang,
    updatedAt: s.updated_at,
  };
}

const countsJson = (counts: CountryCount[]) => Object.fromEntries(counts.map((c) => [c.figure.id, c.count]));

/** The code of the path, upper case as on the pages; anything else is no country (404). */
function codeOf(raw: string): string {
  if (!isCountryCode(raw)) throw new HttpError(404, 'error.404.message');
  return raw;
}

export function countriesApi(deps: AppDeps) {
  const { db, config } = deps;
  return apiRouter()
    .openapi(listRoute, async (c) => {
      const rows = await listCountries(blockContext(c), c.var.fmt.country);
      const items = rows.map((row) => ({
        code: row.code,
        name: c.var.fmt.country(row.code),
        page: `${config.baseUrl}/countries/${row.code}`,
        status: statusJson(row.status),
        counts: countsJson(row.counts),
      }));
      return c.json({ items }, 200);
    })
    .openapi(readRoute, async (c) => {
      const code = codeOf(c.req.valid('param').code);
      const [status, counts] = await Promise.all([
        getStatus(db, code),
        countsOfCountry(blockContext(c), code),
      ]);
      if (!hasPage(code, counts, status !== null, 0)) throw new HttpError(404, 'error.404.message');
      return c.json(
        {
          code,
          name: c.var.fmt.country(code),
          page: `${config.baseUrl}/countries/${code}`,
          status: statusJson(status),
          counts: countsJson(counts),
        },
        200,
      );
    })
    .openapi(statusRoute, async (c) => {
      const code = codeOf(c.req.valid('param').code);
      const ctx = actionContext(c);
      await ensureMayEditStatus(ctx, code);
      const input = await patchedInput(c, statusInput, inputOf(await getStatus(db, code)));
      const saved = await saveStatus(ctx, code, input);
      return c.json(statusJson(saved) as z.infer<typeof StatusSchema>, 200);
    });
}
