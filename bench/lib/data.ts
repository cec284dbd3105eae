// Builds the database a benchmark runs against, with the platform's own code: migrations, the first
// administrator and the demo content, then — above demo scale — generated members with sessions,
// API tokens and audit history, inserted in one transaction with plain inserts.
import type { Insertable, Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import type { AuditLogTable, Database, SessionsTable, UsersTable } from '../../src/db/schema.ts';
import { LOCALES } from '../../src/locales/index.ts';
import { findUserByEmail } from '../../src/modules/accounts/index.ts';
import { API_TOKEN_PREFIX, createApiToken } from '../../src/platform/auth.ts';
import { hashPassword } from '../../src/platform/passwords.ts';
import { randomToken, sha256 } from '../../src/platform/security-tokens.ts';
import { DAY, HOUR, isoIn } from '../../src/platform/time.ts';
import { createFirstAdmin, seedDemo } from '../../src/seed.ts';
import { migrate, openPlatform } from '../../src/server.ts';
import { addDirectory } from './directory-data.ts';

export const SCALES = { demo: 1, '10x': 10, '100x': 100 } as const;
export type Scale = keyof typeof SCALES;

/** What each generated member brings along, so sessions and audit rows grow with the users. */
const SESSIONS_PER_MEMBER = 2;
const AUDIT_ENTRIES_PER_MEMBER = 6;
/** One generated member in this many also has a personal API token. */
const MEMBERS_PER_API_TOKEN = 5;
/** Rows per INSERT statement: well under SQLite's limit on bound parameters. */
const CHUNK = 200;

const TIME_ZONES = ['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Vientiane', 'Asia/Phnom_Penh', 'Asia/Yangon'];
const AUDIT_ACTIONS = ['user.created', 'user.login', 'profile.updated', 'password.changed', 'user.logout'];

export interface Dataset {
  scale: Scale;
  /** The administrator's personal API token, for the API targets. */
  adminToken: string;
  counts: Record<'users' | 'sessions' | 'apiTokens' | 'auditLog' | 'organisations' | 'people', number>;
  seconds: number;
}

/** Creates and fills the SQLite database in `dataDir` (which must exist and be empty). */
export async function buildDataset(
  dataDir: string,
  scale: Scale,
  directory: { organisations: number; people: number } = { organisations: 0, people: 0 },
): Promise<Dataset> {
  const started = performance.now();
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const platform = openPlatform(config);
  try {
    const { db } = platform.deps;
    await migrate(platform);
    const admin = await createFirstAdmin(platform.deps);
    await seedDemo(platform.deps);
    const demoUsers = await count(db, 'users');
    const extra = demoUsers * SCALES[scale] - demoUsers;
    if (extra > 0) await addMembers(db, extra);
    if (directory.organisations + directory.people > 0) await addDirectory(db, directory);

    const adminUser = await findUserByEmail(db, admin.email);
    if (!adminUser) throw new Error(`The administrator ${admin.email} was not created`);
    const { token } = await createApiToken(db, adminUser.id, 'benchmark');

    return {
      scale,
      adminToken: token,
      counts: {
        users: await count(db, 'users'),
        sessions: await count(db, 'sessions'),
        apiTokens: await count(db, 'api_tokens'),
        auditLog: await count(db, 'audit_log'),
        organisations: await count(db, 'organisations'),
        people: await count(db, 'people'),
      },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await platform.close();
  }
}

async function count(
  db: Kysely<Database>,
  table: 'users' | 'sessions' | 'api_tokens' | 'audit_log' | 'organisations' | 'people',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Adds `n` verified members with sessions, some API tokens and audit history, numbered from `first`
 * (`bench.member.<number>@example.org`), so that a second call adds different addresses.
 */
export async function addMembers(db: Kysely<Database>, n: number, first = 1): Promise<void> {
  // One argon2 hash shared by every generated account: hashing per row would dominate the setup.
  const passwordHash = await hashPassword('benchmark-password');
  const now = new Date();
  const users: Insertable<UsersTable>[] = Array.from({ length: n }, (_, i) => {
    const created = isoIn(-((i * 7919) % 365) * DAY - (i % 24) * HOUR, now);
    return {
      email: `bench.member.${String(first + i).padStart(5, '0')}@example.org`,
      name: `Benchmark member ${first + i}`,
      password_hash: passwordHash,
      role: i % 50 === 0 ? 'editor' : i % 25 === 0 ? 'moderator' : 'member',
      locale: LOCALES[i % LOCALES.length] ?? null,
      time_zone: TIME_ZONES[i % TIME_ZONES.length] ?? null,
      email_verified_at: created,
      created_at: created,
      updated_at: created,
    };
  });

  await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const chunk of chunks(users)) {
      const rows = await trx.insertInto('users').values(chunk).returning('id').execute();
      ids.push(...rows.map((r) => r.id));
    }

    const sessions: Insertable<SessionsTable>[] = ids.flatMap((userId, i) =>
      Array.from({ length: SESSIONS_PER_MEMBER }, (_, s) => ({
        id: sha256(randomToken(32)),
        user_id: userId,
        csrf_token: randomToken(24),
        created_at: isoIn(-(s + 1) * DAY, now),
        last_seen_at: isoIn(-(s + 1) * HOUR, now),
        expires_at: isoIn(30 * DAY - (s + 1) * DAY, now),
        ip: `192.0.2.${(i + s) % 250}`,
        user_agent: 'Mozilla/5.0 (benchmark)',
      })),
    );
    for (const chunk of chunks(sessions)) await trx.insertInto('sessions').values(chunk).execute();

    const tokens = ids
      .filter((_, i) => i % MEMBERS_PER_API_TOKEN === 0)
      .map((userId) => {
        const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
        return {
          user_id: userId,
          name: 'integration',
          token_hash: sha256(token),
          prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
          created_at: isoIn(-DAY, now),
        };
      });
    for (const chunk of chunks(tokens)) await trx.insertInto('api_tokens').values(chunk).execute();

    const audit: Insertable<AuditLogTable>[] = ids.flatMap((userId, i) =>
      Array.from({ length: AUDIT_ENTRIES_PER_MEMBER }, (_, a) => ({
        at: isoIn(-(AUDIT_ENTRIES_PER_MEMBER - a) * HOUR, now),
        actor_id: a === 0 ? null : userId,
        action: AUDIT_ACTIONS[a % AUDIT_ACTIONS.length] ?? 'user.login',
        subject_type: 'user',
        subject_id: String(userId),
        details: JSON.stringify({ via: 'benchmark', n: a }),
        ip: `198.51.100.${(i + a) % 250}`,
        request_id: randomToken(12),
      })),
    );
    for (const chunk of chunks(audit)) await trx.insertInto('audit_log').values(chunk).execute();
  });
}

function* chunks<T>(rows: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
