// The vocabularies of what happens around the roster: the kinds of feedback questions organisers
// ask, and what a library document linked to an event is to it. Stored as these codes and shown
// through the locale files (`participants.question.<code>`, `participants.documentRole.<code>`).

/** A rating from 1 to 5, one of the organisers' choices, or free text. */
export const QUESTION_KINDS = ['rating', 'choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** A library document shown with the event: background reading, or a presentation given there. */
export const DOCUMENT_ROLES = ['document', 'presentation'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/** Roster pages show this many participants (the check-in form too). */
export const ROSTER_PAGE_SIZE = 100;
export const MAX_QUESTIONS = 30;
export const MAX_CHOICES = 12;
export const MAX_PHOTOS = 60;
export const MAX_DOCUMENTS = 40;
/** Longest text answer, and the longest outcomes or recommendations (Markdown). */
export const MAX_ANSWER_LENGTH = 4_000;
export const MAX_REPORT_TEXT = 20_000;
