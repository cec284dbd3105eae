// What the notifications benchmark reports besides HTTP: the plans of the header's unread count and
// of the inbox's query (EXPLAIN QUERY PLAN of the SQL the platform's own functions send, recorded
// by a Kysely plugin) and their time in-process, without HTTP.
import type { Kysely, KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import { CompiledQuery } from 'kysely';
import type { Database, User } from '../../src/db/schema.ts';
import { listInbox } from '../../src/modules/notifications/listing.ts';
import type { AppDeps } from '../../src/platform/context.ts';
import { unreadCount } from '../../src/platform/notifications/inbox.ts';
import { readableScopes } from '../../src/platform/scopes.ts';
import { type Summary, summarise } from './report.ts';

export interface QueryPlan {
  name: string;
  sql: string;
  parameters: unknown[];
  plan: string[];
}

/** The SQL a call sends, as compiled: a plugin that keeps the queries that were executed. */
function recording(db: Kysely<Database>) {
  const compiled = new Map<QueryId, CompiledQuery>();
  const executed: CompiledQuery[] = [];
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }: { node: RootOperationNode; queryId: QueryId }) {
      compiled.set(queryId, db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    async transformResult({ result, queryId }) {
      const query = compiled.get(queryId);
      if (query) executed.push(query);
      return result;
    },
  };
  return { db: db.withPlugin(plugin), executed };
}

/** EXPLAIN QUERY PLAN of the header's count and of the inbox's first page (all and unread only). */
export async function explainReader(deps: AppDeps, reader: User): Promise<QueryPlan[]> {
  const db = deps.db as Kysely<Database>;
  const readable = await readableScopes(deps, reader);
  const calls: [string, (d: AppDeps) => Promise<unknown>][] = [
    ['unreadCount (the header)', (d) => unreadCount(d.db, reader.id, readable)],
    ['listInbox (/notifications)', (d) => listInbox(d, reader)],
    ['listInbox unread only (?unread=1)', (d) => listInbox(d, reader, { unreadOnly: true })],
  ];
  const plans: QueryPlan[] = [];
  for (const [name, call] of calls) {
    const rec = recording(db);
    await call({ ...deps, db: rec.db });
    const query = rec.executed.find((q) => /\bnotifications\b/.test(q.sql));
    if (!query) continue;
    const rows = await db.executeQuery<{ id: number; parent: number; detail: string }>(
      CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]),
    );
    const depth = new Map<number, number>([[0, 0]]);
    const plan = rows.rows.map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d - 1)}${r.detail}`;
    });
    plans.push({ name, sql: query.sql, parameters: [...query.parameters], plan });
  }
  return plans;
}

/** Each call's time in-process, after a warm-up: what the database and Kysely take, without HTTP. */
export async function timeReader(deps: AppDeps, reader: User, calls = 300): Promise<Record<string, Summary>> {
  const readable = await readableScopes(deps, reader);
  const timed: [string, () => Promise<unknown>][] = [
    ['readableScopes', () => readableScopes(deps, reader)],
    ['unreadCount', () => unreadCount(deps.db, reader.id, readable)],
    ['listInbox', () => listInbox(deps, reader)],
    ['listInbox unread only', () => listInbox(deps, reader, { unreadOnly: true })],
  ];
  const out: Record<string, Summary> = {};
  for (const [name, call] of timed) {
    for (let i = 0; i < 30; i++) await call();
    const times: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await call();
      times.push(performance.now() - t0);
    }
    out[name] = summarise(times);
  }
  return out;
}
