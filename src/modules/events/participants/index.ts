// Participants, a part of the events module: the roster and check-in per day, the key figures and
// the report with its exports, certificates, the networking list, what came after the event (texts,
// documents, photos) and the feedback. Mounted by the events module's index.ts; the blocks it adds
// to an event's page are eventPageSummary (loaded by the page's route) and EventPageBlocks.
export { participantOf } from './access.ts';
export { participantsApi } from './api.ts';
export { type EventPageSummary, eventPageSummary } from './event-page.ts';
export { feedbackApi } from './feedback-api.ts';
export { eventsMetAt, type MetAtEvent } from './met-at.ts';
export { participantsMigrations } from './migrations.ts';
export { participantsPages } from './routes.tsx';
export { seedRosters } from './seed.ts';
export { EventPageBlocks } from './views/event-blocks.tsx';
