// The JSON API: every module's routes under /api/v1, described by one OpenAPI 3.1 document at
// /api/v1/openapi.json. Errors are application/problem+json (RFC 9457) with the same shape
// everywhere; app.ts writes them from HttpError.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from './context.ts';
import { HttpError } from './http/errors.ts';
import { fieldErrors } from './http/forms.ts';
import { withOperationIds } from './operation-ids.ts';
import { siteName } from './site/index.ts';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .openapi({ description: 'A message per invalid field' }),
  })
  .openapi('Problem');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses routes list in their OpenAPI description. */
export const problems = {
  400: problem('The request is malformed'),
  401: problem('Not signed in, or the API token is not valid'),
  403: problem('Signed in, but not allowed to do this (or the CSRF token is missing)'),
  404: problem('No such record'),
  409: problem('The request conflicts with the current state'),
  415: problem('The body is not JSON (Content-Type: application/json)'),
  422: problem('The request body did not pass validation; `errors` names each field'),
  429: problem('Too many requests; see Retry-After'),
} as const;

export type ProblemStatus = keyof typeof problems;

/** The problem responses of `statuses`, for a route's responses: `...problemsOf(401, 403, 404)`. */
export function problemsOf<S extends ProblemStatus>(...statuses: S[]): Pick<typeof problems, S> {
  return Object.fromEntries(statuses.map((status) => [status, problems[status]])) as Pick<typeof problems, S>;
}

/** A JSON response of `schema`, as a route lists it among its responses. */
export const jsonResponse = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A route's required JSON body of `schema`, as its `request` lists it: `request: { body: jsonBody(…) }`. */
export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** A page of a list: how many records the filters select in all, which page this is, and its items. */
export const listPage = <T extends z.ZodType>(item: T) =>
  z.object({ total: z.number().int(), page: z.number().int(), items: z.array(item) });

type SecurityRequirements = Record<string, string[]>[];

/** Security requirements for routes that need a signed-in user. */
export const signedIn: SecurityRequirements = [{ bearerAuth: [] }, { cookieAuth: [] }];

/** A public route whose answer is the same for everyone: clients send no credentials. */
export const anyone: SecurityRequirements = [];

/**
 * A public route that shows a signed-in caller more (their drafts, a secret group, contacts): the
 * empty requirement makes credentials optional, so generated clients send them when they have them.
 * Such a route also answers 401 to a token that is not valid (auth.ts refuses it on every route).
 */
export const anyoneOrSignedIn: SecurityRequirements = [{}, ...signedIn];

/**
 * Route middleware for those routes: refuses with 401 before the request body is even validated,
 * so a visitor learns that they must sign in, not what the body should look like.
 */
export const requireSignedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.auth) throw new HttpError(401, 'error.401.message');
  await next();
});

/**
 * Route middleware for routes that take a JSON body: a form or a file is refused with 415 before
 * it is read, rather than with a confusing list of missing fields.
 */
export const requireJson = createMiddleware<AppEnv>(async (c, next) => {
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
    throw new HttpError(415, 'api.jsonOnly');
  await next();
});

/** A router for a module's API: validation failures become 422 problem responses. */
export function apiRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new HttpError(422, 'error.422.message', undefined, undefined, fieldErrors(result.error.issues));
      }
    },
  });
}

export function buildApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const api = apiRouter();
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token, created on the account page or with `hub token create`.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'hub_session',
    description: 'The browser session. Unsafe methods also need the X-CSRF-Token header.',
  });
  for (const module of deps.modules) {
    if (module.api) api.route('/', module.api(deps));
  }
  api.get('/openapi.json', (c) => c.json(openApiDocument(api, deps)));
  return api;
}

function openApiInfo(deps: AppDeps) {
  return {
    openapi: '3.1.0',
    info: {
      title: `${siteName(deps)} API`,
      version: '1',
      description:
        'The JSON API of the platform. Every page action exists here with the same permissions. ' +
        'Authenticate with a personal token (`Authorization: Bearer …`) or a session cookie plus ' +
        'the `X-CSRF-Token` header. Errors are `application/problem+json`.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: `${deps.config.baseUrl}/api/v1` }],
  };
}

type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
let cachedDocument: { deps: AppDeps; doc: OpenApiDocument } | undefined;

/** The OpenAPI document as an object, served at /openapi.json and read by the reference page. */
export function openApiDocument(api: OpenAPIHono<AppEnv>, deps: AppDeps): OpenApiDocument {
  if (cachedDocument?.deps !== deps) {
    cachedDocument = { deps, doc: withOperationIds(api.getOpenAPI31Document(openApiInfo(deps))) };
  }
  // The hub's name is the operator's and may change while the document stays cached.
  const { doc } = cachedDocument;
  return { ...doc, info: { ...doc.info, title: `${siteName(deps)} API` } };
}
