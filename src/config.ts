// Environment → typed configuration. Validated once at start; every wrong value gets its own
// message naming the variable, so an operator never has to read a stack trace.
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Locale } from './locales/index.ts';
import type { ExtractionLimits } from './platform/files/extraction.ts';
import { isTimeZone } from './platform/time.ts';

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  BASE_URL: z.url({ message: 'must be an absolute URL such as https://hub.example.org' }).optional(),
  SITE_NAME: z.string().min(1).max(80).default('Creative Hub'),
  DEFAULT_LOCALE: z
    .enum(LOCALES as unknown as [Locale, ...Locale[]], {
      message: `must be one of ${LOCALES.join(', ')}`,
    })
    .default('en'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Creative Hub <no-reply@localhost>'),
  ADMIN_EMAIL: z.email({ message: 'must be an email address' }).optional(),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').max(256).optional(),
  DEFAULT_TIME_ZONE: z
    .string()
    .refine((tz) => isTimeZone(tz), 'must be an IANA time zone such as Asia/Bangkok')
    .default('UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // Behind a reverse proxy the client address is the last hop of X-Forwarded-For.
  TRUST_PROXY: flag.default(false),
  BODY_LIMIT_KB: z.coerce.number().int().min(16).max(1_048_576).default(1024),
  // The largest uploaded file (library documents; the issue asks for 50 MB by default, was 10).
  // A multipart request may be 1 MB larger, room for the form's other fields (title, summary…);
  // anything beyond is refused with 413 by Content-Length, or while it streams in when chunked,
  // so a 2 GB upload never fills memory or disk. Upload routes may set lower limits of their own.
  UPLOAD_LIMIT_MB: z.coerce.number().int().min(1).max(1024).default(50),
  // Reading the text of an uploaded document (platform/files/extraction.ts): the memory of the
  // extraction process (killed past it: the file is refused), the time one file may take, the PDF
  // pages read (later ones are not indexed), and how many files one server process reads at once.
  EXTRACTION_MEMORY_MB: z.coerce.number().int().min(128).max(65_536).default(512),
  EXTRACTION_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  EXTRACTION_MAX_PAGES: z.coerce.number().int().min(1).max(1_000_000).default(2000),
  EXTRACTION_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  OUTBOX_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  JOBS_POLL_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  UNREFERENCED_FILE_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(24),
  // Sign-in with an organisation's identity provider (OpenID Connect): all four or none.
  OIDC_ISSUER: z
    .url({
      message: "must be the identity provider's address, such as https://login.example.org/realms/staff",
    })
    .refine((v) => {
      const url = URL.parse(v);
      return url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK.has(url.hostname));
    }, 'must start with https:// (http:// only for a provider on this machine: localhost, 127.0.0.1, [::1])')
    .refine(
      (v) => !URL.parse(v)?.search && !URL.parse(v)?.hash,
      'must not have a query (?…) or a fragment (#…)',
    )
    .optional(),
  OIDC_CLIENT_ID: z.string().max(500, 'must be at most 500 characters').optional(),
  OIDC_CLIENT_SECRET: z.string().max(2000, 'must be at most 2000 characters').optional(),
  OIDC_NAME: z
    .string()
    .max(80, 'must be at most 80 characters (it is the label of a button)')
    .refine((v) => !/[\r\n\t]/.test(v) && !v.includes(String.fromCharCode(0)), 'must be one line')
    .optional(),
});

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
const OIDC_VARIABLES = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_NAME'] as const;

/** Sign-in with an organisation's identity provider (OIDC_*), when configured. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The label of the login page's button: "Sign in with <name>". */
  name: string;
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  baseUrl: string;
  secureCookies: boolean;
  siteName: string;
  defaultLocale: Locale;
  defaultTimeZone: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  logLevel: string;
  sessionDays: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Largest uploaded file (UPLOAD_LIMIT_MB). */
  uploadLimitBytes: number;
  /** Largest multipart request body: the file plus room for the other form fields. */
  multipartLimitBytes: number;
  /** Limits of text extraction from uploaded documents (EXTRACTION_*). */
  extraction: ExtractionLimits;
  outboxPollMs: number;
  /** How often each process's job runner looks for due jobs. */
  jobsPollMs: number;
  /** How long the bytes of a stored file no record refers to are kept before they are removed. */
  unreferencedFileDays: number;
  /** Months after an event ends before its applications' answers and people's names go; 0: kept. */
  retentionMonths: number;
  /** OpenID Connect sign-in, or null when OIDC_* are not set. */
  oidc: OidcConfig | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the configuration from an environment (process.env by default). Throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set": `PORT= npm start` should not be an error.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
      }),
    );
  }
  const e = parsed.data;
  // Links in mails, feeds, calendars, sitemaps and exports are built from BASE_URL. The localhost
  // default suits `npm start` on a laptop and the tests; in production it would send every reader
  // to their own machine, so a production start without it is refused, not guessed.
  if (env.NODE_ENV === 'production' && e.BASE_URL === undefined)
    throw new ConfigError([
      'BASE_URL="": must be set when NODE_ENV=production, to the address people use, such as https://hub.example.org',
    ]);
  const oidcSet = OIDC_VARIABLES.filter((name) => e[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < OIDC_VARIABLES.length)
    throw new ConfigError(
      OIDC_VARIABLES.filter((name) => e[name] === undefined).map(
        (name) =>
          `${name}="": must be set too, since ${oidcSet.join(', ')} ${oidcSet.length > 1 ? 'are' : 'is'} (all four OIDC_* or none)`,
      ),
    );
  const baseUrl = (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    siteName: e.SITE_NAME,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    adminEmail: e.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    sessionDays: e.SESSION_DAYS,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
    uploadLimitBytes: e.UPLOAD_LIMIT_MB * 1024 * 1024,
    multipartLimitBytes: (e.UPLOAD_LIMIT_MB + 1) * 1024 * 1024,
    extraction: {
      memoryMb: e.EXTRACTION_MEMORY_MB,
      timeoutMs: e.EXTRACTION_TIMEOUT_SECONDS * 1000,
      maxPages: e.EXTRACTION_MAX_PAGES,
      concurrency: e.EXTRACTION_CONCURRENCY,
    },
    outboxPollMs: e.OUTBOX_POLL_SECONDS * 1000,
    jobsPollMs: e.JOBS_POLL_SECONDS * 1000,
    unreferencedFileDays: e.UNREFERENCED_FILE_DAYS,
    retentionMonths: e.RETENTION_MONTHS,
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET && e.OIDC_NAME
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET,
            name: e.OIDC_NAME.trim(),
          }
        : null,
  };
}
