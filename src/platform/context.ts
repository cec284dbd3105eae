// What every request handler can reach through `c.var`, and the shape of a module.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { Migration } from 'kysely';
import type { Config } from '../config.ts';
import type { DialectName } from '../db/dialect.ts';
import type { DB } from '../db/index.ts';
import type { Session, Timestamp, User } from '../db/schema.ts';
import type { Locale } from '../locales/index.ts';
import type { SearchProvider } from '../search/index.ts';
import type { FileStore } from './files/store.ts';
import type { Formatters, MessageKey, Translator } from './i18n.ts';
import type { Schedule } from './jobs/schedule.ts';
import type { Logger } from './logger.ts';
import type { Outbox } from './mail/outbox.ts';
import type { Followable } from './notifications/follows.ts';
import type { NotificationKind } from './notifications/kinds.ts';
import type { ScopeResolver } from './scopes.ts';
import type { Site } from './site/settings.ts';

export interface AppDeps {
  db: DB;
  dialect: DialectName;
  config: Config;
  logger: Logger;
  outbox: Outbox;
  /** Uploaded files, stored by content hash (src/platform/files). */
  files: FileStore;
  modules: readonly HubModule[];
}

/** Who is making the request, and how they proved it. */
export type Auth =
  | { via: 'session'; user: User; session: Session }
  | { via: 'token'; user: User; tokenId: number };

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    secureHeadersNonce?: string;
    auth: Auth | null;
    locale: Locale;
    timeZone: string;
    t: Translator;
    fmt: Formatters;
    csrfToken: string;
    clientIp: string;
    /** The operator's settings of the hub (platform/site), loaded before the pages run. */
    site?: Site;
  };
};

export type PageApp = Hono<AppEnv>;
export type ApiApp = OpenAPIHono<AppEnv>;

export interface SeedContext {
  deps: AppDeps;
  /** Absolute path of the seed/ folder with the demo content data files. */
  seedDir: string;
}

/** A kind of record anyone signed in may report to the moderators (a profile, later a post, …). */
export interface Reportable {
  type: string;
  label: MessageKey;
  /** The record named `key` (its slug) as `viewer` may see it; null when there is none. */
  find(db: DB, key: string, viewer: User | null): Promise<{ title: string; url: string } | null>;
  /** Where the record named `key` lives (it may be gone since it was reported). */
  urlOf(key: string): string;
}

/** A record waiting for a moderator's approval, with the URL of the form that approves it. */
export interface PendingItem {
  type: string;
  title: string;
  url: string;
  approveAction: string;
  createdAt: Timestamp;
}

/** What a module brings to the moderation queue. */
export interface ModerationHooks {
  reportables?: Reportable[];
  pending?: (db: DB) => Promise<PendingItem[]>;
  /** On/off settings (stored as '1'/'0' in the settings table) that admins change on /moderation. */
  settings?: { key: string; label: MessageKey; hint: MessageKey }[];
}

/** Who a page block is loaded for: the reader (null for a visitor), their language and time zone. */
export interface BlockContext {
  deps: AppDeps;
  viewer: User | null;
  locale: Locale;
  timeZone: string;
}

/**
 * A block a module adds to another module's page (the home page, an organisation's page): `load`
 * answers the block's data for this reader — null when there is nothing to show them (a visitor's
 * "my applications", an empty list) — and `view` draws it, inside the page (usePage() works).
 * Blocks appear by `order`, lowest first. See docs/home.md.
 */
export interface PageBlock<D, Args extends unknown[] = []> {
  id: string;
  order: number;
  load: (ctx: BlockContext, ...args: Args) => Promise<D | null>;
  view: (data: D) => Child;
}

/** The organisation an organisation block is loaded for (a published one, or one the reader may see). */
export interface OrganisationRef {
  id: number;
  slug: string;
  name: string;
}

/** The country a country block is loaded for (`/countries/<code>`): its ISO 3166-1 alpha-2 code. */
export interface CountryRef {
  code: string;
}

/** The event an event block is loaded for (its report page, `/events/<slug>/report`). */
export interface EventRef {
  id: number;
  slug: string;
  title: string;
}

/**
 * A count per country for the list of countries (`/countries`): measures, organisations, documents,
 * events… `counts` answers, in one query, the count of every country that has any (a country
 * missing from the map has none); `href` is the module's list filtered by the country.
 */
export interface CountryFigure {
  id: string;
  order: number;
  label: MessageKey;
  href: (code: string) => string;
  counts: (ctx: BlockContext) => Promise<Map<string, number>>;
}

/** A figure of the home page's "the hub in numbers": a label, a count, and the list it counts. */
export interface HomeFigure {
  id: string;
  order: number;
  label: MessageKey;
  href: string;
  count: (ctx: BlockContext) => Promise<number>;
}

/**
 * One capability of the platform. `src/modules/index.ts` lists them; app.ts mounts their pages and
 * API, db/migrate.ts runs their migrations, `hub seed --demo` runs their seeds — the platform
 * knows nothing else about them.
 */
/** One public page in /sitemap.xml. */
export interface SitemapEntry {
  /** Path on this site, e.g. /library/decision-1755. */
  path: string;
  /** ISO 8601 date or date-time of the last change. */
  lastmod?: string;
}

/** Which of `hashes` some record refers to (docs/jobs.md, "Files no longer referenced"). */
export type FileReferences = (db: DB, hashes: readonly string[]) => Promise<Iterable<string>>;

/** What a job's handler is told about the run (src/platform/jobs). */
export interface JobRun {
  id: number;
  /** 1 for the first attempt. */
  attempt: number;
  /** The moment the job was due (a recurring job's slot). */
  dueAt: string;
  /** The runner's clock (tests move it): use it rather than the system's for "now". */
  now: () => Date;
}

/**
 * A kind of job, by name: the platform's own (src/platform/jobs/platform-jobs.ts) and those of the
 * modules' manifests (`jobs`). One-off jobs of a kind are queued with enqueueJob(); a kind with a
 * `schedule` is recurring and each server process's runner keeps its one row. See docs/jobs.md.
 */
export interface JobKind<P = Record<string, unknown>> {
  /** `<module>.<what>`, e.g. `news.publish-due`; unique across the platform. */
  name: string;
  run: (deps: AppDeps, payload: P, run: JobRun) => Promise<void>;
  schedule?: Schedule;
  /** Attempts before a one-off job is kept as failed (default 5); a recurring job's retries before its next slot. */
  maxAttempts?: number;
  /** How long a run may take before another process may take the job over (default 300 s; renewed while it runs). */
  leaseSeconds?: number;
}

export interface HubModule {
  id: string;
  /** An entry in the main navigation; modules without one are reached from elsewhere. */
  nav?: { href: string; label: MessageKey; order: number };
  /**
   * What this module holds of a member, for "download my data" (/account/export.json): a JSON
   * value, put under the module's id.
   */
  accountExport?: (db: DB, userId: number) => Promise<unknown>;
  /** Blocks of the home page (docs/home.md): the latest of this module, or what waits for the member. */
  // biome-ignore lint/suspicious/noExplicitAny: each block declares its own data type.
  homeBlocks?: PageBlock<any>[];
  /** Counts of the home page's "the hub in numbers" (organisations, people, documents…). */
  homeFigures?: HomeFigure[];
  /** Blocks of an organisation's page in the directory: its events, posts, documents, groups… */
  // biome-ignore lint/suspicious/noExplicitAny: each block declares its own data type.
  organisationBlocks?: PageBlock<any, [organisation: OrganisationRef]>[];
  /** Blocks of a country's page, `/countries/<code>`: its measures, organisations, documents, events… */
  // biome-ignore lint/suspicious/noExplicitAny: each block declares its own data type.
  countryBlocks?: PageBlock<any, [country: CountryRef]>[];
  /** Counts per country on `/countries` (and the countries that have content at all). */
  countryFigures?: CountryFigure[];
  /** Blocks of an event's page (`/events/<slug>`): what other modules collect at the event. */
  // biome-ignore lint/suspicious/noExplicitAny: each block declares its own data type.
  eventBlocks?: PageBlock<any, [event: EventRef]>[];
  /**
   * Blocks of an event's report (`/events/<slug>/report`, seen by its organisers): what other
   * modules collected at the event (the measures its participants presented).
   */
  // biome-ignore lint/suspicious/noExplicitAny: each block declares its own data type.
  eventReportBlocks?: PageBlock<any, [event: EventRef]>[];
  /** Entries of the signed-in member's account menu ("My applications"), after "My account". */
  accountMenu?: { href: string; label: MessageKey }[];
  /** Page routes, mounted at `/`. */
  pages?: (deps: AppDeps) => PageApp;
  /** API routes, mounted at `/api/v1`; they appear in the OpenAPI document. */
  api?: (deps: AppDeps) => ApiApp;
  migrations?: Record<string, Migration>;
  /** The kinds of records this module puts in the search index. */
  searchProviders?: SearchProvider[];
  /** Reports, approvals and settings this module hands to the moderation queue. */
  moderation?: ModerationHooks;
  /** Public pages for /sitemap.xml: paths on this site, with their last change. */
  sitemap?: (deps: AppDeps) => AsyncIterable<SitemapEntry>;
  /** Kinds of jobs this module runs later or on a schedule (docs/jobs.md). */
  // biome-ignore lint/suspicious/noExplicitAny: each kind declares its own payload type.
  jobs?: JobKind<any>[];
  /**
   * Which of `hashes` (stored files, deps.files) this module's records refer to. Every module that
   * stores files declares it: the daily clean-up removes the bytes of files no one refers to.
   */
  fileReferences?: FileReferences;
  /**
   * How this module answers "which roles does this person hold here" for its kind of scope (the
   * groups module for groups, the directory for organisations): see platform/scopes.ts.
   */
  scopes?: readonly ScopeResolver[];
  /** The kinds of notifications this module emits with notify() (docs/notifications.md). */
  notificationKinds?: readonly NotificationKind[];
  /** The kinds of its records members may follow (an organisation, an event…). */
  followables?: readonly Followable[];
  /** Adds this module's demo content; runs in list order after the platform's own seed. */
  seed?: (ctx: SeedContext) => Promise<void>;
}
