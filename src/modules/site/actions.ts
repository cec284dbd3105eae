// Every write of the site module: the settings (page and API), the logo, the operator's pages.
// Administrators only; each write is audited and makes this process read the settings again.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LOCALES } from '../../locales/index.ts';
import { type ActionContext, audit, ensure, transact } from '../../platform/actions.ts';
import type { ProcessedImage } from '../../platform/attached-images.ts';
import { HttpError } from '../../platform/http/errors.ts';
import {
  forgetSite,
  SITE_PAGES,
  SITE_PAGES_KEY,
  SITE_SETTINGS_KEY,
  type SitePageSlug,
  type SiteSettings,
  settingsOf,
} from '../../platform/site/index.ts';
import { nowIso } from '../../platform/time.ts';
import { accentContrast, NEEDED_RATIO, shownRatio } from './contrast.ts';
import { SITE_ROW, siteLogo } from './logo.ts';
import { canRunSite } from './permissions.ts';
import type { SitePageInput, SiteSettingsInput } from './schemas.ts';

/** The stored settings, as written (not this process's copy: a write starts from the latest). */
export async function storedSettings(db: Kysely<Database>): Promise<SiteSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', SITE_SETTINGS_KEY)
    .executeTakeFirst();
  return settingsOf(row?.value);
}

async function writeSetting(trx: Kysely<Database>, key: string, value: string, at: string) {
  await trx
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/** Refuses an accent colour that readers could not read links in (WCAG AA, 4.5:1). */
function checkAccent(accent: string | null) {
  if (!accent) return;
  const ratio = accentContrast(accent);
  if (ratio < NEEDED_RATIO)
    throw HttpError.invalid(
      { accent: 'site.accentContrast' },
      { ratio: shownRatio(ratio), needed: String(NEEDED_RATIO) },
    );
}

export type LogoChange = { replace: ProcessedImage } | 'remove' | undefined;

/** Saves the settings (and the logo change, if any). */
export async function saveSiteSettings(ctx: ActionContext, input: SiteSettingsInput, logo?: LogoChange) {
  ensure(ctx, canRunSite);
  checkAccent(input.accent);
  const { db } = ctx.deps;
  const previous = await storedSettings(db);
  const saved = await transact(ctx, async (trx) => {
    const at = nowIso();
    let logoVersion = previous.logoVersion;
    if (logo === 'remove') {
      await siteLogo.remove(trx, SITE_ROW);
      logoVersion = null;
    } else if (logo) logoVersion = await siteLogo.replace(trx, SITE_ROW, logo.replace);
    const settings: SiteSettings = { ...input, logoVersion };
    await writeSetting(trx, SITE_SETTINGS_KEY, JSON.stringify(settings), at);
    await audit(trx, ctx, {
      action: 'site.settings_changed',
      subjectType: 'site',
      details: { changed: changedFields(previous, settings) },
    });
    return settings;
  });
  forgetSite(db);
  return saved;
}

function changedFields(before: SiteSettings, after: SiteSettings): string[] {
  return (Object.keys(after) as (keyof SiteSettings)[]).filter(
    (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
  );
}

/** The languages a page exists in, for /admin/pages. */
export async function pageLanguages(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('site_pages')
    .select(['slug', 'lang'])
    .orderBy('slug')
    .orderBy('lang')
    .execute();
  const byPage = new Map<string, string[]>();
  for (const r of rows) byPage.set(r.slug, [...(byPage.get(r.slug) ?? []), r.lang]);
  return byPage;
}

/**
 * Writes a page in every language given: a language left empty has no row; a page with none is
 * not shown or linked.
 */
export async function saveSitePage(ctx: ActionContext, slug: SitePageSlug, input: SitePageInput) {
  const user = ensure(ctx, canRunSite);
  await transact(ctx, async (trx) => {
    const at = nowIso();
    await trx.deleteFrom('site_pages').where('slug', '=', slug).execute();
    const rows = LOCALES.flatMap((lang) => {
      const page = input.translations[lang];
      return page?.title
        ? [{ slug, lang, title: page.title, body: page.body, updated_by: user?.id ?? null, updated_at: at }]
        : [];
    });
    if (rows.length > 0) await trx.insertInto('site_pages').values(rows).execute();
    const present = new Set(
      (await trx.selectFrom('site_pages').select('slug').distinct().execute()).map((r) => r.slug),
    );
    await writeSetting(trx, SITE_PAGES_KEY, JSON.stringify(SITE_PAGES.filter((p) => present.has(p))), at);
    await audit(trx, ctx, {
      action: 'site.page_changed',
      subjectType: 'site_page',
      subjectId: slug,
      details: { languages: rows.map((r) => r.lang) },
    });
  });
  forgetSite(ctx.deps.db);
}

/** A page in `locale`, else in `fallback`, else in any language; undefined when there is none. */
export async function findSitePage(db: Kysely<Database>, slug: string, locale: string, fallback: string) {
  const rows = await db
    .selectFrom('site_pages')
    .selectAll()
    .where('slug', '=', slug)
    .orderBy('lang')
    .execute();
  return rows.find((r) => r.lang === locale) ?? rows.find((r) => r.lang === fallback) ?? rows[0];
}

/** Every language of a page, for its edit form. */
export function sitePageRows(db: Kysely<Database>, slug: string) {
  return db.selectFrom('site_pages').selectAll().where('slug', '=', slug).execute();
}
