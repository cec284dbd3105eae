import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';

/**
 * The search parameters of the page and the API. Anything unusable is dropped rather than
 * refused: a search always answers with results or "nothing found".
 */
export const searchParamsSchema = z.object({
  q: z.string().max(10_000).optional().catch(undefined),
  type: z
    .string()
    .regex(/^[a-z][a-z_-]{0,39}$/)
    .optional()
    .catch(undefined),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)
    .optional()
    .catch(undefined),
  country: z.string().refine(isCountryCode).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type SearchParams = z.infer<typeof searchParamsSchema>;
