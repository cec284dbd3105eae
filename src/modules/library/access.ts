// The document a URL names, as the reader may see it: the one lookup of the pages and the API.
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/context.ts';
import { HttpError } from '../../platform/http/errors.ts';
import { canView } from './permissions.ts';
import { type DocumentDetails, getDocument } from './store.ts';
import { RESERVED_SLUGS } from './vocab.ts';

/** Loads the document of the URL, or answers 404 (also for unpublished ones the reader may not see). */
export async function loadVisible(c: Context<AppEnv>, slug: string): Promise<DocumentDetails> {
  const user = c.var.auth?.user ?? null;
  const doc = RESERVED_SLUGS.has(slug) ? undefined : await getDocument(c.var.deps.db, slug, user);
  if (!doc || !canView(user, doc)) throw new HttpError(404, 'error.404.message');
  return doc;
}
