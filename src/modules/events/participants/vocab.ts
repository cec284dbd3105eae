// The vocabularies of what happens around the roster: what a library document linked to an event
// is to it, stored as these codes and shown through the locale files
// (`participants.documentRole.<code>`); and the limits of the roster's pages and lists. The kinds
// of feedback question are the questionnaires' (feedback.ts).

/** A library document shown with the event: background reading, or a presentation given there. */
export const DOCUMENT_ROLES = ['document', 'presentation'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/** Roster pages show this many participants (the check-in form too). */
export const ROSTER_PAGE_SIZE = 100;
/** Feedback questions at most. */
export const MAX_QUESTIONS = 30;
export const MAX_PHOTOS = 60;
export const MAX_DOCUMENTS = 40;
/** The longest outcomes or recommendations (Markdown). */
export const MAX_REPORT_TEXT = 20_000;
