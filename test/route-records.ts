// Real records for the parameters of a route pattern, for the tests that walk every route of the app
// (test/authorization-matrix.test.ts): `/events/:slug/agenda/items/:id` becomes the path of a demo
// event and one of its agenda items, so that a refusal is the route's own rule at work and not a
// 404 for a record that does not exist. Read from the demo content (every module's seed).
import type { TestPlatform } from './harness.ts';

type Db = TestPlatform['deps']['db'];

/** The first row's value of `column` in `table` (in the column's order), or null when the table is empty. */
async function first(
  db: Db,
  table: string,
  column = 'id',
  where?: [string, unknown],
): Promise<string | null> {
  // biome-ignore lint/suspicious/noExplicitAny: the table is chosen at run time, for any of them.
  let query = (db as any).selectFrom(table).select(column).orderBy(column);
  if (where) query = query.where(where[0], '=', where[1]);
  const row = (await query.executeTakeFirst()) as Record<string, unknown> | undefined;
  return row ? String(row[column]) : null;
}

/**
 * Which record a parameter names, by the route's path: [a test on the path, the parameter, the
 * table and column it is read from]. The first match wins, so the narrow ones come first.
 */
const SOURCES: [RegExp, string, string, string][] = [
  [/^\/(directory\/people|api\/v1\/people)\//, 'slug', 'people', 'slug'],
  [/^\/directory\/people\/claims\//, 'id', 'person_claims', 'id'],
  [/^\/(directory|api\/v1\/organisations)\//, 'slug', 'organisations', 'slug'],
  [/^\/directory\/[^/]+\/units\//, 'unit', 'organisations', 'slug'],
  [/^\/(directory\/people\/import|directory\/import)\//, 'id', 'directory_imports', 'id'],
  [/^\/(library\/collections|api\/v1\/document-collections)\//, 'slug', 'document_collections', 'slug'],
  [/^\/(library|api\/v1\/documents)\//, 'slug', 'documents', 'slug'],
  [/^\/(library|api\/v1\/documents)\//, 'fileId', 'document_files', 'id'],
  [/^\/(events|api\/v1\/events)\//, 'slug', 'events', 'slug'],
  [/\/applications\/:id/, 'id', 'event_registrations', 'id'],
  [/\/agenda\/items\/:id/, 'id', 'event_items', 'id'],
  [/\/agenda\/sections\/:id/, 'id', 'event_sections', 'id'],
  [/\/(roster|participants)\/:id/, 'id', 'event_participants', 'id'],
  [/\/documents\/:id/, 'id', 'event_documents', 'document_id'],
  [/\/(photos)\/:id/, 'id', 'event_photos', 'id'],
  [/\/(registration\/form|feedback\/questions)\/:id/, 'id', 'questionnaire_questions', 'id'],
  [/\/rubric\/:id/, 'id', 'event_rubric_criteria', 'id'],
  [/^\/(news|api\/v1\/posts)\//, 'slug', 'posts', 'slug'],
  [/^\/news\/[^/]+\/comments\/:id/, 'id', 'post_comments', 'id'],
  [/^\/(press|api\/v1\/press)\//, 'id', 'press_clippings', 'id'],
  [/^\/(measures|api\/v1\/measures)\//, 'id', 'policy_measures', 'id'],
  [/^\/(groups|api\/v1\/groups)\//, 'slug', 'groups', 'slug'],
  [/^\/groups\/invitations\/:id/, 'id', 'group_invitations', 'id'],
  [/^\/forum\/c\//, 'slug', 'forum_categories', 'slug'],
  [/^\/(forum\/p|api\/v1\/forum\/posts)\//, 'id', 'forum_posts', 'id'],
  [/^\/(forum\/t|api\/v1\/forum\/threads)\//, 'id', 'forum_threads', 'id'],
  [/^\/moderation\/reports\//, 'id', 'reports', 'id'],
  [/^\/admin\/pages\//, 'slug', 'site_pages', 'slug'],
  [/^\/(api\/v1\/)?skills\/frameworks\//, 'slug', 'skill_frameworks', 'slug'],
  [/\/roles\/:role/, 'role', 'skill_roles', 'code'],
  [/\/competences\/:code/, 'code', 'skill_competences', 'code'],
  [/^\/(api\/v1\/)?skills\/surveys\//, 'slug', 'skill_surveys', 'slug'],
  [/^\/(api\/v1\/)?qpr\/.*\/sections\/:code/, 'code', 'qpr_sections', 'code'],
  [/^\/qpr\/.*\/civil-society\/:id/, 'id', 'qpr_inputs', 'id'],
  [/^\/qpr\/.*\/consultations\/:id/, 'id', 'qpr_rounds', 'id'],
];

/**
 * An event that takes applications (its slug) and an application to it (its id). The demo has no
 * such event, so the first time the latest event is opened to applications and `other` applies.
 */
async function applicationOf(
  hub: TestPlatform,
  other: number,
): Promise<{ slug: string; application: string }> {
  const { db } = hub.deps;
  const taking = () =>
    db
      .selectFrom('events')
      .innerJoin('event_registrations', 'event_registrations.event_id', 'events.id')
      .select(['events.slug', 'event_registrations.id'])
      .orderBy('event_registrations.id')
      .executeTakeFirst();
  let found = await taking();
  if (!found) {
    const event = await db
      .selectFrom('events')
      .select('id')
      .orderBy('starts_on', 'desc')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db
      .insertInto('event_registration')
      .values({
        event_id: event.id,
        mode: 'application',
        capacity: null,
        waiting_list: 0,
        deadline: null,
        criteria: '',
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('event_registrations')
      .values({
        event_id: event.id,
        user_id: other,
        status: 'submitted',
        submitted_at: now,
        decided_at: null,
        decided_by: null,
        created_at: now,
        updated_at: now,
        name: 'Someone Else',
        organisation_name: null,
        organisation_id: null,
        organisation_kind: null,
        country: null,
        category_id: null,
        gender: null,
        networking_consent: 0,
      })
      .execute();
    found = await taking();
  }
  return { slug: found!.slug, application: String(found!.id) };
}

/** Values for the parameters no table names. */
const FIXED: Record<string, string> = {
  code: 'LA',
  country: 'LA',
  cycle: '2024-2027',
  token: 'not-a-token',
  date: '2026-01-01',
  type: 'event',
  key: 'x',
  decision: 'approve',
  sid: '1',
};

/**
 * `pattern` (a route of the app, `:name` and `:name{regex}` parameters) with each parameter
 * replaced by a record of the demo content; `owner` is the account whose id fills the parameters
 * that name an account (`/admin/users/:id`, a member of the network), someone else than the one
 * making the request. Unknown parameters get `1`.
 */
export async function pathWithRecords(hub: TestPlatform, pattern: string, other: number): Promise<string> {
  return (await recordsFor(hub, pattern, other)).path;
}

/**
 * pathWithRecords(), and how many of the parameters found no record to name (given `1`, a made-up
 * token): a refusal there may only say the record was not found.
 */
export async function recordsFor(
  hub: TestPlatform,
  pattern: string,
  other: number,
): Promise<{ path: string; unfound: number }> {
  let unfound = 0;
  // A file name given as a pattern (`:file{export\.(csv|xlsx)}`) becomes one it matches.
  const named = pattern.replace(/:file\{([^}]*\}?)\}/g, (_, regex: string) => sampleOf(regex) ?? ':file');
  // A parameter's pattern may hold braces of its own (`:cycle{[0-9]{4}-[0-9]{4}}`).
  const path = named.replace(/(:[A-Za-z_]+)\{(?:[^{}]|\{[^{}]*\})*\}/g, '$1');
  let filled = path;
  for (const [, name] of path.matchAll(/:([A-Za-z_]+)/g)) {
    let value: string | null = null;
    if (/^\/(admin\/users|api\/v1\/users|network|moderation\/members)\//.test(path) && name === 'id')
      value = String(other);
    if (name === 'userId') value = String(other);
    // An event's applications: an event that takes them, and one of its applications.
    if (/^\/(api\/v1\/)?events\/:slug\/(apply|application|applications)/.test(path)) {
      const taking = await applicationOf(hub, other);
      if (name === 'slug') value = taking.slug;
      if (name === 'id') value = taking.application;
    }
    for (const [test, param, table, column] of SOURCES) {
      if (value !== null) break;
      if (param === name && test.test(path)) value = await first(hub.deps.db, table, column);
    }
    if (value === null && name !== 'token') value = FIXED[name!] ?? null;
    if (value === null) unfound++;
    filled = filled.replace(`:${name}`, encodeURIComponent(value ?? FIXED[name!] ?? '1'));
  }
  return { path: filled, unfound };
}

/** A name matching a simple pattern: `export\.(csv|xlsx)` → `export.csv`; null when it is not simple. */
function sampleOf(regex: string): string | null {
  const sample = regex
    .replace(/\((?:\\.|[^()])*\)\?/g, '')
    .replace(/\(([^|()]*)(?:\|[^()]*)?\)/g, '$1')
    .replace(/\\\./g, '.');
  return /^[A-Za-z0-9._-]+$/.test(sample) ? sample : null;
}
