// The site settings' one input schema (the /admin/site form, PATCH /api/v1/site and the OpenAPI
// document) and the operator pages' form. Per-language texts arrive from the form as `names_lo`,
// `taglines_km`…, from the API as `names: { lo: … }`; footer links as repeated `link_label` /
// `link_url` fields or as `footerLinks: [{ label, url }]`.
import { z } from 'zod';
import { LOCALES, type Locale } from '../../locales/index.ts';
import {
  blankToNull,
  checkbox,
  line,
  list,
  optionalChoice,
  optionalEmail,
  optionalLine,
  rowsFromForm,
  text,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { NO_SETTINGS, type PerLocale, type SiteSettings } from '../../platform/site/index.ts';
import { isTimeZone } from '../../platform/time.ts';

export const NAME_MAX = 80;
export const SHORT_NAME_MAX = 30;
export const TAGLINE_MAX = 200;
export const FOOTER_LINKS_MAX = 6;
export const PAGE_TITLE_MAX = 200;
export const PAGE_BODY_MAX = 50_000;

/** The per-language groups of the form, by the prefix of their fields. */
export const PER_LOCALE = ['names', 'shortNames', 'taglines'] as const;
type PerLocaleField = (typeof PER_LOCALE)[number];

const perLocale = (max: number) =>
  z
    .object(
      Object.fromEntries(LOCALES.map((l) => [l, optionalLine(max)])) as Record<
        Locale,
        ReturnType<typeof optionalLine>
      >,
    )
    .partial()
    .default({})
    .transform(
      (v): PerLocale =>
        Object.fromEntries(Object.entries(v).filter(([, s]) => typeof s === 'string' && s !== '')),
    );

/** A link of the footer: a web address, or a path on this hub (`/library`). */
const linkTarget = z
  .string('form.required')
  .trim()
  .min(1, 'form.required')
  .max(500, 'form.tooLong')
  .refine(
    (v) => /^\/(?!\/)\S*$/.test(v) || /^https?:\/\/[^\s/?#]+\.[^\s/?#]+\S*$/i.test(v),
    'site.badLinkUrl',
  );

/** `name_lo` … fields of a form as `{ names: { lo: … } }`; a JSON body passes unchanged. */
function groupsFromForm(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const values = { ...(v as Record<string, unknown>) };
  for (const group of PER_LOCALE) {
    if (group in values) continue;
    const entries = LOCALES.flatMap((l) => (`${group}_${l}` in values ? [[l, values[`${group}_${l}`]]] : []));
    if (entries.length > 0) values[group] = Object.fromEntries(entries);
  }
  return values;
}

const footerLinksFromForm = rowsFromForm(
  { list: 'footerLinks', columns: ['link_label', 'link_url'] },
  ([label, url]) =>
    (typeof label === 'string' && label.trim()) || (typeof url === 'string' && url.trim())
      ? { label, url }
      : null,
);

export const siteSettingsObject = z.object({
  names: perLocale(NAME_MAX),
  shortNames: perLocale(SHORT_NAME_MAX),
  taglines: perLocale(TAGLINE_MAX),
  accent: z.preprocess(
    (v) => {
      const blank = blankToNull(v);
      return typeof blank === 'string' && /^[0-9a-f]{6}$/i.test(blank.trim()) ? `#${blank.trim()}` : blank;
    },
    z
      .string('site.badColour')
      .trim()
      .toLowerCase()
      .regex(/^#[0-9a-f]{6}$/, 'site.badColour')
      .nullable()
      .default(null),
  ),
  defaultLanguage: optionalChoice(LOCALES as unknown as [Locale, ...Locale[]]),
  timeZone: z.preprocess(
    blankToNull,
    z.string('site.badTimeZone').trim().refine(isTimeZone, 'site.badTimeZone').nullable().default(null),
  ),
  contactEmail: optionalEmail(),
  footerLinks: list(z.object({ label: line(60), url: linkTarget }), FOOTER_LINKS_MAX),
});

export const siteSettingsInput = z.preprocess(
  (v) => footerLinksFromForm(groupsFromForm(v)),
  siteSettingsObject.extend({ removeLogo: checkbox() }),
);
export type SiteSettingsInput = z.infer<typeof siteSettingsObject>;

/** The stored settings as input: what PATCH merges onto. */
export function inputOf(settings: SiteSettings): SiteSettingsInput {
  const { logoVersion: _logo, ...input } = { ...NO_SETTINGS, ...settings };
  return {
    names: input.names,
    shortNames: input.shortNames,
    taglines: input.taglines,
    accent: input.accent,
    defaultLanguage: input.defaultLanguage,
    timeZone: input.timeZone,
    contactEmail: input.contactEmail,
    footerLinks: input.footerLinks,
  };
}

/** The edit form's values for stored settings. */
export function formValuesOf(settings: SiteSettings): FormValues {
  const values: FormValues = {
    accent: settings.accent ?? '',
    defaultLanguage: settings.defaultLanguage ?? '',
    timeZone: settings.timeZone ?? '',
    contactEmail: settings.contactEmail ?? '',
    link_label: settings.footerLinks.map((l) => l.label),
    link_url: settings.footerLinks.map((l) => l.url),
  };
  for (const group of PER_LOCALE as readonly PerLocaleField[])
    for (const l of LOCALES) values[`${group}_${l}`] = settings[group][l] ?? '';
  return values;
}

// ── The operator's pages ─────────────────────────────────────────────────────

/** One language of a page: both empty means "no page in this language". */
const pageLanguage = z
  .object({ title: optionalLine(PAGE_TITLE_MAX), body: text(PAGE_BODY_MAX) })
  .refine((p) => p.title !== null || p.body.trim() === '', {
    message: 'site.pageTitleNeeded',
    path: ['title'],
  });

export const sitePageInput = z.preprocess(
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || 'translations' in v) return v;
    const values = v as Record<string, unknown>;
    return {
      translations: Object.fromEntries(
        LOCALES.map((l) => [l, { title: values[`title_${l}`] ?? '', body: values[`body_${l}`] ?? '' }]),
      ),
    };
  },
  z.object({
    translations: z
      .object(
        Object.fromEntries(LOCALES.map((l) => [l, pageLanguage])) as Record<Locale, typeof pageLanguage>,
      )
      .partial(),
  }),
);
export type SitePageInput = z.infer<typeof sitePageInput>;
