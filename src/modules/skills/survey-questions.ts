// The questions a new survey asks, written into the platform's questionnaire tables with what each
// measures: section 0 about the respondent (role, country, province, domain, kind of organisation,
// age band, gender as stated), one section per area of the framework (importance 1–5 and level 0–8
// of each competence), and a last section of scenario questions. Profile and scenario questions
// carry their label in the survey's language and the other UI languages (the module's strings);
// competences are shown from the framework's texts.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isLocale, LOCALES } from '../../locales/index.ts';
import { type MessageKey, translator } from '../../platform/i18n.ts';
import { ensureQuestionnaire, type QuestionKind } from '../../platform/questionnaires/index.ts';
import { nowIso } from '../../platform/time.ts';
import { DOMAINS, GENDERS, ORGANISATION_KINDS } from '../../platform/vocabularies.ts';
import type { Framework } from './frameworks/access.ts';
import { type Survey, surveyOwner } from './surveys.ts';
import { ABILITY_CHOICES, AGE_BANDS, type Measure, SCENARIO_CHOICES, SCENARIOS } from './vocab.ts';

type Db = Kysely<Database>;

interface NewQuestion {
  section: number;
  measure: Measure;
  competenceId: number | null;
  field: string | null;
  kind: QuestionKind;
  required: boolean;
  choices: readonly string[];
  /** The label in each UI language: from a string key, or one text for all. */
  label: MessageKey | string;
  help?: MessageKey;
  /** The shown choices per UI language, from string keys (the stored values stay the codes). */
  choiceLabel?: (choice: string) => MessageKey;
}

function questionsFor(framework: Framework, countries: readonly string[]): NewQuestion[] {
  const profile = (
    field: string,
    kind: QuestionKind,
    choices: readonly string[],
    required: boolean,
    choiceLabel?: (choice: string) => MessageKey,
  ): NewQuestion => ({
    section: 0,
    measure: 'profile',
    competenceId: null,
    field,
    kind,
    required,
    choices,
    label: `skills.profile.${field}` as MessageKey,
    choiceLabel,
  });
  const out: NewQuestion[] = [
    profile(
      'role',
      'single_choice',
      framework.roles.map((r) => r.code),
      true,
    ),
    profile('country', 'single_choice', countries, true),
    profile('province', 'text', [], false),
    profile('domain', 'single_choice', DOMAINS, false, (d) => `vocab.domain.${d}` as MessageKey),
    profile(
      'org_kind',
      'single_choice',
      ORGANISATION_KINDS,
      false,
      (k) => `vocab.organisationKind.${k}` as MessageKey,
    ),
    profile('age_band', 'single_choice', AGE_BANDS, false, (a) => `skills.ageBand.${a}` as MessageKey),
    profile('gender', 'single_choice', GENDERS, false, (g) => `vocab.gender.${g}` as MessageKey),
  ];
  framework.areas.forEach((area, i) => {
    for (const c of area.competences) {
      const base = { section: i + 1, competenceId: c.id, field: c.code, required: true };
      out.push({
        ...base,
        measure: 'importance',
        kind: 'rating',
        choices: [],
        label: `${c.code} ${c.title}`,
      });
      out.push({
        ...base,
        measure: 'ability',
        kind: 'single_choice',
        choices: ABILITY_CHOICES,
        label: `${c.code} ${c.title}`,
      });
    }
  });
  const last = framework.areas.length + 1;
  for (const code of SCENARIOS)
    out.push({
      section: last,
      measure: 'scenario',
      competenceId: null,
      field: code,
      kind: 'single_choice',
      required: false,
      choices: SCENARIO_CHOICES,
      label: `skills.scenario.${code}` as MessageKey,
      choiceLabel: (ch) => `skills.scenario.${code}.${ch}` as MessageKey,
    });
  return out;
}

/** One question as written: the engine's row, its translations, and what it measures. */
export interface WrittenQuestion {
  kind: QuestionKind;
  label: string;
  required: boolean;
  choices: readonly string[];
  condition: { question: number; values: string[] } | null;
  translations: { lang: string; label: string; choices: string[] }[];
  section: number;
  measure: Measure;
  competenceId: number | null;
  field: string | null;
}

/** Writes one question of a survey's questionnaire at `position`; its id. */
export async function insertSurveyQuestion(
  trx: Db,
  survey: Survey,
  questionnaireId: number,
  position: number,
  q: WrittenQuestion,
): Promise<number> {
  const now = nowIso();
  const { id } = await trx
    .insertInto('questionnaire_questions')
    .values({
      questionnaire_id: questionnaireId,
      position,
      kind: q.kind,
      label: q.label,
      help: '',
      required: q.required ? 1 : 0,
      choices: JSON.stringify(q.choices),
      hidden: 0,
      show_if_question: q.condition?.question ?? null,
      show_if_values: JSON.stringify(q.condition?.values ?? []),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('skill_survey_items')
    .values({
      question_id: id,
      survey_id: survey.id,
      section: q.section,
      measure: q.measure,
      competence_id: q.competenceId,
      field: q.field,
    })
    .execute();
  if (q.translations.length)
    await trx
      .insertInto('questionnaire_question_translations')
      .values(
        q.translations.map((tr) => ({
          question_id: id,
          lang: tr.lang,
          label: tr.label,
          help: '',
          choices: JSON.stringify(tr.choices),
        })),
      )
      .execute();
  return id;
}

const isKey = (label: string): label is MessageKey => /^skills\.[a-z_.A-Z]+$/.test(label);

/** Writes the survey's questions (a new survey has none). */
export async function writeSurveyQuestions(
  trx: Db,
  survey: Survey,
  framework: Framework,
  countries: readonly string[],
): Promise<void> {
  const questionnaireId = await ensureQuestionnaire(trx, surveyOwner(survey));
  const own = isLocale(survey.lang) ? survey.lang : 'en';
  const t = translator(own);
  for (const [position, q] of questionsFor(framework, countries).entries()) {
    const label = q.label;
    const choiceLabel = q.choiceLabel;
    await insertSurveyQuestion(trx, survey, questionnaireId, position, {
      kind: q.kind,
      label: isKey(label) ? t(label) : label,
      required: q.required,
      choices: q.choices,
      condition: null,
      section: q.section,
      measure: q.measure,
      competenceId: q.competenceId,
      field: q.field,
      translations: isKey(label)
        ? LOCALES.filter((l) => l !== own).map((lang) => {
            const tl = translator(lang);
            return {
              lang,
              label: tl(label),
              choices: choiceLabel ? q.choices.map((ch) => tl(choiceLabel(ch))) : [],
            };
          })
        : [],
    });
  }
}
