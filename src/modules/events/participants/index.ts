// Participants, a part of the events module: the roster and check-in per day, the key figures and
// the report with its exports, certificates, the networking list, what came after the event (texts,
// documents, photos) and the feedback. Mounted by the events module's index.ts; the block it adds to
// an event's page is eventPageSummary.
export { participantsApi } from './api.ts';
export { eventPageSummary } from './event-page.ts';
export { feedbackApi } from './feedback-api.ts';
export { participantsMigrations } from './migrations.ts';
export { participantsPages } from './routes.tsx';
