// One schema per thing a QPR page and the API both take: a section's content (its text, the
// answers to its questions, its statistics and annexes), an assignment, a status, a comment, a
// civil-society input and the coordinator's decision on it. A form's flat fields (`answer_<q>`,
// `evidence_<q>`, `stat_label`…) are read into the API's JSON shape first, so one schema checks both.
import { z } from 'zod';
import {
  asList,
  blankToNull,
  calendarDate,
  choice,
  langTag,
  line,
  optionalChoice,
  optionalDate,
  optionalInteger,
  recordId,
  requiredText,
  slug,
  splitLines,
  text,
} from '../../platform/http/fields.ts';
import { GENDERS } from '../../platform/vocabularies.ts';
import { AREA_CODES } from './structure.ts';
import { ANSWERS, DECISIONS, INPUT_KINDS, LIMITS, SECTION_STATUSES } from './vocab.ts';

const answer = z.object({
  answer: z.preprocess((v) => v ?? '', z.enum(['', ...ANSWERS], 'form.invalid')).default(''),
  evidence: text(LIMITS.evidence),
});

const statistic = z.object({
  label: line(LIMITS.statLabel),
  value: line(LIMITS.statValue),
  year: optionalInteger({ min: 1990, max: 2100 }, 'qpr.badYear'),
  source: text(LIMITS.statSource),
});

const at = (v: unknown, i: number): string => {
  const values = asList(v);
  const one = values[i];
  return typeof one === 'string' ? one : '';
};

/** A form's flat fields as the API's JSON (a JSON body passes unchanged). */
function sectionFromForm(v: unknown): unknown {
  if (!v || typeof v !== 'object' || 'answers' in v || 'statistics' in v) return v;
  const form = v as Record<string, unknown>;
  const answers: Record<string, unknown> = {};
  for (const key of Object.keys(form)) {
    const q = key.match(/^(?:answer|evidence)_(.+)$/)?.[1];
    if (q) answers[q] = { answer: form[`answer_${q}`] ?? '', evidence: form[`evidence_${q}`] ?? '' };
  }
  const labels = asList(form.stat_label);
  const statistics = labels
    .map((label, i) => ({
      label,
      value: at(form.stat_value, i),
      year: at(form.stat_year, i),
      source: at(form.stat_source, i),
    }))
    .filter((s) => typeof s.label === 'string' && (s.label.trim() !== '' || s.value.trim() !== ''));
  return { body: form.body, lang: form.lang, answers, statistics, documents: form.documents };
}

export const sectionObject = z.object({
  body: text(LIMITS.body).describe('Markdown, in `lang`'),
  lang: langTag('qpr.unknownLanguage').describe('BCP 47 language of the text'),
  answers: z
    .record(z.string(), answer)
    .default({})
    .describe('The answers to the section’s questions, by question code: yes/no with evidence'),
  statistics: z
    .array(statistic)
    .max(LIMITS.statistics, 'form.tooMany')
    .default([])
    .describe('Statistics: what, value, year, source'),
  documents: z
    .preprocess(splitLines, z.array(slug('qpr.unknownDocument')).max(LIMITS.documents, 'form.tooMany'))
    .default([])
    .describe('Slugs of library documents (the annexes)'),
});
export const sectionInput = z.preprocess(sectionFromForm, sectionObject);
export type SectionInput = z.infer<typeof sectionObject>;

export const assignmentInput = z.object({
  assignee: z
    .preprocess(
      blankToNull,
      z.string('form.invalid').trim().toLowerCase().max(254, 'form.tooLong').nullable().default(null),
    )
    .describe('The member’s email address (or account id); null: nobody'),
  due_on: optionalDate().describe('YYYY-MM-DD'),
});
export type AssignmentInput = z.infer<typeof assignmentInput>;

export const statusInput = z.object({ status: choice(SECTION_STATUSES) });

export const commentInput = z.object({ body: requiredText(LIMITS.comment) });

export const inputObject = z.object({
  organisation: recordId('qpr.chooseOrganisation'),
  kind: choice(INPUT_KINDS),
  title: line(LIMITS.title),
  lang: langTag('qpr.unknownLanguage'),
  description: text(LIMITS.description),
  area: optionalChoice(AREA_CODES),
});
export type InputInput = z.infer<typeof inputObject>;

/** A draft is saved as it is typed: nothing is required yet but the organisation. */
export const inputDraft = inputObject.extend({ title: text(LIMITS.title) });

export const decisionInput = z
  .object({
    decision: choice(DECISIONS),
    measure: z.preprocess(blankToNull, recordId().nullable().default(null)),
    reason: text(LIMITS.reason),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'declined' && v.reason.trim() === '')
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'qpr.reasonRequired' });
    if (v.decision === 'merged' && v.measure === null)
      ctx.addIssue({ code: 'custom', path: ['measure'], message: 'qpr.chooseMeasure' });
  });
export type DecisionInput = z.infer<typeof decisionInput>;

export const reportInput = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'form.unknownCountry'),
  cycle: z.string().trim(),
});

export const roundInput = z.object({
  audience: choice(['everyone', 'group'] as const),
  group: z.preprocess(blankToNull, slug('qpr.unknownGroup').nullable().default(null)),
  closes_on: calendarDate(),
});
export type RoundInput = z.infer<typeof roundInput>;

export const roundCommentInput = z.object({
  paragraph: z.coerce.number('form.invalid').int('form.invalid').min(0, 'form.invalid'),
  organisation: z.preprocess(blankToNull, recordId().nullable().default(null)),
  gender: optionalChoice(GENDERS),
  body: requiredText(LIMITS.comment),
});
export type RoundCommentInput = z.infer<typeof roundCommentInput>;
