// Reading a country's status, and the country a page's address names: upper-case ISO 3166-1
// alpha-2. A code typed in lower case is sent to its page (301), an unknown one is a 404.
import type { Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AppEnv } from '../../platform/context.ts';
import { isCountryCode } from '../../platform/countries.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { CountryStatusesTable } from './tables.ts';

type Db = Kysely<Database>;

export type CountryStatus = Selectable<CountryStatusesTable> & { updated_by_name: string | null };

export async function getStatus(db: Db, code: string): Promise<CountryStatus | null> {
  const row = await db
    .selectFrom('country_statuses')
    .leftJoin('users', 'users.id', 'country_statuses.updated_by')
    .selectAll('country_statuses')
    .select('users.name as updated_by_name')
    .where('country_statuses.code', '=', code)
    .executeTakeFirst();
  return row ? { ...row, party: Number(row.party) } : null;
}

/** Every recorded status, by code. */
export async function allStatuses(db: Db): Promise<Map<string, Selectable<CountryStatusesTable>>> {
  const rows = await db.selectFrom('country_statuses').selectAll().execute();
  return new Map(rows.map((r) => [r.code, { ...r, party: Number(r.party) }]));
}

/**
 * The country of the address (`:code`), or what to answer instead: the page at the upper-case code
 * for a known code written otherwise (people type `/countries/la`), a 404 for anything else.
 */
export function countryOf(c: Context<AppEnv>, raw: string): { code: string } | { redirect: string } {
  if (isCountryCode(raw)) return { code: raw };
  const upper = (raw as string).toUpperCase();
  if (isCountryCode(upper)) {
    const rest = c.req.path.slice(`/countries/${raw as string}`.length);
    const query = new URL(c.req.url).search;
    return { redirect: `/countries/${upper}${rest}${query}` };
  }
  throw new HttpError(404, 'error.404.message');
}
