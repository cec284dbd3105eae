// One schema per form, serving the page and the API alike: the event, the list filters, and the
// parts of the agenda (day, section, item, pasted text).
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  checkTranslations,
  MAX_TRANSLATIONS,
  translationsFromForm,
} from '../../platform/http/translation-rows.ts';
import { datesBetween, isRealDate, isTimeZone, TIME } from '../../platform/time.ts';
import { DOMAINS } from '../../platform/vocabularies.ts';
import {
  EVENT_FORMATS,
  EVENT_STATUSES,
  EVENT_TYPES,
  ITEM_KINDS,
  MAX_AGENDA_LINES,
  MAX_EVENT_DAYS,
  MAX_EVENT_ORGANISATIONS,
  ORGANISATION_ROLES,
} from './vocab.ts';

const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;
export const SLUG = /^[a-z0-9-]{1,120}$/;

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const asList = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string().trim().max(max, 'form.tooLong').nullable().optional());
const date = z.string('events.badDate').trim().refine(isRealDate, 'events.badDate');
const time = z.string('events.badTime').trim().regex(TIME, 'events.badTime');
const optionalTime = z.preprocess(blankToNull, time.nullable().optional());

/** People paste an organisation's address (…/directory/stella) as often as its slug. */
const organisationSlug = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .replace(/^.*\/directory\//, '')
          .replace(/[/?#].*$/, '')
          .toLowerCase()
      : v,
  z.string().regex(SLUG, 'events.unknownOrganisation'),
);

/** The form's organisation rows (org_slug[], org_role[]) become the API's `organisations`. */
function organisationsFromForm(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const values = v as Record<string, unknown>;
  if ('organisations' in values || !('org_slug' in values)) return v;
  const slugs = asList(values.org_slug);
  const roles = asList(values.org_role);
  const rows = slugs.flatMap((slug, i) =>
    typeof slug === 'string' && slug.trim() === '' ? [] : [{ slug, role: roles[i] ?? 'organiser' }],
  );
  return { ...values, organisations: rows };
}

const fromForm = (v: unknown) =>
  translationsFromForm({ short: 'title', long: 'description' })(organisationsFromForm(v));

const translationObject = z.object({
  lang: z.string('translations.language').regex(LANG_TAG, 'translations.language'),
  title: z.string('form.required').trim().min(1, 'translations.needsTitle').max(300, 'form.tooLong'),
  description: z.string('form.invalid').max(20_000, 'form.tooLong').default(''),
});

const eventObject = z.object({
  title: z.string('form.required').trim().min(1, 'form.required').max(300, 'form.tooLong'),
  lang: z.string('form.unknownLanguage').regex(LANG_TAG, 'form.unknownLanguage'),
  type: z.enum(EVENT_TYPES, 'form.invalid'),
  format: z.enum(EVENT_FORMATS, 'form.invalid').default('in_person'),
  status: z.enum(EVENT_STATUSES, 'form.invalid').default('draft'),
  description: z.string('form.invalid').max(20_000, 'form.tooLong').default(''),
  starts_on: date,
  ends_on: date,
  start_time: optionalTime,
  end_time: optionalTime,
  time_zone: z.string('events.badTimeZone').trim().refine(isTimeZone, 'events.badTimeZone'),
  venue: z.preprocess(blankToNull, organisationSlug.nullable().optional()),
  venue_name: optionalText(300),
  address: optionalText(500),
  city: optionalText(120),
  country: z.preprocess(
    blankToNull,
    z.string('form.unknownCountry').refine(isCountryCode, 'form.unknownCountry').nullable().optional(),
  ),
  online_url: z.preprocess(
    blankToNull,
    z
      .url({ protocol: /^https?$/, message: 'events.badUrl' })
      .max(500, 'form.tooLong')
      .nullable()
      .optional(),
  ),
  organisations: z
    .array(
      z.object({ slug: organisationSlug, role: z.enum(ORGANISATION_ROLES, 'form.invalid') }),
      'form.invalid',
    )
    .max(MAX_EVENT_ORGANISATIONS, 'form.tooMany')
    .default([]),
  domains: z.preprocess(asList, z.array(z.enum(DOMAINS, 'form.invalid')).max(DOMAINS.length)),
  translations: z.array(translationObject, 'form.invalid').max(MAX_TRANSLATIONS, 'form.tooMany').default([]),
});

/** Rules across fields, each reported next to the field to correct. */
function checkEvent(input: z.output<typeof eventObject>, ctx: z.core.$RefinementCtx): void {
  if (input.ends_on < input.starts_on) {
    ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'events.endBeforeStart' });
  } else if (datesBetween(input.starts_on, input.ends_on).length > MAX_EVENT_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['ends_on'], message: 'events.tooManyDays' });
  }
  if (!!input.start_time !== !!input.end_time) {
    ctx.addIssue({
      code: 'custom',
      path: [input.start_time ? 'end_time' : 'start_time'],
      message: 'events.bothTimes',
    });
  } else if (
    input.start_time &&
    input.end_time &&
    input.starts_on === input.ends_on &&
    input.end_time <= input.start_time
  ) {
    ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'events.endBeforeStart' });
  }
  if (input.format !== 'online' && !input.venue && !input.venue_name && !input.address && !input.city) {
    ctx.addIssue({ code: 'custom', path: ['city'], message: 'events.placeNeeded' });
  }
  if (input.format !== 'in_person' && !input.online_url && input.status !== 'draft') {
    ctx.addIssue({ code: 'custom', path: ['online_url'], message: 'events.onlineUrlNeeded' });
  }
}

export const eventInputSchema = z
  .preprocess(fromForm, eventObject)
  .superRefine(checkTranslations)
  .superRefine(checkEvent);
export type EventInput = z.infer<typeof eventObject>;

export const WHEN = ['upcoming', 'past'] as const;

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const eventFilterSchema = z.object({
  when: z.enum(WHEN).default('upcoming').catch('upcoming'),
  country: z.string().refine(isCountryCode).optional().catch(undefined),
  type: z.enum(EVENT_TYPES).optional().catch(undefined),
  domain: z.enum(DOMAINS).optional().catch(undefined),
  format: z.enum(EVENT_FORMATS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/** A month of the calendar: ?month=2026-11 (the current month when absent or wrong). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);

export const daySchema = z.object({
  date,
  title: optionalText(300),
});
export type DayInput = z.infer<typeof daySchema>;

export const sectionSchema = z.object({
  date,
  title: z.string('form.required').trim().min(1, 'form.required').max(300, 'form.tooLong'),
});
export type SectionInput = z.infer<typeof sectionSchema>;

/** One person per line: "Name, affiliation", or the address of a profile (…/directory/people/slug). */
const peopleLines = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean)
      : asList(v),
  z.array(z.string().max(500, 'form.tooLong')).max(30, 'form.tooMany'),
);

export const itemSchema = z
  .object({
    date,
    section_id: z.preprocess(
      blankToNull,
      z.coerce.number().int().positive('form.invalid').nullable().optional(),
    ),
    start_time: time,
    end_time: optionalTime,
    title: z.string('form.required').trim().min(1, 'form.required').max(500, 'form.tooLong'),
    kind: z.enum(ITEM_KINDS, 'form.invalid').default('talk'),
    speakers: peopleLines.default([]),
    chairs: peopleLines.default([]),
    facilitators: peopleLines.default([]),
    /** Saving despite an overlap with another item, after the warning. */
    confirm_overlap: z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean()).default(false),
  })
  .superRefine((item, ctx) => {
    if (item.end_time && item.end_time <= item.start_time)
      ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'events.endBeforeStart' });
  });
export type ItemInput = z.infer<typeof itemSchema>;

export const pasteSchema = z.object({
  date,
  text: z
    .string('form.required')
    .min(1, 'form.required')
    .max(60_000, 'form.tooLong')
    .refine((t) => t.split(/\r?\n/).length <= MAX_AGENDA_LINES, 'events.tooManyLines'),
  confirm: z.preprocess((v) => v === '1', z.boolean()).default(false),
});
