// Names of records in feeds and calendars that outlive the site's address. An Atom entry's id and
// an iCalendar UID tell readers and calendars "this is the same thing as before": built from
// BASE_URL, every entry of every feed and every event of every subscribed calendar would turn new
// (or be duplicated) the day the site moves to its real domain or to https. So they are built
// from what never changes instead: a UUID the installation draws once and keeps in its database
// (`settings`, key `site.uuid`, written the first time an id is needed rather than by a migration:
// no migration writes rows, so a database emptied of its rows is as new, and one that lost the
// row draws another instead of failing), and a name of the record within the site that holds its
// id, never its slug ('news/post/12', 'event-3').
// From the two, a name-based UUID (RFC 9562 version 5): the same record gives the same id on
// every request, process and host of one installation, another installation gives others, and
// nothing in it names the address. Atom wants an IRI (`urn:uuid:…`, RFC 4287's own example);
// RFC 7986 recommends a UUID as the UID of calendar components.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { nowIso } from './time.ts';

export const SITE_UUID_KEY = 'site.uuid';

/**
 * A version 5 UUID of `name` in the namespace `namespace` (a UUID). Written here rather than taken
 * from the `uuid` package: Node's crypto draws random UUIDs only, and the name-based ones are one
 * SHA-1 and four bit settings (RFC 9562 §5.5), checked against the RFC's example in the tests.
 */
export function nameUuid(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50; // version 5
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80; // the RFC's variant
  const hex = hash.subarray(0, 16).toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** Per database: the installation's UUID never changes once drawn, so it is read once. */
const cache = new WeakMap<Kysely<Database>, Promise<string>>();

async function readOrDraw(db: Kysely<Database>): Promise<string> {
  const read = () =>
    db.selectFrom('settings').select('value').where('key', '=', SITE_UUID_KEY).executeTakeFirst();
  const stored = await read();
  if (stored) return stored.value;
  // Processes that ask at the same moment each offer one; the first stored is everyone's.
  await db
    .insertInto('settings')
    .values({ key: SITE_UUID_KEY, value: randomUUID(), updated_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return (await read())?.value ?? Promise.reject(new Error(`${SITE_UUID_KEY} could not be stored`));
}

/**
 * The installation's UUID, drawn and stored the first time it is asked for. `db` may be a
 * transaction (a mail written in one attaches a calendar).
 */
export function siteUuid(db: Kysely<Database>): Promise<string> {
  let uuid = cache.get(db);
  if (!uuid) {
    uuid = readOrDraw(db);
    uuid.catch(() => cache.delete(db));
    cache.set(db, uuid);
  }
  return uuid;
}

/** The Atom id of the thing named `name` within the site `site` (its UUID). */
export const atomId = (site: string, name: string): string => `urn:uuid:${nameUuid(site, name)}`;
