// One schema per form, shared by the pages and the API, built from the platform's fields: the
// registration settings (checked against the event's zone, the clock and the accepted count, with
// settingsFormValues() for the form), a rubric criterion, a reviewer, a review, a decision, the
// standard part of every application, and the reviewers' list filter. The organiser's own
// questions are a questionnaire (platform/questionnaires builds their schema from them).
import { z } from 'zod';
import { isCountryCode } from '../../../platform/countries.ts';
import {
  asList,
  blankToNull,
  checkbox,
  choice,
  email,
  integer,
  line,
  optionalChoice,
  optionalInteger,
  optionalLine,
  recordId,
  rowsFromForm,
  text,
} from '../../../platform/http/fields.ts';
import type { FormValues } from '../../../platform/http/forms.ts';
import { filterQueryOf, optionalFilter, pageFilter } from '../../../platform/http/list-filters.ts';
import { localToUtc, utcToLocal } from '../../../platform/time.ts';
import { GENDERS, ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import type { EventRow } from '../access.ts';
import type { RegistrationSettings } from './access.ts';
import {
  DECISIONS,
  MAX_CATEGORIES,
  MAX_INVITATIONS,
  MAX_SCORE,
  REGISTRATION_MODES,
  REGISTRATION_STATUSES,
} from './vocab.ts';

/** What <input type="datetime-local"> sends: a wall-clock time, read in the event's zone. */
const LOCAL_DATETIME = /^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))T(([01]\d|2[0-3]):[0-5]\d)(:[0-5]\d)?$/;

/** Category rows of the form (cat_id[], cat_label[]) become `categories`; a row left empty is removed. */
const categoriesFromForm = rowsFromForm(
  { list: 'categories', columns: ['cat_label', 'cat_id'] },
  ([label, id]) =>
    typeof label === 'string' && label.trim() === '' ? null : { id: blankToNull(id ?? ''), label },
);

export interface SettingsContext {
  /** The event's IANA zone: the deadline is entered as a wall-clock time there. */
  timeZone: string;
  now: Date;
  /** Applications accepted so far: the capacity may not go below it. */
  accepted: number;
}

/** The registration settings of an event, as the organiser's form (or JSON) sends them. */
export function settingsSchema(context: SettingsContext) {
  const object = z.object({
    mode: choice(REGISTRATION_MODES),
    capacity: optionalInteger({ min: 1, max: 100_000 }, 'registration.badCapacity'),
    waiting_list: checkbox(),
    deadline: z.preprocess(
      blankToNull,
      z
        .string('registration.badDeadline')
        .trim()
        .regex(LOCAL_DATETIME, 'registration.badDeadline')
        .nullable()
        .default(null),
    ),
    criteria: text(5000),
    categories: z
      .array(
        z.object({ id: z.preprocess(blankToNull, recordId().nullable()), label: line(200) }),
        'form.invalid',
      )
      .max(MAX_CATEGORIES, 'registration.tooManyCategories')
      .default([]),
    invitations: z.preprocess(
      (v) => (typeof v === 'string' ? v.split(/[\s,;]+/).filter(Boolean) : asList(v)),
      z
        .array(z.string().trim().toLowerCase().pipe(z.email('registration.badInvitation')), 'form.invalid')
        .max(MAX_INVITATIONS, 'registration.tooManyInvitations')
        .default([]),
    ),
  });
  return z
    .preprocess(categoriesFromForm, object)
    .superRefine((input, ctx) => {
      if (input.capacity !== null && input.capacity < context.accepted)
        ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'registration.capacityBelowAccepted' });
      // Refinements run even when a field failed its own rule: read only a well-formed deadline.
      if (input.deadline && LOCAL_DATETIME.test(input.deadline)) {
        const [date = '', time = ''] = input.deadline.split('T');
        if (localToUtc(date, time.slice(0, 5), context.timeZone).getTime() <= context.now.getTime())
          ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'registration.deadlinePast' });
      }
      const labels = input.categories.map((c) => c.label.toLowerCase());
      if (new Set(labels).size !== labels.length)
        ctx.addIssue({ code: 'custom', path: ['categories'], message: 'registration.duplicateCategory' });
      if (input.mode === 'invitation' && input.invitations.length === 0)
        ctx.addIssue({ code: 'custom', path: ['invitations'], message: 'registration.invitationsNeeded' });
    })
    .transform(({ deadline, ...rest }) => ({
      ...rest,
      // Stored as the moment (UTC) the wall-clock time names in the event's zone.
      deadline: deadline
        ? localToUtc(deadline.slice(0, 10), deadline.slice(11, 16), context.timeZone).toISOString()
        : null,
      invitations: [...new Set(rest.invitations)],
    }));
}
export type SettingsInput = z.output<ReturnType<typeof settingsSchema>>;

/** The stored settings as the form sends them (the deadline back in the event's zone). */
export function settingsFormValues(
  event: Pick<EventRow, 'time_zone'>,
  settings: RegistrationSettings | undefined,
  invitations: string[],
): FormValues {
  if (!settings) return { mode: 'application', waiting_list: '1' };
  const deadline = settings.deadline ? utcToLocal(new Date(settings.deadline), event.time_zone) : null;
  return {
    mode: settings.mode,
    capacity: settings.capacity === null ? '' : String(settings.capacity),
    ...(settings.waiting_list ? { waiting_list: '1' } : {}),
    deadline: deadline ? `${deadline.date}T${deadline.time}` : '',
    criteria: settings.criteria,
    cat_id: settings.categories.map((c) => String(c.id)),
    cat_label: settings.categories.map((c) => c.label),
    invitations: invitations.join('\n'),
  };
}

export const criterionSchema = z.object({
  label: line(300),
  max_score: integer({ min: 1, max: MAX_SCORE }, 'registration.badMaxScore'),
});
export type CriterionInput = z.infer<typeof criterionSchema>;

export const reviewerSchema = z.object({ email: email() });

export const decisionSchema = z.object({ decision: choice(DECISIONS, 'registration.badDecision') });

/** A reviewer's scores (score_<criterion id>, each 0 to its maximum; blank: not scored) and note. */
export function reviewSchema(criteria: { id: number; max_score: number }[]) {
  const shape: Record<string, z.ZodType> = { note: text(5000) };
  for (const c of criteria)
    shape[`score_${c.id}`] = optionalInteger({ min: 0, max: c.max_score }, 'registration.badScore');
  return z.object(shape).transform((v) => ({
    note: v.note as string,
    scores: new Map(
      criteria.flatMap((c) => (v[`score_${c.id}`] === null ? [] : [[c.id, v[`score_${c.id}`] as number]])),
    ),
  }));
}
export type ReviewInput = z.output<ReturnType<typeof reviewSchema>>;

/** The standard part of every application; which categories and organisations are offered varies. */
export function standardSchema(offered: { categoryIds: number[]; organisationIds: number[] }) {
  const chosenId = (v: unknown) => (blankToNull(v) === null || v === undefined ? null : Number(v));
  const oneOf = (ids: number[]) =>
    z.preprocess(
      chosenId,
      z
        .number('form.invalid')
        .refine((n) => ids.includes(n), 'form.invalid')
        .nullable()
        .default(null),
    );
  return z.object({
    name: line(200),
    organisation_id: oneOf(offered.organisationIds),
    organisation_name: optionalLine(300),
    organisation_kind: optionalChoice(ORGANISATION_KINDS),
    country: z.preprocess(
      blankToNull,
      z.string('registration.countryNeeded').refine(isCountryCode, 'form.unknownCountry'),
    ),
    // Required as soon as the event has categories (checked here, not across fields, so the message
    // shows whatever else is wrong).
    category_id: offered.categoryIds.length
      ? z.preprocess(
          chosenId,
          z
            .number('registration.categoryNeeded')
            .refine((n) => offered.categoryIds.includes(n), 'form.invalid'),
        )
      : z.preprocess(() => null, z.null()),
    gender: optionalChoice(GENDERS),
    networking_consent: checkbox(),
  });
}
export type StandardInput = z.output<ReturnType<typeof standardSchema>>;

export const SORTS = ['submitted', 'score', 'name'] as const;

/** The reviewers' list: ?status=…&sort=…&page=… (unusable values are dropped). */
export const applicationFilterSchema = z.object({
  status: optionalFilter(z.enum(REGISTRATION_STATUSES).exclude(['draft'])),
  sort: z.enum(SORTS).default('submitted').catch('submitted'),
  page: pageFilter(),
});
export type ApplicationFilter = z.infer<typeof applicationFilterSchema>;

/** The list's status and order as a query string (without the page: the exports take every page). */
export function filterQuery(filter: ApplicationFilter): string {
  const sort = filter.sort === 'submitted' ? undefined : filter.sort;
  return filterQueryOf({ ...filter, sort }, ['status', 'sort']);
}
