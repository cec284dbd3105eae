// One schema per form, shared by the pages and the API: the registration settings (checked against
// the event's zone, the clock and the accepted count), a field of the application form, a rubric
// criterion, a reviewer, a review, a decision, and the standard part of every application. The
// organiser's own questions are checked by answers.ts, which builds its rules from the form.
import { z } from 'zod';
import { isCountryCode } from '../../../platform/countries.ts';
import { localToUtc } from '../../../platform/time.ts';
import { GENDERS, ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import {
  DECISIONS,
  FORM_FIELD_KINDS,
  MAX_CATEGORIES,
  MAX_FIELD_OPTIONS,
  MAX_INVITATIONS,
  MAX_SCORE,
  REGISTRATION_MODES,
  REGISTRATION_STATUSES,
} from './vocab.ts';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const asList = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
/** A checkbox: sent as "1" (or "on") when ticked, absent otherwise; true/false in JSON. */
const flag = z.preprocess((v) => v === '1' || v === 'on' || v === true, z.boolean());
const id = z.coerce.number('form.invalid').int('form.invalid').positive('form.invalid');
const requiredText = (max: number) =>
  z.string('form.required').trim().min(1, 'form.required').max(max, 'form.tooLong');
const optionalText = (max: number) =>
  z.preprocess(
    blankToNull,
    z.string('form.invalid').trim().max(max, 'form.tooLong').nullable().default(null),
  );
/** One entry per line (textareas). */
const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean)
    : asList(v);

/** What <input type="datetime-local"> sends: a wall-clock time, read in the event's zone. */
const LOCAL_DATETIME = /^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))T(([01]\d|2[0-3]):[0-5]\d)(:[0-5]\d)?$/;

/** Category rows of the form (cat_id[], cat_label[]) become `categories`; a row left empty is removed. */
function categoriesFromForm(v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const values = v as Record<string, unknown>;
  if ('categories' in values || !('cat_label' in values)) return v;
  const ids = asList(values.cat_id);
  const labels = asList(values.cat_label);
  const rows = labels.flatMap((label, i) =>
    typeof label === 'string' && label.trim() === '' ? [] : [{ id: blankToNull(ids[i] ?? ''), label }],
  );
  return { ...values, categories: rows };
}

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
    mode: z.enum(REGISTRATION_MODES, 'form.invalid'),
    capacity: z.preprocess(
      blankToNull,
      z.coerce
        .number('registration.badCapacity')
        .int('registration.badCapacity')
        .min(1, 'registration.badCapacity')
        .max(100_000, 'registration.badCapacity')
        .nullable()
        .default(null),
    ),
    waiting_list: flag.default(false),
    deadline: z.preprocess(
      blankToNull,
      z
        .string('registration.badDeadline')
        .trim()
        .regex(LOCAL_DATETIME, 'registration.badDeadline')
        .nullable()
        .default(null),
    ),
    criteria: z.string('form.invalid').max(5000, 'form.tooLong').default(''),
    categories: z
      .array(
        z.object({ id: z.preprocess(blankToNull, id.nullable()), label: requiredText(200) }),
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

const CHOICE_KINDS = new Set(['single_choice', 'multiple_choice']);

/** A question of the application form. */
export const fieldSchema = z
  .object({
    kind: z.enum(FORM_FIELD_KINDS, 'form.invalid'),
    label: requiredText(300),
    help: z.string('form.invalid').trim().max(1000, 'form.tooLong').default(''),
    required: flag.default(false),
    hidden: flag.default(false),
    options: z.preprocess(
      lines,
      z
        .array(z.string().trim().min(1).max(200, 'form.tooLong'), 'form.invalid')
        .max(MAX_FIELD_OPTIONS, 'registration.tooManyOptions'),
    ),
  })
  .superRefine((field, ctx) => {
    if (!CHOICE_KINDS.has(field.kind)) return;
    if (field.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'registration.optionsNeeded' });
    if (new Set(field.options).size !== field.options.length)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'registration.duplicateOption' });
  })
  .transform((field) => ({ ...field, options: CHOICE_KINDS.has(field.kind) ? field.options : [] }));
export type FieldInput = z.output<typeof fieldSchema>;

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], 'form.invalid') });

export const criterionSchema = z.object({
  label: requiredText(300),
  max_score: z.coerce
    .number('registration.badMaxScore')
    .int('registration.badMaxScore')
    .min(1, 'registration.badMaxScore')
    .max(MAX_SCORE, 'registration.badMaxScore'),
});
export type CriterionInput = z.infer<typeof criterionSchema>;

export const reviewerSchema = z.object({
  email: z
    .string('form.required')
    .trim()
    .min(1, 'form.required')
    .max(254, 'form.tooLong')
    .pipe(z.email('form.invalidEmail')),
});

export const decisionSchema = z.object({ decision: z.enum(DECISIONS, 'registration.badDecision') });

/** A reviewer's scores (score_<criterion id>, each 0 to its maximum; blank: not scored) and note. */
export function reviewSchema(criteria: { id: number; max_score: number }[]) {
  const shape: Record<string, z.ZodType> = {
    note: z.string('form.invalid').max(5000, 'form.tooLong').default(''),
  };
  for (const c of criteria) {
    shape[`score_${c.id}`] = z.preprocess(
      blankToNull,
      z.coerce
        .number('registration.badScore')
        .int('registration.badScore')
        .min(0, 'registration.badScore')
        .max(c.max_score, 'registration.badScore')
        .nullable()
        .default(null),
    );
  }
  return z.object(shape).transform((v) => ({
    note: v.note as string,
    scores: new Map(
      criteria.flatMap((c) => (v[`score_${c.id}`] === null ? [] : [[c.id, v[`score_${c.id}`] as number]])),
    ),
  }));
}

/** The standard part of every application; which categories and organisations are offered varies. */
export function standardSchema(offered: { categoryIds: number[]; organisationIds: number[] }) {
  const chosenId = (v: unknown) =>
    v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : Number(v);
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
    name: requiredText(200),
    organisation_id: oneOf(offered.organisationIds),
    organisation_name: optionalText(300),
    organisation_kind: z.preprocess(
      blankToNull,
      z.enum(ORGANISATION_KINDS, 'form.invalid').nullable().default(null),
    ),
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
    gender: z.preprocess(blankToNull, z.enum(GENDERS, 'form.invalid').nullable().default(null)),
    networking_consent: flag.default(false),
  });
}
export type StandardInput = z.output<ReturnType<typeof standardSchema>>;

export const SORTS = ['submitted', 'score', 'name'] as const;

/** The reviewers' list: ?status=…&sort=…&page=… (unusable values are dropped). */
export const applicationFilterSchema = z.object({
  status: z.enum(REGISTRATION_STATUSES).exclude(['draft']).optional().catch(undefined),
  sort: z.enum(SORTS).default('submitted').catch('submitted'),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type ApplicationFilter = z.infer<typeof applicationFilterSchema>;
