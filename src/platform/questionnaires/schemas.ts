// The builder's input: one question as the organisers' form (or JSON) sends it — its kind among
// those the owner offers, label, help, whether it must be answered or is no longer asked, its
// choices (`options`, one per line on the form), a condition on an earlier question's answer, and
// translations into other UI languages.
// inputOf()/formValuesOf() give a saved question back as that input and as the edit form's values.
import { z } from 'zod';
import { isLocale } from '../../locales/index.ts';
import { blankToNull, checkbox, choice, line, rowsFromForm, splitLines, text } from '../http/fields.ts';
import type { FormValues } from '../http/forms.ts';
import type { Question } from './questions.ts';
import {
  CHOICE_KINDS,
  MAX_CHOICE_LENGTH,
  MAX_CHOICES,
  MAX_HELP,
  MAX_LABEL,
  MAX_QUESTION_TRANSLATIONS,
  type QuestionKind,
} from './vocab.ts';

const choiceList = z.preprocess(
  splitLines,
  z
    .array(line(MAX_CHOICE_LENGTH), 'form.invalid')
    .max(MAX_CHOICES, 'questionnaire.tooManyChoices')
    .default([]),
);

const trimmedText = (max: number) => text(max).transform((s) => s.trim());

/** The condition as a form's select sends it ("12:Crafts": question 12 answered Crafts), or as JSON. */
function conditionFromForm(v: unknown): unknown {
  const given = blankToNull(v);
  if (typeof given !== 'string') return given ?? null;
  const at = given.indexOf(':');
  return at > 0 ? { question: given.slice(0, at), values: [given.slice(at + 1)] } : { question: given };
}

const condition = z.preprocess(
  conditionFromForm,
  z
    .object(
      {
        question: z.coerce.number('questionnaire.badCondition').int().positive('questionnaire.badCondition'),
        values: z
          .array(z.string('questionnaire.badCondition'), 'questionnaire.badCondition')
          .min(1, 'questionnaire.badCondition')
          .max(MAX_CHOICES, 'questionnaire.badCondition'),
      },
      'questionnaire.badCondition',
    )
    .nullable()
    .default(null),
);

const translation = z.object({
  lang: z.string('translations.language').refine((v): boolean => isLocale(v), 'translations.language'),
  label: line(MAX_LABEL),
  help: trimmedText(MAX_HELP),
  options: choiceList,
});

/** The form's translation rows (tr_lang, tr_label, tr_help, tr_options) as `translations`; empty rows go. */
const blank = (x: unknown) => x === undefined || x === null || (typeof x === 'string' && x.trim() === '');
const translationsFromForm = rowsFromForm(
  { list: 'translations', columns: ['tr_label', 'tr_lang', 'tr_help', 'tr_options'], marker: 'tr_lang' },
  ([label, lang, help, options]) =>
    blank(label) && blank(help) && blank(options)
      ? null
      : { lang: lang ?? '', label, help: help ?? '', options: options ?? '' },
);

/** A question as the builder's form and JSON send it, for an owner offering `kinds`. */
export function questionSchema(kinds: readonly [QuestionKind, ...QuestionKind[]]) {
  const object = z.object({
    kind: choice(kinds),
    label: line(MAX_LABEL),
    help: trimmedText(MAX_HELP),
    required: checkbox(),
    hidden: checkbox(),
    options: choiceList,
    condition,
    translations: z
      .array(translation, 'form.invalid')
      .max(MAX_QUESTION_TRANSLATIONS, 'form.tooMany')
      .default([]),
  });
  return z
    .preprocess(
      translationsFromForm,
      object.superRefine((q, ctx) => {
        const choiceKind = CHOICE_KINDS.has(q.kind);
        const folded = q.options.map((c) => c.toLocaleLowerCase());
        if (choiceKind && q.options.length < 2)
          ctx.addIssue({ code: 'custom', path: ['options'], message: 'questionnaire.choicesNeeded' });
        else if (choiceKind && new Set(folded).size !== folded.length)
          ctx.addIssue({ code: 'custom', path: ['options'], message: 'questionnaire.duplicateChoice' });
        const langs = q.translations.map((tr) => tr.lang);
        if (new Set(langs).size !== langs.length)
          ctx.addIssue({ code: 'custom', path: ['translations'], message: 'translations.twice' });
        if (
          choiceKind &&
          q.translations.some((tr) => tr.options.length > 0 && tr.options.length !== q.options.length)
        )
          ctx.addIssue({
            code: 'custom',
            path: ['translations'],
            message: 'questionnaire.translatedChoices',
          });
      }),
    )
    .transform((q) => {
      const choiceKind = CHOICE_KINDS.has(q.kind);
      return {
        ...q,
        options: choiceKind ? q.options : [],
        translations: q.translations.map((tr) => ({ ...tr, options: choiceKind ? tr.options : [] })),
      };
    });
}
export type QuestionInput = z.output<ReturnType<typeof questionSchema>>;

/** A saved question as input: what a change is merged onto. */
export function inputOf(question: Question): QuestionInput {
  return {
    kind: question.kind,
    label: question.label,
    help: question.help,
    required: question.required,
    hidden: question.hidden,
    options: question.choices,
    condition: question.condition,
    translations: question.translations.map(({ choices, ...tr }) => ({ ...tr, options: choices })),
  };
}

/** The value of the condition's select: "<question id>:<answer>", '' for always. */
export const conditionValue = (c: { question: number; values: string[] } | null) =>
  c ? `${c.question}:${c.values[0] ?? ''}` : '';

/** A saved question as the edit form shows it. */
export function formValuesOf(question: Question): FormValues {
  return {
    kind: question.kind,
    label: question.label,
    help: question.help,
    ...(question.required ? { required: '1' } : {}),
    ...(question.hidden ? { hidden: '1' } : {}),
    options: question.choices.join('\n'),
    condition: conditionValue(question.condition),
    tr_lang: question.translations.map((tr) => tr.lang),
    tr_label: question.translations.map((tr) => tr.label),
    tr_help: question.translations.map((tr) => tr.help),
    tr_options: question.translations.map((tr) => tr.choices.join('\n')),
  };
}
