// The HTTP benchmark's data: built in a new DATA_DIR, or reused from one a `--keep` run left
// (`--data DIR`), migrated to the current code first so a branch's new migrations run on it. What
// the targets need besides the database (the administrator's token, the report event, a member's
// session…) is written beside it in `bench-data.json`.
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/schema.ts';
import { randomToken, sha256 } from '../../src/platform/security-tokens.ts';
import { DAY, HOUR, isoIn } from '../../src/platform/time.ts';
import { migrate, openPlatform } from '../../src/server.ts';
import { buildDataset, type Dataset } from './data.ts';
import { addEvents, type EventsDataset } from './events-data.ts';
import type { Options } from './http-options.ts';
import { addLibrary, LIBRARY_SEARCH_WORD, type LibraryCounts } from './library-data.ts';
import { buildMeasures } from './measures-data.ts';
import { addNotifications, type NotificationsDataset } from './notifications-data.ts';
import { log, ms } from './report.ts';

export interface BenchData {
  dataset: Dataset;
  eventsData: EventsDataset | null;
  library: LibraryCounts | null;
  notifications: NotificationsDataset | null;
  /** A signed-in generated member's `hub_session` cookie: pages without the visitors' caches. */
  memberSession: string | null;
}

const KEPT = 'bench-data.json';

/** Adds the generated documents to the database that buildDataset made. */
async function buildLibrary(dir: string, documents: number): Promise<LibraryCounts | null> {
  if (documents === 0) return null;
  log(`Adding ${documents} library documents with files…`);
  const counts = await addLibrary(dir, documents);
  log(
    `  ${counts.documents} documents, ${counts.files} files, ${counts.versions} versions, ` +
      `${counts.textMegabytes.toFixed(0)} MB of extracted text, "${LIBRARY_SEARCH_WORD}" in ` +
      `${counts.planted} of them (${counts.seconds.toFixed(1)} s)`,
  );
  return counts;
}

/** Adds the notifications and their reader (who the notifications targets sign in as). */
async function buildNotifications(dir: string, options: Options): Promise<NotificationsDataset> {
  log(`Adding ${options.notifications} notifications over ${options.notifiedMembers} members…`);
  const data = await addNotifications(dir, {
    notifications: options.notifications,
    members: options.notifiedMembers,
  });
  const r = data.reader;
  log(
    `  ${data.notifications} notifications (${data.unread} unread, ${data.scoped} of groups) over ` +
      `${data.members} members (${data.addedMembers} added), ${data.follows} follows; the reader ` +
      `${r.email} has ${r.rows} (${r.unread} unread, ${r.scopedVisible} of their groups, ${r.scopedHidden} ` +
      `of a group they left) (${data.seconds.toFixed(1)} s)`,
  );
  return data;
}

/** The query plans and in-process times of the header's count and the inbox. */
export function notificationsReport(data: NotificationsDataset): string {
  const lines = [
    '',
    `Notifications — the reader's queries (reads ${data.reader.groups.join(', ') || 'no groups'}):`,
  ];
  for (const p of data.plans) {
    lines.push(`  ${p.name}: ${p.sql}  -- ${JSON.stringify(p.parameters)}`);
    for (const step of p.plan) lines.push(`    ${step}`);
  }
  lines.push('  In-process, one call at a time (ms): name  p50 / p95 / p99');
  for (const [name, t] of Object.entries(data.inProcess))
    lines.push(`    ${name.padEnd(24)} ${ms(t.p50)} / ${ms(t.p95)} / ${ms(t.p99)}`);
  return lines.join('\n');
}

/** A session of the last plain member, as startSession() stores it; null when there is none. */
async function addMemberSession(dir: string): Promise<string | null> {
  const platform = openPlatform(loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }));
  try {
    const db = platform.deps.db as Kysely<Database>;
    const member = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'member')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!member) return null;
    const secret = randomToken(32);
    await db
      .insertInto('sessions')
      .values({
        id: sha256(secret),
        user_id: member.id,
        csrf_token: randomToken(24),
        created_at: isoIn(-HOUR),
        last_seen_at: isoIn(0),
        expires_at: isoIn(30 * DAY),
        ip: '192.0.2.2',
        user_agent: 'Mozilla/5.0 (benchmark member)',
      })
      .execute();
    return secret;
  } finally {
    await platform.close();
  }
}

/** Builds everything the selected targets need in `dataDir` (new and empty). */
export async function buildBenchData(
  dataDir: string,
  options: Options,
  wantsNotifications: boolean,
  isInterrupted: () => boolean,
): Promise<BenchData | null> {
  log(`Building the ${options.scale} database in ${dataDir}…`);
  const dataset = await buildDataset(dataDir, options.scale, {
    organisations: options.organisations,
    people: options.people,
  });
  const { counts } = dataset;
  log(
    `  ${counts.users} users, ${counts.sessions} sessions, ${counts.apiTokens} API tokens, ` +
      `${counts.auditLog} audit entries, ${counts.organisations} organisations, ${counts.people} people (${dataset.seconds.toFixed(1)} s)`,
  );
  if (isInterrupted()) return null;
  let eventsData: EventsDataset | null = null;
  if (options.events > 0) {
    log(`Adding ${options.events} events and ${options.applications} applications…`);
    eventsData = await addEvents(dataDir, { events: options.events, applications: options.applications });
    log(
      `  ${eventsData.participants} on the rosters, ${eventsData.checkins} check-ins; report target ${eventsData.reportSlug} (${eventsData.seconds.toFixed(1)} s)`,
    );
  }
  if (isInterrupted()) return null;
  const library = await buildLibrary(dataDir, options.documents);
  await buildMeasures(dataDir, options.measures);
  if (isInterrupted()) return null;
  const notifications = wantsNotifications ? await buildNotifications(dataDir, options) : null;
  const memberSession = await addMemberSession(dataDir);
  const data: BenchData = { dataset, eventsData, library, notifications, memberSession };
  if (options.keep) {
    fs.writeFileSync(path.join(dataDir, KEPT), `${JSON.stringify(data, null, 2)}\n`);
    log(`  kept in ${dataDir} (reuse it with --data ${dataDir})`);
  }
  return data;
}

/** The data a `--keep` run left in `dataDir`, migrated to the current code. */
export async function reuseBenchData(dataDir: string): Promise<BenchData> {
  const file = path.join(dataDir, KEPT);
  if (!fs.existsSync(file)) throw new Error(`${dataDir} holds no ${KEPT}: was it made with --keep?`);
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchData;
  const platform = openPlatform(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }));
  try {
    const started = performance.now();
    const done = await migrate(platform);
    log(
      `Reusing the ${data.dataset.scale} database in ${dataDir}` +
        (done.length
          ? `; migrated ${done.join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)`
          : ''),
    );
  } finally {
    await platform.close();
  }
  return data;
}
