// Registration and applications, a part of the events module: the organisers' set-up (mode,
// capacity, deadline, categories, the application form, the rubric, reviewers and invitations),
// the applicant's form with drafts and files, the reviewers' list, scores and decisions with their
// mails, and the exports. Mounted by the events module's index.ts; the block it adds to an event's
// page is registrationBlock.
export { eventsAccountExport as registrationAccountExport } from './account-export.ts';
export { registrationApi } from './api.ts';
export { registrationBlock } from './event-block.tsx';
export { applicationsHomeBlock } from './home-block.tsx';
export { registrationMigrations } from './migrations.ts';
export { registrationPages } from './routes.tsx';
