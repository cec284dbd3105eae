// Input of the skills pages and API: a new survey, a survey's status, a role profile's levels, a
// competence's texts, and the results' breakdown.
import { z } from 'zod';
import { LOCALES } from '../../locales/index.ts';
import {
  checkbox,
  choice,
  country,
  integer,
  langTag,
  line,
  list,
  optionalLine,
  slug,
  text,
} from '../../platform/http/fields.ts';
import { choiceFilter } from '../../platform/http/list-filters.ts';
import type { Framework } from './frameworks/access.ts';
import { BREAKDOWNS, LEVEL_MAX, LEVEL_MIN, LIMITS } from './vocab.ts';

export const surveyObject = z.object({
  title: line(LIMITS.title),
  lang: langTag(),
  intro: text(LIMITS.intro),
  framework: slug('skills.unknownFramework'),
  /** `organisation:<id>` or `group:<id>`. */
  owner: z.string('skills.unknownOwner').regex(/^(organisation|group):\d{1,15}$/, 'skills.unknownOwner'),
  countries: z.preprocess(
    (v) => (v === undefined ? [] : v),
    list(country(), LIMITS.countries).refine((l) => l.length > 0, 'skills.countriesNeeded'),
  ),
});
export type SurveyInput = z.infer<typeof surveyObject>;

export const surveyStatusInput = z.object({
  status: choice(['open', 'closed'] as const),
});

export const inviteInput = z.object({ group: integer({ min: 1, max: Number.MAX_SAFE_INTEGER }) });

export const publishInput = z.object({ published: checkbox() });

export const levelField = (competenceId: number) => `level_${competenceId}`;

/** A role profile's levels: one field per competence of the framework. */
export function roleLevelsInput(framework: Framework) {
  return z.object(
    Object.fromEntries(
      framework.competences.map((c) => [levelField(c.id), integer({ min: LEVEL_MIN, max: LEVEL_MAX })]),
    ),
  );
}

const OTHER_LOCALES = LOCALES.filter((l) => l !== 'en');
export const trField = (lang: string, part: 'title' | 'description') => `${part}_${lang}`;

/** A competence's title and description in English and in each other UI language ('' for none). */
export const competenceTextsInput = z.object({
  title: line(300),
  description: text(LIMITS.description),
  ...Object.fromEntries(
    OTHER_LOCALES.flatMap((lang) => [
      [trField(lang, 'title'), optionalLine(300)],
      [trField(lang, 'description'), text(LIMITS.description)],
    ]),
  ),
}) as unknown as z.ZodType<{ title: string; description: string } & Record<string, string | null>>;

export const breakdownQuery = z.object({ by: choiceFilter(BREAKDOWNS) });
