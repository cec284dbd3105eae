// The answers to an organiser's own questions: checked against the form as it stands (each kind
// its own rule, required or not), kept as typed for a draft, and turned back into form values. The
// answers live in event_registrations.answers as JSON keyed by field id; a file answer is the
// stored file's hash, name, type and size (the bytes are in deps.files).
import { z } from 'zod';
import type { FieldErrors, FormValues } from '../../../platform/http/forms.ts';
import type { MessageKey } from '../../../platform/i18n.ts';
import { isRealDate } from '../../../platform/time.ts';
import type { FormFieldKind } from './vocab.ts';
import { MAX_LONG_ANSWER, MAX_TEXT_ANSWER } from './vocab.ts';

export interface FileAnswer {
  hash: string;
  name: string;
  mime: string;
  size: number;
}
export type AnswerValue = string | number | boolean | string[] | FileAnswer;
export type Answers = Record<string, AnswerValue>;

/** A question as the applicant's form needs it (form-store.ts reads them). */
export interface FormField {
  id: number;
  position: number;
  kind: FormFieldKind;
  label: string;
  help: string;
  required: boolean;
  options: string[];
  hidden: boolean;
}

/** The form field's name for a question: q_<id>. */
export const answerName = (field: Pick<FormField, 'id'>) => `q_${field.id}`;

export function isFileAnswer(value: AnswerValue | undefined): value is FileAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'hash' in value;
}

export function parseAnswers(json: string): Answers {
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Answers) : {};
  } catch {
    return {};
  }
}

const text = (max: number) => z.string().trim().max(max, 'form.tooLong');
/** Whitespace alone is no answer. */
const present = (v: unknown) =>
  !(
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );

/** The rule of one question for a submission; `undefined` out means "not answered". */
function ruleFor(field: FormField): z.ZodType<AnswerValue | undefined> {
  const optional = <T extends z.ZodType>(schema: T) =>
    z.preprocess((v) => (present(v) ? v : undefined), schema.optional()) as unknown as z.ZodType<
      AnswerValue | undefined
    >;
  switch (field.kind) {
    case 'text':
      return optional(text(MAX_TEXT_ANSWER));
    case 'long_text':
      return optional(text(MAX_LONG_ANSWER));
    case 'single_choice':
      return optional(z.string().refine((v) => field.options.includes(v), 'registration.answer.choice'));
    case 'multiple_choice':
      return optional(
        z.preprocess(
          (v) => (Array.isArray(v) ? v : [v]),
          z
            .array(z.string())
            .refine((vs) => vs.every((v) => field.options.includes(v)), 'registration.answer.choice')
            // Kept in the order the organiser offers them, each once.
            .transform((vs) => field.options.filter((o) => vs.includes(o))),
        ),
      );
    case 'yes_no':
      return optional(z.enum(['yes', 'no'], 'registration.answer.choice').transform((v) => v === 'yes'));
    case 'number':
      return optional(
        z
          .string()
          .trim()
          // A comma as decimal separator is how much of the region writes 2,5.
          .regex(/^[-+]?\d{1,15}([.,]\d{1,6})?$/, 'registration.answer.number')
          .transform((v) => Number(v.replace(',', '.'))),
      );
    case 'date':
      return optional(z.string().trim().refine(isRealDate, 'registration.answer.date'));
    case 'file':
      return optional(z.custom<FileAnswer>((v) => isFileAnswer(v as AnswerValue), 'form.invalid'));
  }
}

/** A file question the applicant left without a file, and a required one at that. */
const REQUIRED_MESSAGE: Partial<Record<FormFieldKind, MessageKey>> = {
  file: 'registration.answer.fileNeeded',
};

/**
 * Checks a submission against the visible questions. `files` holds the file answers (kept from the
 * draft or uploaded with this request); hidden questions are not asked and keep what they had.
 */
export function checkAnswers(
  fields: FormField[],
  values: FormValues,
  files: ReadonlyMap<number, FileAnswer>,
  previous: Answers,
): { ok: true; answers: Answers } | { ok: false; errors: FieldErrors } {
  const answers: Answers = {};
  const errors: FieldErrors = {};
  for (const field of fields) {
    const key = String(field.id);
    if (field.hidden) {
      if (previous[key] !== undefined) answers[key] = previous[key];
      continue;
    }
    const raw = field.kind === 'file' ? files.get(field.id) : values[answerName(field)];
    const parsed = ruleFor(field).safeParse(raw);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message;
      errors[answerName(field)] = (message as MessageKey | undefined) ?? 'form.invalid';
    } else if (parsed.data === undefined) {
      if (field.required) errors[answerName(field)] = REQUIRED_MESSAGE[field.kind] ?? 'form.required';
    } else {
      answers[key] = parsed.data;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/**
 * A draft keeps the answers as typed, right or wrong (a draft is never lost), cut to the longest
 * answer a question takes so a draft cannot grow without bound.
 */
export function draftAnswers(
  fields: FormField[],
  values: FormValues,
  files: ReadonlyMap<number, FileAnswer>,
  previous: Answers,
): Answers {
  const answers: Answers = {};
  for (const field of fields) {
    const key = String(field.id);
    if (field.hidden || field.kind === 'file') {
      const file = field.kind === 'file' && !field.hidden ? files.get(field.id) : undefined;
      const kept = file ?? previous[key];
      if (kept !== undefined) answers[key] = kept;
      continue;
    }
    const raw = values[answerName(field)];
    if (raw === undefined) continue;
    answers[key] = Array.isArray(raw)
      ? raw.slice(0, field.options.length || 1).map((v) => v.slice(0, 200))
      : raw.slice(0, field.kind === 'long_text' ? MAX_LONG_ANSWER : MAX_TEXT_ANSWER);
  }
  return answers;
}

/** Stored answers as the form sends them back, for a draft opened again. */
export function answerFormValues(fields: FormField[], answers: Answers): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = answers[String(field.id)];
    if (value === undefined || isFileAnswer(value)) continue;
    values[answerName(field)] =
      typeof value === 'boolean' ? (value ? 'yes' : 'no') : Array.isArray(value) ? value : String(value);
  }
  return values;
}

/** The file answers of stored answers, by field id. */
export function fileAnswers(answers: Answers): Map<number, FileAnswer> {
  const out = new Map<number, FileAnswer>();
  for (const [key, value] of Object.entries(answers)) if (isFileAnswer(value)) out.set(Number(key), value);
  return out;
}

/** Which choices of a question were given in any of these answers (they may not be removed). */
export function chosenOptions(field: Pick<FormField, 'id'>, all: Answers[]): Set<string> {
  const chosen = new Set<string>();
  for (const answers of all) {
    const value = answers[String(field.id)];
    if (typeof value === 'string') chosen.add(value);
    else if (Array.isArray(value)) for (const v of value) chosen.add(v);
  }
  return chosen;
}
