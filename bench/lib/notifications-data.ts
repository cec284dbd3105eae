// Generated notifications for the inbox benchmarks (issue 13): at least `members` members (generated
// ones added, as buildDataset adds them, when the scale has fewer), N notifications of the one kind
// there is (`news.post-published`) spread over them — each generated "post" announced to about 50
// followers, a few members with many more than the rest, one in ten scoped to a group — and what
// each follows. One member, the reader, is who the benchmark signs in as: a heavy inbox (about
// 1 000 rows, 30 of them unread and visible, some of groups they are in and some of a group they
// have left, which the inbox must leave out), a session cookie and an API token. One transaction of
// plain inserts, then planner statistics. Then the plans of the header's count and the inbox's query
// (EXPLAIN QUERY PLAN, from the SQL the platform's own functions send) and their time in-process,
// without HTTP.
import type { Insertable, Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { refreshPlannerStatistics } from '../../src/db/dialect.ts';
import type { Database } from '../../src/db/schema.ts';
import { createApiToken } from '../../src/platform/auth.ts';
import type { FollowsTable, NotificationsTable } from '../../src/platform/notifications/tables.ts';
import { readableScopes } from '../../src/platform/scopes.ts';
import { randomToken, sha256 } from '../../src/platform/security-tokens.ts';
import { DAY, HOUR, isoIn } from '../../src/platform/time.ts';
import { DOMAINS } from '../../src/platform/vocabularies.ts';
import { openPlatform } from '../../src/server.ts';
import { prng } from './corpus.ts';
import { addMembers } from './data.ts';
import { explainReader, type QueryPlan, timeReader } from './notifications-queries.ts';
import type { Summary } from './report.ts';

/** The numbers: 100 000 notifications over 1 000 members. */
export const NOTIFICATIONS = 100_000;
export const NOTIFIED_MEMBERS = 1_000;

/** Followers told of each generated post. */
const FOLLOWERS_PER_POST = 50;
/** The reader's inbox: about this many rows, the newest UNREAD visible ones unread. */
const READER_ROWS = 1_000;
const READER_UNREAD = 30;
/** Unread rows of the group the reader has left: counted by neither the header nor the inbox. */
const READER_HIDDEN_UNREAD = 5;
/** One post in this many is scoped to a group. */
const POSTS_PER_SCOPED = 10;
const CHUNK = 500;
const DAY_MS = 24 * 3600 * 1000;

const TAGS = [
  'heritage',
  'music',
  'festival',
  'funding',
  'residency',
  'film',
  'crafts',
  'design',
  'policy',
  'training',
];
const COUNTRIES = ['VN', 'TH', 'LA', 'KH', 'MM', 'CN', 'MN'];
const DELIVERIES = [
  'inbox',
  'inbox',
  'inbox',
  'inbox',
  'inbox',
  'inbox',
  'inbox',
  'immediate',
  'daily',
  'weekly',
];
const WORDS = ['Open call', 'Workshop', 'Festival', 'Residency', 'Report', 'Grant', 'Exhibition', 'Forum'];

export interface NotificationsDataset {
  members: number;
  addedMembers: number;
  notifications: number;
  unread: number;
  scoped: number;
  follows: number;
  reader: {
    id: number;
    email: string;
    /** The `hub_session` cookie's value. */
    sessionCookie: string;
    apiToken: string;
    rows: number;
    /** Unread and visible: what the header shows (up to 100). */
    unread: number;
    /** Rows of groups they are in (shown), and of the group they left (not shown). */
    scopedVisible: number;
    scopedHidden: number;
    groups: string[];
  };
  /** The header's count and the inbox's first page, as the server runs them. */
  plans: QueryPlan[];
  /** Milliseconds per call in-process (no HTTP): readableScopes, unreadCount, listInbox. */
  inProcess: Record<string, Summary>;
  seconds: number;
}

/** Adds the notifications (and members, follows, the reader's session and token) to the database in `dataDir`. */
export async function addNotifications(
  dataDir: string,
  counts: { notifications: number; members: number },
  seed = 13,
): Promise<NotificationsDataset> {
  const started = performance.now();
  const platform = openPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  const deps = platform.deps;
  const db = deps.db as Kysely<Database>;
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  try {
    const users = await countUsers(db);
    const addedMembers = Math.max(0, counts.members - users);
    if (addedMembers > 0) {
      const generated = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', 'like', 'bench.member.%')
        .executeTakeFirstOrThrow();
      await addMembers(db, addedMembers, Number(generated.n) + 1);
    }
    // The members told (the first `members` of them, generated ones included), and the reader: the
    // last plain member among them, with nothing else about them out of the ordinary.
    const members = await db
      .selectFrom('users')
      .select(['id', 'role'])
      .orderBy('id')
      .limit(counts.members)
      .execute();
    const readerRow = [...members].reverse().find((u) => u.role === 'member') ?? members.at(-1);
    if (!readerRow) throw new Error('No members to notify');
    const reader = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', readerRow.id)
      .executeTakeFirstOrThrow();
    const others = members.filter((u) => u.id !== reader.id).map((u) => u.id);

    const groups = (await db.selectFrom('groups').select('id').orderBy('id').limit(3).execute()).map(
      (g) => g.id,
    );
    // The reader is in the first group or two and has left the last one (whose rows they no longer
    // see); the demo has two groups.
    const left = groups.length >= 2 ? (groups.at(-1) ?? null) : null;
    const joined = left === null ? groups : groups.slice(0, -1);
    const organisations = (
      await db.selectFrom('organisations').select('id').orderBy('id').limit(500).execute()
    ).map((o) => String(o.id));
    const posts = await db.selectFrom('posts').select(['slug', 'title']).orderBy('id').limit(50).execute();
    const actors = (
      await db.selectFrom('users').select('id').where('role', 'in', ['admin', 'editor']).limit(20).execute()
    ).map((u) => u.id);

    const now = Date.now();
    const notifications: Insertable<NotificationsTable>[] = [];
    const postCount = Math.ceil(counts.notifications / FOLLOWERS_PER_POST);
    const readerShare = Math.min(1, READER_ROWS / postCount);
    let readerRows = 0;
    let scopedVisible = 0;
    let scopedHidden = 0;
    for (let p = 0; p < postCount && notifications.length < counts.notifications; p++) {
      // Posts over the last year, oldest first, so that ids grow with time as they do.
      const at = now - (1 - p / postCount) * 365 * DAY_MS + Math.floor(rand() * 3600_000);
      const scoped = groups.length > 0 && p % POSTS_PER_SCOPED === POSTS_PER_SCOPED - 1;
      // Scoped posts are mostly of the reader's groups, now and then of the one they left.
      const group = scoped ? (rand() < 0.8 && joined.length ? pick(joined) : (left ?? pick(groups))) : null;
      const scope = group === null ? 'public' : `group:${group}`;
      const source = posts.length ? pick(posts) : { slug: `post-${p}`, title: `Post ${p}` };
      const base = {
        kind: 'news.post-published',
        subject_type: 'news_post',
        subject_key: String(100_000 + p),
        url: `/news/${source.slug}`,
        params: JSON.stringify({ title: `${pick(WORDS)}: ${source.title} (${p})`, source: 'Benchmark news' }),
        scope,
        actor_id: actors.length ? pick(actors) : null,
      };
      const told = new Set<number>();
      if (rand() < readerShare) told.add(reader.id);
      const wanted = Math.min(
        FOLLOWERS_PER_POST,
        counts.notifications - notifications.length,
        others.length + told.size,
      );
      // Skewed: low-numbered members follow much more than the rest (r² piles them up there).
      while (told.size < wanted) told.add(others[Math.floor(rand() ** 2 * others.length)] as number);
      for (const userId of told) {
        const createdAt = at + Math.floor(rand() * 60_000);
        const delivery = pick(DELIVERIES);
        // Most members read what is older than two weeks; some of the recent rows wait.
        const ageDays = (now - createdAt) / DAY_MS;
        const unread = userId === reader.id ? false : ageDays < 14 ? rand() < 0.6 : rand() < 0.03;
        if (userId === reader.id) {
          readerRows++;
          if (group !== null && joined.includes(group)) scopedVisible++;
          if (group !== null && group === left) scopedHidden++;
        }
        notifications.push({
          ...base,
          user_id: userId,
          delivery,
          created_at: new Date(createdAt).toISOString(),
          read_at: unread ? null : new Date(createdAt + (1 + rand() * 48) * 3600_000).toISOString(),
          mailed_at: delivery === 'inbox' || ageDays < 1 ? null : new Date(createdAt + 600_000).toISOString(),
        });
      }
    }
    // The reader's unread ones: the newest READER_UNREAD they may see, and a few of the group they
    // left among them (the count and the inbox must skip those).
    let readerUnread = 0;
    let hiddenUnread = 0;
    for (let i = notifications.length - 1; i >= 0; i--) {
      const row = notifications[i] as Insertable<NotificationsTable>;
      if (row.user_id !== reader.id) continue;
      const hidden = left !== null && row.scope === `group:${left}`;
      if (hidden ? hiddenUnread >= READER_HIDDEN_UNREAD : readerUnread >= READER_UNREAD) continue;
      row.read_at = null;
      if (hidden) hiddenUnread++;
      else readerUnread++;
      if (readerUnread >= READER_UNREAD && (hiddenUnread >= READER_HIDDEN_UNREAD || left === null)) break;
    }

    const follows: Insertable<FollowsTable>[] = [];
    const followed = (userId: number, n: number) => {
      const keys = new Set<string>();
      for (let i = 0; i < n; i++) {
        const r = rand();
        const target =
          r < 0.45 && organisations.length
            ? { type: 'organisation', key: pick(organisations) }
            : r < 0.7
              ? { type: 'tag', key: pick(TAGS) }
              : r < 0.85
                ? { type: 'country', key: pick(COUNTRIES) }
                : { type: 'domain', key: pick(DOMAINS) };
        const id = `${target.type}\u0000${target.key}`;
        if (keys.has(id)) continue;
        keys.add(id);
        follows.push({
          user_id: userId,
          target_type: target.type,
          target_key: target.key,
          created_at: isoIn(-Math.floor(rand() * 400) * DAY),
        });
      }
    };
    followed(reader.id, 25);
    for (const id of others) followed(id, 2 + Math.floor(rand() * 9));

    const secret = randomToken(32);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < notifications.length; i += CHUNK)
        await trx
          .insertInto('notifications')
          .values(notifications.slice(i, i + CHUNK))
          .execute();
      for (let i = 0; i < follows.length; i += CHUNK)
        await trx
          .insertInto('follows')
          .values(follows.slice(i, i + CHUNK))
          .execute();
      for (const groupId of joined)
        await trx
          .insertInto('group_members')
          .values({ group_id: groupId, user_id: reader.id, role: 'member', created_at: isoIn(-100 * DAY) })
          .onConflict((oc) => oc.doNothing())
          .execute();
      if (left !== null)
        await trx
          .deleteFrom('group_members')
          .where('group_id', '=', left)
          .where('user_id', '=', reader.id)
          .execute();
      // A signed-in browser: the session as startSession() stores it (its SHA-256), seen just now so
      // that no request of the run extends it.
      await trx
        .insertInto('sessions')
        .values({
          id: sha256(secret),
          user_id: reader.id,
          csrf_token: randomToken(24),
          created_at: isoIn(-HOUR),
          last_seen_at: isoIn(0),
          expires_at: isoIn(30 * DAY),
          ip: '192.0.2.1',
          user_agent: 'Mozilla/5.0 (benchmark)',
        })
        .execute();
    });
    const { token } = await createApiToken(db, reader.id, 'benchmark notifications');
    await refreshPlannerStatistics(db);

    const plans = await explainReader(deps, reader);
    const inProcess = await timeReader(deps, reader);
    return {
      members: members.length,
      addedMembers,
      notifications: notifications.length,
      unread: notifications.filter((n) => n.read_at === null).length,
      scoped: notifications.filter((n) => n.scope !== 'public').length,
      follows: follows.length,
      reader: {
        id: reader.id,
        email: reader.email,
        sessionCookie: secret,
        apiToken: token,
        rows: readerRows,
        unread: readerUnread,
        scopedVisible,
        scopedHidden,
        groups: (await readableScopes(deps, reader)).sort(),
      },
      plans,
      inProcess,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await platform.close();
  }
}

async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
