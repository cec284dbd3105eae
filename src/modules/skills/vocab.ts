// The skills module's code lists and limits: proficiency bands, what a survey question measures,
// a survey's states, the respondents' age bands, the owners a survey may have, and the smallest
// number of respondents a figure is shown for.

/** DigComp 2.2's four bands of proficiency, two levels each (1–2, 3–4, 5–6, 7–8). */
export const BANDS = ['foundation', 'intermediate', 'advanced', 'highly_specialised'] as const;
export type Band = (typeof BANDS)[number];
export const bandOfLevel = (level: number): Band =>
  BANDS[Math.min(3, Math.max(0, Math.ceil(level / 2) - 1))] as Band;

/** Proficiency levels are 1–8; a respondent may answer 0 (not yet). */
export const LEVEL_MIN = 1;
export const LEVEL_MAX = 8;
export const ABILITY_CHOICES = ['0', '1', '2', '3', '4', '5', '6', '7', '8'] as const;
/** Importance is a Likert rating, 1 (not important for my work) to 5 (essential). */
export const IMPORTANCE_MIN = 1;
export const IMPORTANCE_MAX = 5;

/**
 * Borich compares importance and ability on one scale: a level 0–8 is put on the 1–5 scale of
 * importance linearly (0 → 1, 8 → 5), so that "not yet" is the bottom and "highly specialised"
 * the top of both.
 */
export const abilityOnImportanceScale = (level: number): number => 1 + level / 2;

/** A cell (a competence for one country, domain or gender) with fewer respondents is not shown. */
export const MIN_CELL = 5;

export const SURVEY_STATUSES = ['draft', 'open', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const OWNER_KINDS = ['organisation', 'group'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_54', '55_64', '65_over'] as const;

/** What a survey question stands for (skill_survey_items.measure). */
export const MEASURES = ['profile', 'importance', 'ability', 'scenario', 'custom'] as const;
export type Measure = (typeof MEASURES)[number];

/** The respondent's profile questions, in the order of the first section. */
export const PROFILE_FIELDS = [
  'role',
  'country',
  'province',
  'domain',
  'org_kind',
  'age_band',
  'gender',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What the results may be broken down by. */
export const BREAKDOWNS = ['country', 'domain', 'gender'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** The scenario questions every new survey asks, to temper self-rating (strings skills.scenario.*). */
export const SCENARIOS = ['phishing', 'licence', 'sales'] as const;
export const SCENARIO_CHOICES = ['a', 'b', 'c'] as const;
/** The choice that shows the competence the scenario tests. */
export const SCENARIO_RIGHT: Record<(typeof SCENARIOS)[number], string> = {
  phishing: 'b',
  licence: 'c',
  sales: 'a',
};

export const LIMITS = {
  title: 200,
  intro: 5000,
  text: 300,
  description: 2000,
  countries: 12,
} as const;
