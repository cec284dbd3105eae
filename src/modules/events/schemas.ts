// One schema per record, built from platform/http/fields.ts, serving the form, the API body and the
// OpenAPI document alike: the event (with inputOf, a saved event as input, and formValuesOf, the
// edit form's values), the list filters with filterQuery(), and the parts of the agenda (day,
// section, item, pasted text).
import { z } from 'zod';
import { isCountryCode } from '../../platform/countries.ts';
import {
  blankToNull,
  calendarDate,
  checkbox,
  choice,
  langTag,
  line,
  list,
  optionalCountry,
  optionalLine,
  optionalUrl,
  recordId,
  rowsFromForm,
  slug,
  splitLines,
  text,
} from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { choiceFilter, filterQueryOf, optionalFilter, pageFilter } from '../../platform/http/list-filters.ts';
import { formValuesFrom, savedInput } from '../../platform/http/record-input.ts';
import { MAX_TRANSLATIONS, translatedTexts } from '../../platform/http/translation-rows.ts';
import { datesBetween, isTimeZone, TIME } from '../../platform/time.ts';
import { DOMAINS } from '../../platform/vocabularies.ts';
import type { EventDetails } from './access.ts';
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

const date = calendarDate();
const time = z.string('events.badTime').trim().regex(TIME, 'events.badTime');
const optionalTime = z.preprocess(blankToNull, time.nullable().default(null));

/** People paste an organisation's address (…/directory/stella) as often as its slug. */
const organisationSlug = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .replace(/^.*\/directory\//, '')
          .replace(/[/?#].*$/, '')
      : v,
  slug('events.unknownOrganisation'),
);

/** The form's organisation rows (org_slug[], org_role[]) become the API's `organisations`. */
const organisationsFromForm = rowsFromForm(
  { list: 'organisations', columns: ['org_slug', 'org_role'] },
  ([slug, role]) =>
    typeof slug === 'string' && slug.trim() === '' ? null : { slug, role: role ?? 'organiser' },
);

/** The texts a translation has: the title and the description. */
const TRANSLATED = translatedTexts({ short: 'title', long: 'description' });

const translationObject = TRANSLATED.row({
  title: line(300, 'translations.needsTitle'),
  description: text(20_000),
});

export const eventObject = z.object({
  title: line(300),
  lang: langTag().describe('BCP 47 language the event is described in, e.g. en'),
  type: choice(EVENT_TYPES),
  format: choice(EVENT_FORMATS).default('in_person'),
  status: choice(EVENT_STATUSES).default('draft'),
  description: text(20_000).describe('Markdown'),
  starts_on: date.describe('YYYY-MM-DD, a local date in the event’s zone, e.g. 2016-11-24'),
  ends_on: date.describe('YYYY-MM-DD'),
  start_time: optionalTime.describe('HH:MM in the event’s zone, e.g. 08:00; null for whole days'),
  end_time: optionalTime.describe('HH:MM'),
  time_zone: z
    .string('events.badTimeZone')
    .trim()
    .refine(isTimeZone, 'events.badTimeZone')
    .describe('IANA time zone, e.g. Asia/Ho_Chi_Minh'),
  venue: z
    .preprocess(blankToNull, organisationSlug.nullable().default(null))
    .describe('Slug of a directory organisation'),
  venue_name: optionalLine(300),
  address: optionalLine(500),
  city: optionalLine(120),
  country: optionalCountry(),
  online_url: optionalUrl(500),
  organisations: z
    .array(z.object({ slug: organisationSlug, role: choice(ORGANISATION_ROLES) }), 'form.invalid')
    .max(MAX_EVENT_ORGANISATIONS, 'form.tooMany')
    .default([])
    .describe('Organisations of the directory by slug, with their role; they replace the ones there were'),
  domains: list(choice(DOMAINS), DOMAINS.length),
  translations: TRANSLATED.list(
    translationObject,
    `Translated titles and descriptions, one per language, at most ${MAX_TRANSLATIONS}`,
  ),
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

/** The event as the form and the API send it; the form's rows become `organisations` and `translations`. */
export const eventInputSchema = TRANSLATED.input(eventObject, organisationsFromForm).superRefine(checkEvent);
export type EventInput = z.infer<typeof eventObject>;

/** A saved event as input: what PATCH merges the sent fields onto. */
export function inputOf(event: EventDetails): EventInput {
  return savedInput(eventObject, event, {
    venue: event.venue?.slug ?? null,
    organisations: event.organisations.map(({ slug, role }) => ({ slug, role })),
    domains: event.domains as EventInput['domains'],
  });
}

/** A saved event as the edit form shows it: nothing as '', the lists as the form's rows. */
export function formValuesOf(event: EventDetails): FormValues {
  const { organisations, translations, ...fields } = inputOf(event);
  return {
    ...formValuesFrom(fields),
    org_slug: organisations.map((o) => o.slug),
    org_role: organisations.map((o) => o.role),
    ...TRANSLATED.formValues(translations),
  };
}

export const WHEN = ['upcoming', 'past'] as const;

/** The list filters, from the query string. Values that cannot be used are dropped. */
export const eventFilterSchema = z.object({
  when: z.enum(WHEN).default('upcoming').catch('upcoming'),
  q: optionalFilter(z.string().trim().min(1).max(200)),
  country: optionalFilter(z.string().refine(isCountryCode)),
  type: choiceFilter(EVENT_TYPES),
  domain: choiceFilter(DOMAINS),
  format: choiceFilter(EVENT_FORMATS),
  /** The events an organisation of the directory organises or hosts (its page links here). */
  organisation: optionalFilter(slug()),
  page: pageFilter(),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;

/**
 * The filters as a query string (without the page), for the exports, feeds and links; `when` is
 * left out with `{ when: false }` (the calendar and the iCal feed cover past and upcoming alike).
 */
export function filterQuery(filter: Partial<EventFilter>, extra: { when?: boolean } = {}): string {
  const when = extra.when !== false && filter.when === 'past' ? 'past' : undefined;
  return filterQueryOf({ ...filter, when }, [
    'when',
    'q',
    'country',
    'type',
    'domain',
    'format',
    'organisation',
  ]);
}

/** A month of the calendar: ?month=2026-11 (the current month when absent or wrong). */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .optional()
  .catch(undefined);

export const daySchema = z.object({
  date,
  title: optionalLine(300),
});
export type DayInput = z.infer<typeof daySchema>;

export const sectionSchema = z.object({
  date,
  title: line(300),
});
export type SectionInput = z.infer<typeof sectionSchema>;

/** One person per line: "Name, affiliation", or the address of a profile (…/directory/people/slug). */
const peopleLines = z
  .preprocess(splitLines, z.array(line(500), 'form.invalid').max(30, 'form.tooMany'))
  .default([]);

export const itemSchema = z
  .object({
    date,
    section_id: z.preprocess(blankToNull, recordId().nullable().default(null)),
    start_time: time,
    end_time: optionalTime,
    title: line(500),
    kind: choice(ITEM_KINDS).default('talk'),
    speakers: peopleLines,
    chairs: peopleLines,
    facilitators: peopleLines,
    /** Saving despite an overlap with another item, after the warning. */
    confirm_overlap: checkbox().default(false),
  })
  .superRefine((item, ctx) => {
    if (item.end_time && item.end_time <= item.start_time)
      ctx.addIssue({ code: 'custom', path: ['end_time'], message: 'events.endBeforeStart' });
  });
export type ItemInput = z.infer<typeof itemSchema>;

export const pasteSchema = z.object({
  date,
  text: text(60_000)
    .refine((t) => t.trim() !== '', 'form.required')
    .refine((t) => t.split(/\r?\n/).length <= MAX_AGENDA_LINES, 'events.tooManyLines'),
  confirm: checkbox().default(false),
});
export type PasteInput = z.infer<typeof pasteSchema>;

/** A saved item (with its people) as the item form shows it: one person per line. */
export function itemFormValues(
  item: {
    date: string;
    section_id: number | null;
    start_time: string;
    end_time: string | null;
    title: string;
    kind: string;
  },
  people: { name: string; affiliation: string | null; role: string; slug: string | null }[],
): FormValues {
  const lines = (role: string) =>
    people
      .filter((p) => p.role === role)
      .map((p) =>
        p.slug ? `/directory/people/${p.slug}` : [p.name, p.affiliation].filter(Boolean).join(', '),
      )
      .join('\n');
  return {
    date: item.date,
    section_id: item.section_id === null ? '' : String(item.section_id),
    start_time: item.start_time,
    end_time: item.end_time ?? '',
    title: item.title,
    kind: item.kind,
    speakers: lines('speaker'),
    chairs: lines('chair'),
    facilitators: lines('facilitator'),
  };
}
