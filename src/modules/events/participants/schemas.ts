// One zod schema per form, shared by the pages and the API: a participant of the roster, a day's
// check-in, the report's texts, a linked document, a photo's caption, a feedback question, and the
// answers to an event's questions (built from them). Messages are locale keys.
import { z } from 'zod';
import { isCountryCode } from '../../../platform/countries.ts';
import { isRealDate } from '../../../platform/time.ts';
import { GENDERS, ORGANISATION_KINDS } from '../../../platform/vocabularies.ts';
import { emailField } from '../../accounts/index.ts';
import { PARTICIPANT_ROLES } from '../registration/vocab.ts';
import {
  DOCUMENT_ROLES,
  MAX_ANSWER_LENGTH,
  MAX_CHOICES,
  MAX_REPORT_TEXT,
  QUESTION_KINDS,
  RATING_MAX,
  RATING_MIN,
} from './vocab.ts';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalText = (max: number) =>
  z.preprocess(blankToNull, z.string('form.invalid').trim().max(max, 'form.tooLong').nullable().optional());
/** A checkbox sends "1" when ticked and nothing otherwise; the API sends a boolean. */
const checkbox = z.preprocess((v) => v === true || v === '1' || v === 'on', z.boolean());
const asList = (v: unknown): unknown[] =>
  v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v];
const SLUG = /^[a-z0-9-]{1,120}$/;

/** The last path segment of a pasted address (…/directory/stella, …/library/decision-1755) or the slug itself. */
const slugFrom = (section: string, message: string) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .trim()
            .replace(new RegExp(`^.*/${section}/`), '')
            .replace(/[/?#].*$/, '')
            .toLowerCase()
        : v,
    z.string(message).regex(SLUG, message),
  );
const optionalSlug = (section: string, message: string) =>
  z.preprocess(blankToNull, slugFrom(section, message).nullable().optional());

export const eventDate = z.string('participants.badDay').trim().refine(isRealDate, 'participants.badDay');

/** A person on the roster, as the organisers enter them (walk-ins, a published roster). */
export const participantInputSchema = z.object({
  name: z.string('form.required').trim().min(1, 'form.required').max(200, 'form.tooLong'),
  organisation_name: optionalText(300),
  organisation: optionalSlug('directory', 'events.unknownOrganisation'),
  organisation_kind: z.preprocess(
    blankToNull,
    z.enum(ORGANISATION_KINDS, 'form.invalid').nullable().optional(),
  ),
  country: z.preprocess(
    blankToNull,
    z.string('form.invalid').refine(isCountryCode, 'form.invalid').nullable().optional(),
  ),
  category_id: z.preprocess(
    blankToNull,
    z.coerce.number('form.invalid').int('form.invalid').positive('form.invalid').nullable().optional(),
  ),
  /** Optional: null means the person did not say. */
  gender: z.preprocess(blankToNull, z.enum(GENDERS, 'form.invalid').nullable().optional()),
  role: z.enum(PARTICIPANT_ROLES, 'form.invalid').default('participant'),
  networking_consent: checkbox.default(false),
  /** The participant's account, by its email: links the certificate and the feedback form to them. */
  account: z.preprocess(blankToNull, emailField.nullable().optional()),
  person: z.preprocess(
    blankToNull,
    z
      .preprocess(
        (v) => (typeof v === 'string' ? v.trim().replace(/^.*\/directory\/people\//, '') : v),
        z.string('participants.unknownPerson').regex(SLUG, 'participants.unknownPerson'),
      )
      .nullable()
      .optional(),
  ),
});
export type ParticipantInput = z.infer<typeof participantInputSchema>;

const ids = z.preprocess(
  asList,
  z
    .array(z.coerce.number('form.invalid').int('form.invalid').positive('form.invalid'), 'form.invalid')
    .max(5_000),
);

/**
 * One day's check-in form: the participants shown (`shown`) and those ticked present among them.
 * Only the shown rows change, so a page of the roster never clears the others.
 */
export const checkinSchema = z.object({
  day: eventDate,
  shown: ids.default([]),
  present: ids.default([]),
});

/** The API's check-in: exactly these participants were there that day. */
export const checkinBodySchema = z.object({ present: z.array(z.number().int().positive()).max(5_000) });

export const outcomesSchema = z.object({
  outcomes: z.string('form.invalid').max(MAX_REPORT_TEXT, 'form.tooLong').default(''),
  recommendations: z.string('form.invalid').max(MAX_REPORT_TEXT, 'form.tooLong').default(''),
  feedback_public: checkbox.default(false),
});
export type OutcomesInput = z.infer<typeof outcomesSchema>;

export const documentLinkSchema = z.object({
  document: slugFrom('library', 'participants.unknownDocument'),
  role: z.enum(DOCUMENT_ROLES, 'form.invalid').default('document'),
});

export const photoSchema = z.object({
  caption: z.string('form.required').trim().min(1, 'form.required').max(300, 'form.tooLong'),
});

const choiceList = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean)
      : v,
  z
    .array(z.string().trim().min(1).max(200, 'participants.choiceTooLong'), 'form.invalid')
    .max(MAX_CHOICES, 'participants.tooManyChoices')
    .default([]),
);

export const questionSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, 'form.invalid'),
    label: z.string('form.required').trim().min(1, 'form.required').max(300, 'form.tooLong'),
    choices: choiceList,
    required: checkbox.default(false),
  })
  .superRefine((q, ctx) => {
    const unique = new Set(q.choices.map((c) => c.toLocaleLowerCase()));
    if (q.kind === 'choice' && (q.choices.length < 2 || unique.size !== q.choices.length))
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'participants.needChoices' });
  })
  .transform((q) => ({ ...q, choices: q.kind === 'choice' ? q.choices : [] }));
export type QuestionInput = z.infer<typeof questionSchema>;

export interface Question {
  id: number;
  kind: 'rating' | 'choice' | 'text';
  label: string;
  choices: string[];
  required: boolean;
}

export type Answer = { rating: number } | { choice: string } | { text: string };

/** Nothing typed, or null from the API: no answer. */
const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
/** "Required" when there is no answer, the question's own message when it is of the wrong type. */
const typed = (key: string) => ({
  error: (issue: { input: unknown }) => (issue.input === undefined ? 'form.required' : key),
});
/** A form sends "4"; the API sends 4. Anything else (true, "great", 3.5) stays what it is and fails. */
const digitsToNumber = (v: unknown) => {
  const given = blankToUndefined(v);
  return typeof given === 'string' && /^\s*\d{1,3}\s*$/.test(given) ? Number(given) : given;
};

function answerSchema(q: Question): z.ZodType {
  const optional = (schema: z.ZodType) => (q.required ? schema : schema.optional());
  if (q.kind === 'rating')
    return z.preprocess(
      digitsToNumber,
      optional(
        z
          .number(typed('participants.badRating'))
          .int('participants.badRating')
          .min(RATING_MIN, 'participants.badRating')
          .max(RATING_MAX, 'participants.badRating'),
      ),
    );
  if (q.kind === 'choice')
    return z.preprocess(
      blankToUndefined,
      optional(
        z
          .string(typed('participants.badChoice'))
          .refine((v) => q.choices.includes(v), 'participants.badChoice'),
      ),
    );
  return z.preprocess(
    blankToUndefined,
    optional(z.string(typed('form.invalid')).trim().max(MAX_ANSWER_LENGTH, 'form.tooLong')),
  );
}

/**
 * The answers to the event's questions, as the form sends them (`q<id>` fields) or the API does
 * (`{ "<id>": value }`): a rating a whole number from 1 to 5, a choice one of the question's, a
 * text at most 4 000 characters; required questions answered. Unknown fields are ignored.
 */
export function answersSchema(questions: Question[]) {
  const shape = Object.fromEntries(questions.map((q) => [`q${q.id}`, answerSchema(q)]));
  return z.object(shape).transform((values) => {
    const answers = new Map<number, Answer>();
    for (const q of questions) {
      const v = values[`q${q.id}`];
      if (v === undefined) continue;
      answers.set(
        q.id,
        q.kind === 'rating'
          ? { rating: Number(v) }
          : q.kind === 'choice'
            ? { choice: String(v) }
            : { text: String(v) },
      );
    }
    return answers;
  });
}

/** The API body `{ answers: { "12": 4, "13": "Yes" } }` as the form's fields. */
export function answerFieldsOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const answers = (body as { answers?: unknown }).answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return {};
  return Object.fromEntries(Object.entries(answers).map(([id, v]) => [`q${id}`, v]));
}
