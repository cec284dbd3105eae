// What the operator says about their hub (docs/site.md): its name and short name in each UI
// language, a tagline, the accent colour, the default language and time zone, a contact address,
// a few footer links, and which of the operator's pages (about, privacy…) exist. Every page,
// mail, feed, calendar, certificate and the web app manifest names the hub through siteName()
// below, so renaming it on /admin/site renames it everywhere.
//
// Stored as one JSON value in the platform's `settings` table (key `site.settings`; the pages that
// exist under `site.pages`), written by the site module's actions. Read on every request, so kept
// in memory per database: a process re-reads it when its copy is older than SITE_CACHE_MS, and at
// once after its own write. Several processes (or hosts) therefore agree within that time, with no
// message between them; one indexed read per process every few seconds costs nothing.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/schema.ts';
import { isLocale, type Locale } from '../../locales/index.ts';

export const SITE_SETTINGS_KEY = 'site.settings';
export const SITE_PAGES_KEY = 'site.pages';
/** How old a process's copy of the settings may be before it reads them again. */
export const SITE_CACHE_MS = 5_000;

/** The operator's pages, at /<slug>, linked from the footer when they exist. */
export const SITE_PAGES = ['about', 'privacy', 'accessibility', 'terms'] as const;
export type SitePageSlug = (typeof SITE_PAGES)[number];

export type PerLocale = Partial<Record<Locale, string>>;

export interface FooterLink {
  label: string;
  url: string;
}

export interface SiteSettings {
  names: PerLocale;
  shortNames: PerLocale;
  taglines: PerLocale;
  /** `#rrggbb`, checked for contrast when saved; null keeps the stylesheet's own. */
  accent: string | null;
  defaultLanguage: Locale | null;
  timeZone: string | null;
  contactEmail: string | null;
  footerLinks: FooterLink[];
  /** The logo's version (its upload time), null without a logo; the image is the site module's. */
  logoVersion: string | null;
}

/** The settings as the pages read them, with what changes with every write. */
export interface Site extends SiteSettings {
  /** The operator's pages that exist, in SITE_PAGES order. */
  pages: SitePageSlug[];
  /** When the settings or pages last changed (ISO), '' never: what caches key on. */
  version: string;
}

export const NO_SETTINGS: SiteSettings = {
  names: {},
  shortNames: {},
  taglines: {},
  accent: null,
  defaultLanguage: null,
  timeZone: null,
  contactEmail: null,
  footerLinks: [],
  logoVersion: null,
};

const EMPTY_SITE: Site = { ...NO_SETTINGS, pages: [], version: '' };

const perLocale = (v: unknown): PerLocale =>
  typeof v === 'object' && v !== null
    ? Object.fromEntries(
        Object.entries(v).filter(([k, s]) => isLocale(k) && typeof s === 'string' && s.trim() !== ''),
      )
    : {};
const stringOrNull = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * The stored JSON as settings. It was validated when written; this only keeps a value that is not
 * what it should be (an older shape, a hand edit) from reaching a page.
 */
export function settingsOf(json: string | undefined): SiteSettings {
  let raw: Record<string, unknown> = {};
  try {
    const parsed = json ? JSON.parse(json) : {};
    if (typeof parsed === 'object' && parsed !== null) raw = parsed;
  } catch {
    // A value no one can read is no settings at all: the hub keeps its defaults.
  }
  const language = raw.defaultLanguage;
  return {
    names: perLocale(raw.names),
    shortNames: perLocale(raw.shortNames),
    taglines: perLocale(raw.taglines),
    accent: typeof raw.accent === 'string' && /^#[0-9a-f]{6}$/i.test(raw.accent) ? raw.accent : null,
    defaultLanguage: isLocale(language) ? language : null,
    timeZone: stringOrNull(raw.timeZone),
    contactEmail: stringOrNull(raw.contactEmail),
    footerLinks: Array.isArray(raw.footerLinks)
      ? raw.footerLinks.filter(
          (l): l is FooterLink => typeof l?.label === 'string' && typeof l?.url === 'string',
        )
      : [],
    logoVersion: stringOrNull(raw.logoVersion),
  };
}

function pagesOf(json: string | undefined): SitePageSlug[] {
  try {
    const list: unknown = json ? JSON.parse(json) : [];
    return SITE_PAGES.filter((p) => Array.isArray(list) && list.includes(p));
  } catch {
    return [];
  }
}

async function readSite(db: Kysely<Database>): Promise<Site> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value', 'updated_at'])
    .where('key', 'in', [SITE_SETTINGS_KEY, SITE_PAGES_KEY])
    .execute();
  const row = (key: string) => rows.find((r) => r.key === key);
  const version = rows
    .map((r) => String(r.updated_at))
    .sort()
    .at(-1);
  return {
    ...settingsOf(row(SITE_SETTINGS_KEY)?.value),
    pages: pagesOf(row(SITE_PAGES_KEY)?.value),
    version: version ?? '',
  };
}

interface Cached {
  site: Site;
  readAt: number;
  pending?: Promise<Site>;
}
const cache = new WeakMap<Kysely<Database>, Cached>();

/**
 * The hub's settings, from this process's copy when it is fresh, else read again. A database that
 * cannot be read gives the last copy (or the defaults): the page then still renders, or fails on
 * its own query with its own error.
 */
export async function loadSite(db: Kysely<Database>, now = Date.now()): Promise<Site> {
  const cached = cache.get(db);
  if (cached && now - cached.readAt < SITE_CACHE_MS) return cached.site;
  if (cached?.pending) return cached.pending;
  const entry: Cached = cached ?? { site: EMPTY_SITE, readAt: 0 };
  entry.pending = readSite(db)
    .then((site) => {
      entry.site = site;
      entry.readAt = Date.now();
      return site;
    })
    .catch(() => entry.site)
    .finally(() => {
      entry.pending = undefined;
    });
  cache.set(db, entry);
  return entry.pending;
}

/** This process's last copy, without waiting: what loadSite() last read (the defaults before). */
export function currentSite(db: Kysely<Database>): Site {
  return cache.get(db)?.site ?? EMPTY_SITE;
}

/** After a write: this process reads the settings again on its next request. */
export function forgetSite(db: Kysely<Database>): void {
  cache.delete(db);
}

/**
 * The hub's name in `locale`: the operator's name for that language, else for the hub's default
 * language, else SITE_NAME.
 */
export function siteNameIn(
  site: Pick<Site, 'names' | 'defaultLanguage'>,
  config: Pick<Config, 'siteName' | 'defaultLocale'>,
  locale: string,
): string {
  const fallback = site.defaultLanguage ?? config.defaultLocale;
  return (isLocale(locale) ? site.names[locale] : undefined) ?? site.names[fallback] ?? config.siteName;
}

/** The short name (a phone's home screen): the short name, else the name, in `locale`. */
export function shortNameIn(
  site: Pick<Site, 'names' | 'shortNames' | 'defaultLanguage'>,
  config: Pick<Config, 'siteName' | 'defaultLocale'>,
  locale: string,
): string {
  const fallback = site.defaultLanguage ?? config.defaultLocale;
  return (
    (isLocale(locale) ? site.shortNames[locale] : undefined) ??
    site.shortNames[fallback] ??
    siteNameIn(site, config, locale)
  );
}

/** The tagline in `locale`, else in the default language; '' without one. */
export function taglineIn(
  site: Pick<Site, 'taglines' | 'defaultLanguage'>,
  config: Pick<Config, 'defaultLocale'>,
  locale: string,
): string {
  const fallback = site.defaultLanguage ?? config.defaultLocale;
  return (isLocale(locale) ? site.taglines[locale] : undefined) ?? site.taglines[fallback] ?? '';
}

/** The colour of the platform's mark (ui/assets/icon.svg), when the operator chose no accent. */
export const MARK_COLOUR = '#8a3b12';

/** What the hub's icons are made of, in their addresses: the logo's version, else the mark's colour. */
export const iconVersion = (site: { logoVersion: string | null; accent: string | null }) =>
  site.logoVersion ? `logo-${site.logoVersion}` : `mark-${(site.accent ?? MARK_COLOUR).slice(1)}`;
