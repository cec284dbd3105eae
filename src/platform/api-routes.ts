// The standard routes of a record in /api/v1, as most modules have them: a page of the list, one
// record, add (POST with a JSON body), change (PATCH with any part of the input; what is not sent
// stays) and delete. Built here so that every module describes them alike in the OpenAPI document
// (the same middleware, security and problem responses) and its api.ts says only what is its own:
// the path, the tags, the schemas, the summaries and the problems a route adds.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import {
  anyoneOrSignedIn,
  jsonBody,
  jsonResponse,
  listPage,
  type ProblemStatus,
  problemsOf,
  requireJson,
  requireSignedIn,
  signedIn,
} from './api.ts';
import type { AppEnv } from './context.ts';
import { parseInput, readJson } from './http/forms.ts';

/** What a route for the signed-in says (its security) and does: 401 for a visitor, before anything else. */
export const forSignedIn = { security: signedIn, middleware: [requireSignedIn] };

/** The same for a route with a JSON body, which also answers 415 to any other body before reading it. */
export const forSignedInWithJson = {
  security: signedIn,
  middleware: [requireSignedIn, requireJson],
};

/** The `{id}` of a record's path: a whole number from 1. */
export const idParam = z.object({ id: z.coerce.number().int().min(1).openapi({ example: 1 }) });

/** The `{slug}` of a record's path (`example`: one the document shows). */
export function slugParam(example?: string) {
  const slug = z.string().max(120);
  return z.object({ slug: example ? slug.openapi({ example }) : slug });
}

/** What a list's page accepts for one filter: its schema without the `.catch()` that drops the rest. */
function accepted(filter: z.ZodType): z.ZodType {
  return filter instanceof z.ZodCatch ? (filter.def.innerType as z.ZodType) : filter;
}

/** The values of a filter that is a code list (`choiceFilter(…)`, an enum with a default, a literal). */
function choicesOf(schema: z.ZodType): string[] | undefined {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault)
    return choicesOf(schema.def.innerType as z.ZodType);
  if (schema instanceof z.ZodEnum) return schema.options.map(String);
  if (schema instanceof z.ZodLiteral) return [...schema.values].map(String);
  return undefined;
}

/**
 * Filters of a list's query as the list's page reads them (`pageFilters`: its filter schema), by name
 * with what the document says of each (null when the name says enough). The page drops a value it
 * cannot use, so that an edited link still shows a list; the API refuses it instead (422 naming the
 * parameter), so that a client with a typo learns of it rather than getting a list filtered by
 * nothing. A code list's values are the parameter's `enum`; empty means no filter, as on the page.
 * What passes is the text as sent: the handler reads it with the page's schema, as before.
 */
export function listFilters<S extends z.ZodRawShape, K extends keyof S & string>(
  pageFilters: z.ZodObject<S>,
  described: Record<K, string | null>,
) {
  const filter = (name: string, description: string | null) => {
    const schema = accepted(pageFilters.shape[name] as z.ZodType);
    const values = choicesOf(schema);
    return z
      .string()
      .optional()
      .refine((value) => value === undefined || value === '' || schema.safeParse(value).success, {
        message: 'form.invalid',
      })
      .openapi({ ...(description === null ? {} : { description }), ...(values ? { enum: values } : {}) });
  };
  return Object.fromEntries(
    Object.entries<string | null>(described).map(([name, description]) => [name, filter(name, description)]),
  ) as Record<K, z.ZodOptional<z.ZodString>>;
}

/**
 * The query of a list: the filters of the list's page, the page as that page's links send it, and
 * how many records a page holds (at most 100).
 */
export function pagedQuery<F extends z.ZodRawShape>(filters: F, pageSize: number) {
  return z.object({
    ...filters,
    page: z.string().optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(pageSize),
  });
}

/**
 * The input of a PATCH: the record's input as saved (`inputOf(record)`) with the body's fields over
 * it, validated with the whole input schema, so that what is not sent stays as it is.
 */
export async function patchedInput<S extends z.ZodType>(
  c: Context,
  schema: S,
  saved: object,
): Promise<z.output<S>> {
  return parseInput(schema, { ...saved, ...(await readJson(c)) });
}

interface Resource<P extends z.ZodObject, Parent extends z.ZodObject> {
  /** The path of the list, e.g. '/press' or '/events/{slug}/participants'. */
  path: string;
  tags: string[];
  /** The path parameters of one record: the last is the record's own, those before it are in `path`. */
  params: P;
  /** The parameters of `path` itself, when it has any (then adding may answer 404 too). */
  parent?: Parent;
  /** The record as the API answers it. */
  record: z.ZodType;
  /**
   * Who reads the list and a record: everyone, and the signed-in may see more (drafts, hidden
   * records: `anyoneOrSignedIn`, the default), or everyone alike (`anyone`).
   */
  readers?: typeof anyoneOrSignedIn;
}

interface Answer {
  /** What the answer of success is, e.g. 'The new clipping'. */
  response: string;
  /** Problem responses the route has besides the standard ones. */
  also?: ProblemStatus[];
}

interface Create<B extends z.ZodType> {
  /** The input schema, named for the document (`.openapi('…Input')`). */
  body: B;
  /** Instead of signed in and JSON, when the module refuses more before the body is read. */
  middleware?: MiddlewareHandler<AppEnv>[];
}

/** The routes of a record; each is made when asked for, so a module takes those it has. */
export function recordRoutes<P extends z.ZodObject, Parent extends z.ZodObject = z.ZodObject>({
  path,
  tags,
  params,
  parent,
  record,
  readers = anyoneOrSignedIn,
}: Resource<P, Parent>) {
  const recordPath = `${path}/{${Object.keys(params.shape).at(-1)}}`;
  // Optional credentials are still checked: a token that is not valid gets 401 (auth.ts).
  const readProblems = readers.length ? [401 as const] : [];
  return {
    /** GET `path`: a page of the list (`items`: the record unless the list shows less). */
    list: <Q extends z.ZodObject>(
      summary: string,
      { query, items = record, response, also = [] }: Answer & { query: Q; items?: z.ZodType },
    ) =>
      createRoute({
        method: 'get',
        path,
        tags,
        summary,
        security: readers,
        request: { query },
        responses: {
          200: jsonResponse(listPage(items), response),
          ...problemsOf(422, ...readProblems, ...also),
        },
      }),

    /** GET `path/{key}`: one record, 404 when there is none the reader may see. */
    read: (summary: string, { response, also = [] }: Answer) =>
      createRoute({
        method: 'get',
        path: recordPath,
        tags,
        summary,
        security: readers,
        request: { params },
        responses: { 200: jsonResponse(record, response), ...problemsOf(404, ...readProblems, ...also) },
      }),

    /** POST `path` with the record's input as JSON, for the signed-in (the action says who may). */
    create: <B extends z.ZodType>(
      summary: string,
      { body, response, also = [], middleware = forSignedInWithJson.middleware }: Answer & Create<B>,
    ) =>
      createRoute({
        method: 'post',
        path,
        tags,
        summary,
        security: signedIn,
        middleware,
        // (No params when there is no parent: zod-openapi skips an undefined schema.)
        request: { params: parent as Parent, body: jsonBody(body) },
        responses: {
          201: jsonResponse(record, response),
          ...problemsOf(401, 403, 415, 422, ...(parent ? [404 as const] : []), ...also),
        },
      }),

    /** PATCH `path/{key}` with any part of the input (`body`: the input object's `.partial()`). */
    update: <B extends z.ZodType>(summary: string, { body, response, also = [] }: Answer & { body: B }) =>
      createRoute({
        method: 'patch',
        path: recordPath,
        tags,
        summary,
        ...forSignedInWithJson,
        request: { params, body: jsonBody(body) },
        responses: { 200: jsonResponse(record, response), ...problemsOf(401, 403, 404, 415, 422, ...also) },
      }),

    /** DELETE `path/{key}` for the signed-in (the action says who may), answering 204. */
    delete: (summary: string, { response = 'Deleted', also = [] }: Partial<Answer> = {}) =>
      createRoute({
        method: 'delete',
        path: recordPath,
        tags,
        summary,
        ...forSignedIn,
        request: { params },
        responses: { 204: { description: response }, ...problemsOf(401, 403, 404, ...also) },
      }),
  };
}
