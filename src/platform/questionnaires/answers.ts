// The answers to a questionnaire: the zod schema of an answer set, built from the questions (each
// kind its own rule, required or not, conditions checked: a question whose condition is not met
// is neither required nor kept), drafts kept as typed, and stored answers turned back into form
// values. Answers are keyed by question id; on a form each question's field is <prefix><id>
// (q_12 by default). A file answer is the stored file's hash, name, type and size (the bytes are
// in deps.files; files.ts receives them).
import { z } from 'zod';
import { line, requiredText } from '../http/fields.ts';
import { type FieldErrors, type FormValues, fieldErrors } from '../http/forms.ts';
import type { MessageKey } from '../i18n.ts';
import { isRealDate } from '../time.ts';
import type { Question } from './questions.ts';
import {
  MAX_CHOICE_LENGTH,
  MAX_LONG_ANSWER,
  MAX_TEXT_ANSWER,
  type QuestionKind,
  RATING_MAX,
  RATING_MIN,
} from './vocab.ts';

export interface FileAnswer {
  hash: string;
  name: string;
  mime: string;
  size: number;
}
export type AnswerValue = string | number | boolean | string[] | FileAnswer;
export type Answers = Record<string, AnswerValue>;

/** How the questions' fields are named on a form: <prefix><question id>. */
export interface AnswerNaming {
  prefix?: string;
}

export const DEFAULT_PREFIX = 'q_';

/** The form field's name of a question. */
export const answerName = (question: Pick<Question, 'id'>, naming: AnswerNaming = {}) =>
  `${naming.prefix ?? DEFAULT_PREFIX}${question.id}`;

export function isFileAnswer(value: unknown): value is FileAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'hash' in value;
}

/** Whitespace alone, an empty list or nothing is no answer. */
const present = (v: unknown) =>
  !(
    v === undefined ||
    v === null ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );

/** A form sends "4"; the API sends 4. Anything else stays what it is (and fails). */
const digitsToNumber = (v: unknown) => (typeof v === 'string' && /^\s*\d{1,3}\s*$/.test(v) ? Number(v) : v);

/** The rule of one question's answer, once it is known to be given. */
export function ruleFor(question: Pick<Question, 'kind' | 'choices'>): z.ZodType<AnswerValue> {
  const offered = (v: string) => question.choices.includes(v);
  switch (question.kind) {
    case 'text':
      return z.string('form.invalid').pipe(line(MAX_TEXT_ANSWER));
    case 'long_text':
      return z.string('form.invalid').pipe(requiredText(MAX_LONG_ANSWER));
    case 'single_choice':
      return z.string('questionnaire.answer.choice').refine(offered, 'questionnaire.answer.choice');
    case 'multiple_choice':
      return z.preprocess(
        (v) => (Array.isArray(v) ? v : [v]),
        z
          .array(z.string('questionnaire.answer.choice'), 'questionnaire.answer.choice')
          .refine((vs) => vs.every(offered), 'questionnaire.answer.choice')
          // Kept in the order the questionnaire offers them, each once.
          .transform((vs) => question.choices.filter((o) => vs.includes(o))),
      );
    case 'yes_no':
      return z.preprocess(
        (v) => (v === true ? 'yes' : v === false ? 'no' : v),
        z.enum(['yes', 'no'], 'questionnaire.answer.choice').transform((v) => v === 'yes'),
      );
    case 'number':
      return z.union(
        [
          z.number().finite(),
          z
            .string()
            .trim()
            // A comma as decimal separator is how much of the region writes 2,5.
            .regex(/^[-+]?\d{1,15}([.,]\d{1,6})?$/)
            .transform((v) => Number(v.replace(',', '.'))),
        ],
        'questionnaire.answer.number',
      );
    case 'date':
      return z.string('questionnaire.answer.date').trim().refine(isRealDate, 'questionnaire.answer.date');
    case 'rating':
      return z.preprocess(
        digitsToNumber,
        z
          .number('questionnaire.answer.rating')
          .int('questionnaire.answer.rating')
          .min(RATING_MIN, 'questionnaire.answer.rating')
          .max(RATING_MAX, 'questionnaire.answer.rating'),
      );
    case 'file':
      return z.custom<FileAnswer>((v) => isFileAnswer(v), 'form.invalid');
  }
}

/** What a required question left unanswered says. */
const REQUIRED_MESSAGE: Partial<Record<QuestionKind, MessageKey>> = {
  file: 'questionnaire.answer.fileNeeded',
};

/** An answer (parsed or as typed) as the values a condition compares: choices, 'yes' or 'no'. */
export function conditionValues(value: unknown): string[] {
  if (value === true || value === false) return [value ? 'yes' : 'no'];
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The questions asked, given the answers: not hidden, and — for a question with a condition — its
 * condition's question asked and answered with one of the condition's values. `answerOf` gives a
 * question's answer (parsed, or as typed).
 */
export function askedQuestions(
  questions: readonly Question[],
  answerOf: (q: Question) => unknown,
): Set<number> {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const memo = new Map<number, boolean>();
  const asked = (q: Question, seen: Set<number>): boolean => {
    const known = memo.get(q.id);
    if (known !== undefined) return known;
    let result = !q.hidden;
    if (result && q.condition) {
      const source = byId.get(q.condition.question);
      // A loop of conditions, or a condition on a question that is gone, shows nothing.
      result =
        !!source &&
        !seen.has(source.id) &&
        asked(source, new Set([...seen, q.id])) &&
        conditionValues(answerOf(source)).some((v) => q.condition?.values.includes(v));
    }
    memo.set(q.id, result);
    return result;
  };
  return new Set(questions.filter((q) => asked(q, new Set([q.id]))).map((q) => q.id));
}

/**
 * The schema of an answer set: from the form's values (or the API's, under the same names), with
 * file answers put in under their field's name, to the answers by question id. Each question asked
 * is checked by its kind's rule and, when required, must be answered; a question not asked
 * (condition not met) is neither required nor kept; a hidden one keeps what it had (`previous`).
 * Unknown fields are ignored. Each refusal names the question's field.
 */
export function answersSchema(
  questions: readonly Question[],
  options: AnswerNaming & { previous?: Answers } = {},
) {
  return z.record(z.string(), z.unknown(), 'form.invalid').transform((values, ctx): Answers => {
    const parsed = new Map<number, { ok: true; value: AnswerValue } | { ok: false; message: string }>();
    for (const q of questions) {
      const raw = values[answerName(q, options)];
      if (q.hidden || !present(raw)) continue;
      const result = ruleFor(q).safeParse(raw);
      parsed.set(
        q.id,
        result.success
          ? { ok: true, value: result.data }
          : { ok: false, message: result.error.issues[0]?.message ?? 'form.invalid' },
      );
    }
    const asked = askedQuestions(questions, (q) => {
      const p = parsed.get(q.id);
      return p?.ok ? p.value : undefined;
    });
    const answers: Answers = {};
    for (const q of questions) {
      const key = String(q.id);
      if (q.hidden) {
        const kept = options.previous?.[key];
        if (kept !== undefined) answers[key] = kept;
        continue;
      }
      if (!asked.has(q.id)) continue;
      const p = parsed.get(q.id);
      if (p?.ok) answers[key] = p.value;
      else if (p) ctx.addIssue({ code: 'custom', path: [answerName(q, options)], message: p.message });
      else if (q.required)
        ctx.addIssue({
          code: 'custom',
          path: [answerName(q, options)],
          message: REQUIRED_MESSAGE[q.kind] ?? 'form.required',
        });
    }
    return answers;
  });
}

/** The form's values with the file answers put in under their fields' names, for answersSchema. */
export function withFiles(
  questions: readonly Question[],
  values: Record<string, unknown>,
  files: ReadonlyMap<number, FileAnswer>,
  naming: AnswerNaming = {},
): Record<string, unknown> {
  const out = { ...values };
  for (const q of questions) {
    const file = q.kind === 'file' ? files.get(q.id) : undefined;
    if (file) out[answerName(q, naming)] = file;
    else if (q.kind === 'file') delete out[answerName(q, naming)];
  }
  return out;
}

/** Checks a submission: the answers, or a message per question's field. */
export function checkAnswers(
  questions: readonly Question[],
  values: Record<string, unknown>,
  files: ReadonlyMap<number, FileAnswer>,
  previous: Answers,
  naming: AnswerNaming = {},
): { ok: true; answers: Answers } | { ok: false; errors: FieldErrors } {
  const result = answersSchema(questions, { ...naming, previous }).safeParse(
    withFiles(questions, values, files, naming),
  );
  return result.success
    ? { ok: true, answers: result.data }
    : { ok: false, errors: fieldErrors(result.error.issues) };
}

/**
 * A draft keeps the answers as typed, right or wrong (a draft is never lost), cut to the longest
 * answer a question takes so a draft cannot grow without bound. Files are kept (`files`: those
 * sent now and before); answers to questions not asked are left out, as on submitting.
 */
export function draftAnswers(
  questions: readonly Question[],
  values: FormValues,
  files: ReadonlyMap<number, FileAnswer>,
  previous: Answers,
  naming: AnswerNaming = {},
): Answers {
  const asked = askedQuestions(questions, (q) => values[answerName(q, naming)]);
  const answers: Answers = {};
  for (const q of questions) {
    const key = String(q.id);
    if (q.hidden) {
      if (previous[key] !== undefined) answers[key] = previous[key];
      continue;
    }
    if (!asked.has(q.id)) continue;
    if (q.kind === 'file') {
      const file = files.get(q.id);
      if (file) answers[key] = file;
      continue;
    }
    const raw = values[answerName(q, naming)];
    if (raw === undefined) continue;
    answers[key] = Array.isArray(raw)
      ? raw.slice(0, q.choices.length || 1).map((v) => v.slice(0, MAX_CHOICE_LENGTH))
      : raw.slice(0, q.kind === 'long_text' ? MAX_LONG_ANSWER : MAX_TEXT_ANSWER);
  }
  return answers;
}

/** Stored answers as the form sends them back, for a draft opened again. */
export function answerFormValues(
  questions: readonly Question[],
  answers: Answers,
  naming: AnswerNaming = {},
): FormValues {
  const values: FormValues = {};
  for (const q of questions) {
    const value = answers[String(q.id)];
    if (value === undefined || isFileAnswer(value)) continue;
    values[answerName(q, naming)] =
      typeof value === 'boolean' ? (value ? 'yes' : 'no') : Array.isArray(value) ? value : String(value);
  }
  return values;
}

/** The file answers of stored answers, by question id. */
export function fileAnswers(answers: Answers): Map<number, FileAnswer> {
  const out = new Map<number, FileAnswer>();
  for (const [key, value] of Object.entries(answers)) if (isFileAnswer(value)) out.set(Number(key), value);
  return out;
}

/** Which choices of a question were given in any of these answers (they may not be removed). */
export function chosenChoices(question: Pick<Question, 'id'>, all: readonly Answers[]): Set<string> {
  const chosen = new Set<string>();
  for (const answers of all) for (const v of conditionValues(answers[String(question.id)])) chosen.add(v);
  return chosen;
}
