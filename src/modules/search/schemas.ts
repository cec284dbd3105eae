// The search parameters of the page and the API. Anything unusable is dropped rather than refused:
// a search always answers with results or "nothing found".
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import { LANG_TAG } from '../../platform/http/fields.ts';
import { optionalFilter } from '../../platform/http/list-filters.ts';

/** A record type as modules name them (organisation, press-clipping, document…). */
const TYPE = /^[a-z][a-z_-]{0,39}$/;

export const searchParamsSchema = z.object({
  q: optionalFilter(z.string().max(10_000)),
  type: optionalFilter(z.string().regex(TYPE)),
  lang: optionalFilter(z.string().regex(LANG_TAG)),
  country: optionalFilter(z.string().refine(isCountryCode)),
  cursor: optionalFilter(z.string().max(200)),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;

/** The filters of the page (what narrows the results), as opposed to the words and the position. */
export const SEARCH_FILTERS = ['type', 'lang', 'country'] as const;
