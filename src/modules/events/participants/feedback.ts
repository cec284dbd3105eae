// The participants' feedback is a questionnaire of the platform (platform/questionnaires), owned by
// "event_feedback" and the event's id: the organisers' questions (a rating from 1 to 5, one of
// several answers, a text), one submitted response per participant of the roster (the respondent),
// and the summary of the answers. This file says what the feedback offers, who may change its
// questions and how a change is audited; the answers' fields are q<id> on the form (and errors
// name them so in the API).
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import {
  type AnswerNaming,
  type Question,
  type QuestionKind,
  type QuestionnaireOwner,
  type QuestionnaireOwnerRef,
  type QuestionnaireSummary,
  questionsOf as questionsOfForm,
  summaryOf,
} from '../../../platform/questionnaires/index.ts';
import { managesRoster } from './permissions.ts';
import { MAX_QUESTIONS } from './vocab.ts';

type Db = Kysely<Database>;

export const FEEDBACK = 'event_feedback';
export const FEEDBACK_KINDS = [
  'rating',
  'single_choice',
  'long_text',
] as const satisfies readonly QuestionKind[];
export const FEEDBACK_NAMING: AnswerNaming = { prefix: 'q' };

/** The feedback of an event, by its id. */
export const feedbackForm = (eventId: number): QuestionnaireOwnerRef => ({ type: FEEDBACK, id: eventId });

/** The kinds as the API names them: a rating, one of several answers ("choice"), a text. */
export const API_KIND: Record<(typeof FEEDBACK_KINDS)[number], 'rating' | 'choice' | 'text'> = {
  rating: 'rating',
  single_choice: 'choice',
  long_text: 'text',
};

/** The feedback's questions as its organisers change them (`organiser`: the reader organises the event). */
export function feedbackOwner(event: { id: number }, organiser: boolean): QuestionnaireOwner {
  return {
    ...feedbackForm(event.id),
    ...FEEDBACK_NAMING,
    kinds: FEEDBACK_KINDS,
    maxQuestions: MAX_QUESTIONS,
    mayEdit: managesRoster(organiser),
    audit: (change) => ({
      action: `event.feedback_question_${change.what}`,
      subjectType: 'event',
      subjectId: event.id,
      details: {
        question: change.question.id,
        ...(change.what === 'added' ? { kind: change.question.kind } : {}),
        ...(change.what === 'moved' ? { direction: change.direction } : {}),
      },
    }),
  };
}

export function questionsOf(db: Db, eventId: number): Promise<Question[]> {
  return questionsOfForm(db, feedbackForm(eventId));
}

export type FeedbackSummary = QuestionnaireSummary;

/** Counts, averages and texts of the submitted feedback, per question. */
export function feedbackSummary(db: Db, eventId: number, questions: Question[]): Promise<FeedbackSummary> {
  return summaryOf(db, feedbackForm(eventId), questions);
}
