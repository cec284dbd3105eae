// The kinds of question a questionnaire asks, and the limits every questionnaire shares. An owner
// (an event's application form, its feedback, later a survey or a test) offers a subset of the
// kinds; the answers are stored as these kinds' values (answers.ts). Kind names are shown through
// the platform's strings (`questionnaire.kind.<kind>`).
import type { FileKind } from '../files/index.ts';

export const QUESTION_KINDS = [
  'text',
  'long_text',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'number',
  'date',
  'file',
  'rating',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** Kinds whose answer is one or several of the question's own choices. */
export const CHOICE_KINDS: ReadonlySet<QuestionKind> = new Set(['single_choice', 'multiple_choice']);
/** Kinds another question's condition may name: their answers are a short list of known values. */
export const CONDITION_KINDS: ReadonlySet<QuestionKind> = new Set([
  'single_choice',
  'multiple_choice',
  'yes_no',
]);

/** A rating is a whole number from RATING_MIN to RATING_MAX. */
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export const MAX_LABEL = 300;
export const MAX_HELP = 1000;
export const MAX_CHOICES = 30;
export const MAX_CHOICE_LENGTH = 200;
export const MAX_TEXT_ANSWER = 500;
export const MAX_LONG_ANSWER = 5000;
/** A questionnaire holds at most this many questions unless its owner says fewer. */
export const MAX_QUESTIONS = 40;
/** Translated rows on the builder's form at most (one per UI language but the original's). */
export const MAX_QUESTION_TRANSLATIONS = 6;

/**
 * File answers: CVs, portfolios, letters and scans. Lower than the library's limit: respondents are
 * on phones, and those who read the answers download every file.
 */
export const ANSWER_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const ANSWER_FILE_KINDS: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'png', 'jpeg', 'webp']);
/** What the file inputs offer (`accept`); the content decides anyway (checkUpload). */
export const ANSWER_FILE_ACCEPT =
  'application/pdf,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,image/png,image/jpeg,image/webp';
