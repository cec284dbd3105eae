// What the library's API files share: the tag of their routes in the OpenAPI document, and the
// route that deletes a record (signed in; 204, or 401, 403, 404).
import { createRoute, type z } from '@hono/zod-openapi';
import { problems, requireSignedIn, signedIn } from '../../platform/api.ts';

export const tags = ['Library'];

/** DELETE `path` for the signed-in (the action says who may), answering 204. */
export function deleteRoute<P extends z.ZodObject>(
  path: string,
  summary: string,
  params: P,
  done = 'Deleted',
) {
  return createRoute({
    method: 'delete',
    path,
    tags,
    summary,
    security: signedIn,
    middleware: [requireSignedIn] as const,
    request: { params },
    responses: { 204: { description: done }, 401: problems[401], 403: problems[403], 404: problems[404] },
  });
}
