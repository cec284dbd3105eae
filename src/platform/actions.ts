// Who is acting, and from where: what every write of a module (its actions.ts) receives instead of
// the request. A page route and an API route build it with actionContext(c) and call the same
// action; the command line, the demo seed and scheduled jobs build it with systemContext(). The
// action does the permission check, the transaction, the audit entry (audit() below), the search
// entry, mail and notifications, so none of that is written twice.
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { Database, User } from '../db/schema.ts';
import { recordAudit } from './audit.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { HttpError } from './http/errors.ts';
import { isApiPath } from './http/request.ts';
import type { MessageKey } from './i18n.ts';

/** Where a write came from: a page, the JSON API, the command line, the demo seed or a job. */
export type Via = 'page' | 'api' | 'cli' | 'seed' | 'job';

export interface ActionContext {
  deps: AppDeps;
  /** Who acts; null for a visitor or for the platform itself (cli, seed, job). */
  user: User | null;
  via: Via;
  /** The client's address and the request id, for the audit log. */
  ip: string | null;
  requestId: string | null;
  /** The language of the request: mail to the acting person goes out in it. */
  locale: string;
  /** The time zone of the request (the account's, or the hub's): a wall-clock time typed on a form is read in it. */
  timeZone?: string;
  /** A transaction the action joins instead of opening its own (the demo seed runs many in one). */
  trx?: Kysely<Database>;
}

const SYSTEM: ReadonlySet<Via> = new Set(['cli', 'seed', 'job']);

/** Whether the platform acts on its own (the command line, the demo seed, a job), not a person. */
export const isSystemContext = (ctx: ActionContext): boolean => SYSTEM.has(ctx.via);

/** The context of a request to a page or to the API. */
export function actionContext(c: Context<AppEnv>): ActionContext {
  return {
    deps: c.var.deps,
    user: c.var.auth?.user ?? null,
    via: isApiPath(c.req.path) ? 'api' : 'page',
    ip: c.var.clientIp ?? null,
    requestId: c.var.requestId ?? null,
    locale: c.var.locale,
    timeZone: c.var.timeZone,
  };
}

/** The context of the platform acting on its own (the command line, the demo seed, a job). */
export function systemContext(
  deps: AppDeps,
  via: 'cli' | 'seed' | 'job',
  user: User | null = null,
): ActionContext {
  return {
    deps,
    user,
    via,
    ip: null,
    requestId: null,
    locale: deps.config.defaultLocale,
    timeZone: deps.config.defaultTimeZone,
  };
}

/** The acting user, or a refusal: 401 (a page sends the visitor to the login form). */
export function actingUser(ctx: ActionContext): User {
  if (!ctx.user) throw new HttpError(401, 'error.401.message');
  return ctx.user;
}

/**
 * Refuses with 403 unless `allowed` (with `refusal` as the message, where a module words it its own
 * way); a visitor must sign in first (401). The platform acting on its own (cli, seed, job) is
 * allowed everything: it returns the context's user, often null.
 */
export function ensure(
  ctx: ActionContext,
  allowed: (user: User) => boolean,
  refusal: MessageKey = 'error.403.message',
): User | null {
  if (isSystemContext(ctx)) return ctx.user;
  const user = actingUser(ctx);
  if (!allowed(user)) throw new HttpError(403, refusal);
  return user;
}

/** Runs `work` in the context's transaction, or in a new one. */
export function transact<T>(ctx: ActionContext, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return ctx.trx ? work(ctx.trx) : ctx.deps.db.transaction().execute(work);
}

export interface AuditEntry {
  action: string;
  subjectType: string;
  /** None when the entry is about a kind of thing rather than one record (the settings). */
  subjectId?: string | number;
  details?: Record<string, unknown>;
}

/**
 * An audit log entry for what the action did, in its transaction: the actor, address and request
 * id come from the context; a write through the API or the command line says so in its details
 * (`via: 'api'`, `via: 'cli'`).
 */
export async function audit(trx: Kysely<Database>, ctx: ActionContext, entry: AuditEntry): Promise<void> {
  // The demo content is not anyone's doing: its records carry no audit history.
  if (ctx.via === 'seed') return;
  // Writes through the API or the command line say so; a page is the default.
  const details = ctx.via === 'api' || ctx.via === 'cli' ? { ...entry.details, via: ctx.via } : entry.details;
  await recordAudit(trx, {
    actorId: ctx.user?.id ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    ...(details ? { details } : {}),
  });
}
