// A survey's submitted answers read as the analysis needs them (analysis.ts): each respondent's
// role, country, domain and gender, and their importance and level per competence; and the
// levels the framework's roles need.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Answers, responsesOf } from '../../platform/questionnaires/index.ts';
import { breakdownOf, cellsOf, type Required, type RespondentAnswers, rankedNeeds } from './analysis.ts';
import type { Framework } from './frameworks/access.ts';
import { type Survey, type SurveyQuestion, surveyOwner, surveyQuestions } from './surveys.ts';
import type { Breakdown } from './vocab.ts';

type Db = Kysely<Database>;

export function requiredOf(framework: Framework): Required {
  return new Map(framework.roles.map((r) => [r.code, r.levels]));
}

/** One response's answers as the analysis reads them. */
export function respondentOf(
  id: number,
  questions: readonly SurveyQuestion[],
  answers: Answers,
): RespondentAnswers {
  const importance = new Map<number, number>();
  const ability = new Map<number, number>();
  const profile: Partial<Record<Breakdown, string>> = {};
  let role: string | null = null;
  for (const q of questions) {
    const value = answers[String(q.id)];
    if (value === undefined) continue;
    if (q.measure === 'importance' && q.competenceId !== null && typeof value === 'number')
      importance.set(q.competenceId, value);
    if (q.measure === 'ability' && q.competenceId !== null && typeof value === 'string' && /^\d$/.test(value))
      ability.set(q.competenceId, Number(value));
    if (q.measure === 'profile' && typeof value === 'string') {
      if (q.field === 'role') role = value;
      if (q.field === 'country' || q.field === 'domain' || q.field === 'gender') profile[q.field] = value;
    }
  }
  return { id, role, profile, importance, ability };
}

/** The submitted responses of a survey (drafts are not counted). */
export async function submittedRespondents(db: Db, survey: Survey): Promise<RespondentAnswers[]> {
  const [questions, responses] = await Promise.all([
    surveyQuestions(db, survey),
    responsesOf(db, surveyOwner(survey)),
  ]);
  return [...responses.values()]
    .filter((r) => r.status === 'submitted')
    .map((r) => respondentOf(r.respondentId, questions, r.answers));
}

export interface SurveySummary {
  respondents: number;
  overall: ReturnType<typeof cellsOf>;
  needs: ReturnType<typeof rankedNeeds>;
  breakdown: ReturnType<typeof breakdownOf>;
}

/** Everything the results page, its exports and the API show, suppression applied. */
export async function summaryOfSurvey(
  db: Db,
  survey: Survey,
  framework: Framework,
  by: Breakdown,
): Promise<SurveySummary> {
  const respondents = await submittedRespondents(db, survey);
  const ids = framework.competences.map((c) => c.id);
  const required = requiredOf(framework);
  const overall = cellsOf(respondents, ids, required);
  return {
    respondents: respondents.length,
    overall,
    needs: rankedNeeds(overall),
    breakdown: breakdownOf(respondents, ids, required, by),
  };
}
