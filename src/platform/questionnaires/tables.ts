// The questionnaires' tables, added to the platform's Database type. A questionnaire belongs to an
// owner named by a type and an id ("event_application" 12); it has questions in order (with their
// translations and an optional condition), and responses — one per respondent, a draft until
// submitted — whose answers are stored per question as JSON.
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.ts';
import type { QuestionKind } from './vocab.ts';

export interface QuestionnairesTable {
  id: Generated<number>;
  /** What the questionnaire belongs to: the owner module's word for it, e.g. event_application. */
  owner_type: string;
  owner_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuestionnaireQuestionsTable {
  id: Generated<number>;
  questionnaire_id: number;
  position: number;
  kind: QuestionKind;
  /** In the language the owner wrote it; translations are in questionnaire_question_translations. */
  label: string;
  /** Shown under the label. */
  help: string;
  required: number;
  /** JSON array of the offered choices (choice kinds); '[]' for the others. */
  choices: string;
  /**
   * 1: no longer asked. A question with answers is hidden rather than deleted, so the answers given
   * stay readable.
   */
  hidden: number;
  /** Asked only when this question's answer is one of show_if_values; null: always asked. */
  show_if_question: number | null;
  /** JSON array of the answers (choices, 'yes' or 'no') of show_if_question that show this one. */
  show_if_values: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A question's label, help and choices in another UI language (the choices in the same order). */
export interface QuestionnaireQuestionTranslationsTable {
  question_id: number;
  lang: string;
  label: string;
  help: string;
  /** JSON array, as many as the question's choices; '[]': the original choices are shown. */
  choices: string;
}

export interface QuestionnaireResponsesTable {
  id: Generated<number>;
  questionnaire_id: number;
  /** Who answered, in the owner's terms (a registration, a participant of the roster…). */
  respondent_id: number;
  /** The account that answered, when the owner keeps it: deleting the account deletes the response. */
  user_id: number | null;
  status: 'draft' | 'submitted';
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One answer: its value as JSON (a text, a number, true/false, a list of choices or a file). */
export interface QuestionnaireAnswersTable {
  response_id: number;
  question_id: number;
  value: string;
}

declare module '../../db/schema.ts' {
  interface Database {
    questionnaires: QuestionnairesTable;
    questionnaire_questions: QuestionnaireQuestionsTable;
    questionnaire_question_translations: QuestionnaireQuestionTranslationsTable;
    questionnaire_responses: QuestionnaireResponsesTable;
    questionnaire_answers: QuestionnaireAnswersTable;
  }
}
