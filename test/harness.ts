// A fresh platform per test file: the real app, a real database (SQLite in memory, or a new
// PostgreSQL schema when HUB_TEST_DB=postgres), the real outbox sending to a real SMTP peer.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject } from 'vitest';
import { createApp } from '../src/app.tsx';
import { loadConfig } from '../src/config.ts';
import type { DialectSetup } from '../src/db/dialect.ts';
import { fromSetup } from '../src/db/index.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Role } from '../src/db/schema.ts';
import { createAccount } from '../src/modules/accounts/index.ts';
import { modules as allModules } from '../src/modules/index.ts';
import { systemContext } from '../src/platform/actions.ts';
import { createApiToken } from '../src/platform/auth.ts';
import type { AppDeps, HubModule } from '../src/platform/context.ts';
import { DiskFileStore } from '../src/platform/files/store.ts';
import { createLogger } from '../src/platform/logger.ts';
import { Outbox } from '../src/platform/mail/outbox.ts';
import { hashPassword } from '../src/platform/passwords.ts';
import { sha256 } from '../src/platform/security-tokens.ts';
import { SESSION_COOKIE } from '../src/platform/sessions.ts';
import { SEED_DIR } from '../src/seed.ts';
import { openTestDatabase } from './databases.ts';
import { SmtpPeer } from './smtp-peer.ts';

export const BASE_URL = 'http://hub.test';
export const PASSWORD = 'correct horse battery staple';

export interface TestPlatform {
  deps: AppDeps;
  /** The database connection's set-up (its dialect; SQLite's handle, for backups). */
  setup: DialectSetup;
  app: ReturnType<typeof createApp>;
  smtp: SmtpPeer;
  /** Sends every queued mail to the SMTP peer now (what the worker does on its own). */
  deliverMail: () => Promise<number>;
  createUser: (input?: {
    email?: string;
    name?: string;
    role?: Role;
    verified?: boolean;
    password?: string;
    /** Made just now, so the new-member limits apply (otherwise a month old). */
    newMember?: boolean;
  }) => Promise<{ id: number; email: string }>;
  client: () => TestClient;
  /**
   * A new account of `role` (and the other fields given) and a client signed in as it: the session
   * is written to the database directly (no password check, no login form), and the account page
   * is loaded so the client holds a CSRF token. Tests of the login itself use client.login().
   */
  signedIn: (
    role?: Role,
    input?: {
      email?: string;
      name?: string;
      verified?: boolean;
      locale?: string;
      timeZone?: string;
      newMember?: boolean;
    },
  ) => Promise<{ client: TestClient; user: { id: number; email: string } }>;
  /** hub.signedIn() with a personal API token of the same account (`bearer(token)` sends it). */
  signedInWithToken: (
    ...args: Parameters<TestPlatform['signedIn']>
  ) => Promise<{ client: TestClient; user: { id: number; email: string }; token: string }>;
  /**
   * A session of an existing account, written to the database as signedIn() writes it, for `client`
   * (a new one unless given: another device of the same person, or a client that already holds
   * cookies the test is about). Returns the client, holding a CSRF token.
   */
  signInAs: (user: { id: number }, client?: TestClient) => Promise<TestClient>;
  close: () => Promise<void>;
}

/** What a test file's platform holds besides the platform's own: more modules, settings, demo content. */
export interface PlatformOptions {
  env?: Record<string, string>;
  extraModules?: HubModule[];
  /**
   * The modules whose demo content (their manifest's seed, from seed/) is loaded, e.g.
   * ['directory', 'people']; they run in the platform's module order, as `hub seed --demo` runs them.
   */
  seed?: string[];
}

const hashes = new Map<string, Promise<string>>();
/** One argon2 hash per password per process: accounts of a test file share it. */
const passwordHash = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  return hash;
};

export { usingPostgres } from './databases.ts';

/**
 * The platform a test file's tests share: made while the file is collected (`const hub = await
 * platformForFile(…)` at the top of the file), closed after its last test.
 */
export async function platformForFile(options: PlatformOptions = {}): Promise<TestPlatform> {
  const hub = await createTestPlatform(options);
  afterAll(() => hub.close());
  return hub;
}

/**
 * A visitor of the same platform (its database, modules and the rest) once it has moved to
 * `baseUrl`: for what must change with the address (links) and what must not (feed ids, UIDs).
 */
export function visitorAt(hub: TestPlatform, baseUrl: string): TestClient {
  return new TestClient(createApp({ ...hub.deps, config: { ...hub.deps.config, baseUrl } }));
}

/** `Authorization` for an API call with a personal token. */
export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function createTestPlatform(options: PlatformOptions = {}): Promise<TestPlatform> {
  const smtp = new SmtpPeer();
  const smtpUrl = await smtp.start();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    BASE_URL,
    TRUST_PROXY: '1',
    SMTP_URL: smtpUrl,
    DATA_DIR: dataDir,
    ...options.env,
  });

  // A copy of the run's migrated template, or an emptied schema (test/databases.ts), brought up to
  // date below.
  const { setup, release } = await openTestDatabase(inject('databaseTemplate'));
  const database = fromSetup(setup);
  const modules = [...allModules, ...(options.extraModules ?? [])];
  await migrateToLatest(
    database.db,
    modules.flatMap((m) => (m.migrations ? [m.migrations] : [])),
  );
  const logger = createLogger('silent');
  const outbox = new Outbox(database.db, config, logger);
  const deps: AppDeps = {
    db: database.db,
    dialect: setup.name,
    config,
    logger,
    outbox,
    files: new DiskFileStore(dataDir),
    modules,
  };
  const app = createApp(deps);
  for (const module of modules)
    if (options.seed?.includes(module.id)) await module.seed?.({ deps, seedDir: SEED_DIR });
  let counter = 0;
  /** An account; the test password's hash is computed once per process, not per account. */
  const newUser = async (input: Parameters<TestPlatform['createUser']>[0] = {}) => {
    counter++;
    // As the demo seed makes accounts: no audit entry.
    const user = await createAccount(systemContext(deps, 'seed'), {
      email: input.email ?? `person${counter}@example.org`,
      name: input.name ?? `Person ${counter}`,
      password: null,
      role: input.role ?? 'member',
      verified: input.verified ?? true,
    });
    const password = input.password ?? PASSWORD;
    // A month-old account, as most members are: the new-member limits on posting (moderation's
    // posting rules) are for the tests that ask for a new member.
    const created_at = input.newMember ? undefined : new Date(Date.now() - 30 * 86_400_000).toISOString();
    await database.db
      .updateTable('users')
      .set({ password_hash: await passwordHash(password), ...(created_at ? { created_at } : {}) })
      .where('id', '=', user.id)
      .execute();
    return { id: user.id, email: user.email };
  };

  const signInAs: TestPlatform['signInAs'] = async (user, client = new TestClient(app)) => {
    const secret = randomBytes(32).toString('base64url');
    const now = new Date().toISOString();
    await database.db
      .insertInto('sessions')
      .values({
        id: sha256(secret),
        user_id: user.id,
        csrf_token: randomBytes(24).toString('base64url'),
        created_at: now,
        last_seen_at: now,
        expires_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        ip: client.ip,
        user_agent: null,
      })
      .execute();
    client.cookies.set(SESSION_COOKIE, secret);
    await client.get('/account');
    return client;
  };
  const signedIn: TestPlatform['signedIn'] = async (role = 'member', input = {}) => {
    const user = await newUser({ ...input, role });
    if (input.locale || input.timeZone)
      await database.db
        .updateTable('users')
        .set({ locale: input.locale ?? null, time_zone: input.timeZone ?? null })
        .where('id', '=', user.id)
        .execute();
    return { client: await signInAs(user), user };
  };

  return {
    deps,
    setup,
    app,
    smtp,
    deliverMail: () => outbox.drain(),
    createUser: (input = {}) => newUser(input),
    client: () => new TestClient(app),
    signedIn,
    signedInWithToken: async (role, input) => {
      const signed = await signedIn(role, input);
      return { ...signed, token: (await createApiToken(database.db, signed.user.id, 'tests')).token };
    },
    signInAs,
    close: async () => {
      await outbox.stop();
      await database.close();
      // A schema with modules of a test's own is not the next file's: it goes.
      await release({ reuse: !options.extraModules?.length });
      await smtp.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A file a form sends, as a browser's file input does. */
export interface Upload {
  field: string;
  name: string;
  /** The type the browser says (the platform checks the bytes, not this). */
  type?: string;
  bytes: Uint8Array;
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  /** The body as it came (a workbook, an image), `text` being its UTF-8 reading. */
  bytes: Uint8Array;
  location: string | null;
}

/**
 * A browser-like client for app.request(): keeps cookies, finds the CSRF token in the last page,
 * and sends forms the way a browser does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  lastHtml = '';
  /** Simulated client address (X-Forwarded-For; the test config trusts the proxy header). */
  ip = `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

  constructor(private readonly app: ReturnType<typeof createApp>) {}

  async request(
    target: string,
    init: {
      method?: string;
      /** url-encoded; an array repeats the field, as checkboxes do. */
      form?: Record<string, string | string[]>;
      /** multipart/form-data: fields (an array repeats the field, as checkboxes do) and files. */
      multipart?: { fields: Record<string, string | string[]>; files?: Upload[] };
      json?: unknown;
      headers?: Record<string, string>;
      csrf?: boolean;
    } = {},
  ): Promise<Sent> {
    const url = new URL(target, BASE_URL);
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.ip);
    if (!headers.has('accept-language')) headers.set('accept-language', 'en');
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (init.multipart) {
      const form = new FormData();
      if (init.csrf !== false) form.set('_csrf', this.csrfToken());
      for (const [k, v] of Object.entries(init.multipart.fields))
        for (const one of Array.isArray(v) ? v : [v]) form.append(k, one);
      for (const f of init.multipart.files ?? [])
        form.append(
          f.field,
          new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }),
        );
      // Through a Request so the body gets its multipart boundary and length as a browser's does.
      const request = new Request(url, { method: 'POST', body: form });
      body = new Uint8Array(await request.arrayBuffer());
      headers.set('content-type', request.headers.get('content-type') ?? '');
      headers.set('content-length', String(body.byteLength));
    } else if (init.form) {
      const form = new URLSearchParams(
        Object.entries(init.form).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((one) => [k, one])),
      );
      if (init.csrf !== false && !form.has('_csrf')) form.set('_csrf', this.csrfToken());
      body = form.toString();
      headers.set('content-type', 'application/x-www-form-urlencoded');
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers.set('content-type', 'application/json');
    }
    const res = await this.app.request(url.pathname + url.search, {
      method: init.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = cookie.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    if ((res.headers.get('content-type') ?? '').includes('text/html')) this.lastHtml = text;
    return { status: res.status, headers: res.headers, text, bytes, location: res.headers.get('location') };
  }

  get(target: string, headers?: Record<string, string>) {
    return this.request(target, { headers });
  }

  /** GET the page first (for its CSRF token), then POST the form. */
  async submit(page: string, action: string, form: Record<string, string>): Promise<Sent> {
    await this.get(page);
    return this.request(action, { form });
  }

  csrfToken(): string {
    const match = this.lastHtml.match(/name="_csrf" value="([^"]+)"/);
    return match?.[1] ?? '';
  }

  async login(email: string, password = PASSWORD): Promise<Sent> {
    const res = await this.submit('/login', '/login', { email, password });
    if (res.status !== 303) throw new Error(`login failed with ${res.status}`);
    await this.get('/account');
    return res;
  }
}

/** The text of an HTML page without tags, for assertions on what a reader sees. */
export function visibleText(html: string): string {
  return (
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      // `&amp;` last: "&amp;lt;" is the text "&lt;", not "<".
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The JSON-LD of an HTML page (its first ld+json script), which must have one. */
export function jsonLdOf(html: string): Record<string, unknown> {
  const raw = html.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)?.[1];
  expect(raw).toBeDefined();
  return JSON.parse(raw ?? '{}');
}
