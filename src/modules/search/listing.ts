// One search for the page and the API: the words and filters of the parameters, for the reader;
// and the name of each kind of record, from the modules that index it.

import type { DB } from '../../db/index.ts';
import type { HubModule } from '../../platform/context.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import { type SearchResult, search, type Viewer } from '../../search/index.ts';
import type { SearchParams } from './schemas.ts';

export function searchFor(
  db: DB,
  params: SearchParams,
  viewer: Viewer,
  limit?: number,
): Promise<SearchResult> {
  return search(db, {
    q: params.q ?? '',
    viewer,
    ...(limit ? { limit } : {}),
    ...(params.type ? { types: [params.type] } : {}),
    ...(params.lang ? { lang: params.lang } : {}),
    ...(params.country ? { country: params.country } : {}),
    ...(params.cursor ? { cursor: params.cursor } : {}),
  });
}

/** The name of each indexed type, from the modules that index it. */
export function typeLabels(modules: readonly HubModule[]): Map<string, MessageKey> {
  return new Map(modules.flatMap((m) => m.searchProviders ?? []).map((p) => [p.type, p.label]));
}
