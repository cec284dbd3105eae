// What the members page of the moderators lists: the suspensions in force, the members a search
// finds (by name or address), and one member's history of suspensions.
import { type Kysely, type SqlBool, sql } from 'kysely';
import { containsInsensitive } from '../../../db/dialect.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../platform/time.ts';

type Db = Kysely<Database>;

export interface SuspensionRow {
  id: number;
  user_id: number;
  name: string;
  until: string;
  reason: string;
  created_at: string;
  lifted_at: string | null;
  by_name: string | null;
}

function suspensions(db: Db) {
  return db
    .selectFrom('member_suspensions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('users as m', 'm.id', 's.created_by')
    .select([
      's.id',
      's.user_id',
      'u.name',
      's.until',
      's.reason',
      's.created_at',
      's.lifted_at',
      'm.name as by_name',
    ]);
}

/** Suspensions in force, ending soonest first. */
export function suspensionsInForce(db: Db): Promise<SuspensionRow[]> {
  return suspensions(db)
    .where('s.until', '>', nowIso())
    .where('s.lifted_at', 'is', null)
    .orderBy('s.until')
    .limit(200)
    .execute();
}

/** Every suspension of one member, newest first. */
export function suspensionsOf(db: Db, userId: number): Promise<SuspensionRow[]> {
  return suspensions(db).where('s.user_id', '=', userId).orderBy('s.id', 'desc').execute();
}

/** Up to 20 members whose name or address contains `text`. */
export function findMembers(db: Db, text: string) {
  const name = containsInsensitive(db, sql.ref('users.name'), text);
  const email = containsInsensitive(db, sql.ref('users.email'), text);
  return db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role', 'created_at'])
    .where(sql<SqlBool>`(${name} or ${email})`)
    .orderBy('name')
    .limit(20)
    .execute();
}
