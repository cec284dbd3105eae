// The filters of a list, read from its query string, and written back. A value that cannot be used
// is dropped (the list shows without that filter) rather than refused, so an edited or outdated URL
// still shows a list. The filters go back into a query string for the links between the list, its
// pages, feeds and exports.
import { z } from 'zod';

/** A filter read with `schema`: nothing when it is absent or cannot be used. */
export const optionalFilter = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** One of a code list (a kind, a domain, a sort). */
export const choiceFilter = <const T extends readonly [string, ...string[]]>(values: T) =>
  optionalFilter(z.enum(values));

/** The page of the list, from 1: the first when it is absent or cannot be used. */
export const pageFilter = (max = 10_000) => z.coerce.number().int().min(1).max(max).default(1).catch(1);

type FilterValue = string | number | boolean | null | undefined;

/**
 * The filters named in `keys` that are set (not empty, not 0), in that order, as a query string:
 * `?kind=ngo&country=LA`, or '' when none is.
 */
export function filterQueryOf<F extends Partial<Record<K, FilterValue>>, K extends string>(
  filter: F,
  keys: readonly K[],
): string {
  const params = new URLSearchParams();
  for (const key of keys) {
    const value = filter[key];
    if (value) params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
