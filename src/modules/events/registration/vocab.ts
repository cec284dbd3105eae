// The limits and codes of registration and applications (the shared ones — modes, statuses,
// genders, field kinds — are in ../participation/vocab.ts).
import type { FileKind } from '../../../platform/files/index.ts';
import type { RegistrationStatus } from '../participation/vocab.ts';

/** What a reviewer decides; each is also a registration status. */
export const DECISIONS = [
  'accepted',
  'waitlisted',
  'declined',
] as const satisfies readonly RegistrationStatus[];
export type Decision = (typeof DECISIONS)[number];

/** Statuses in which the applicant still edits the form (a withdrawn application may be sent again). */
export const EDITABLE_STATUSES: ReadonlySet<RegistrationStatus> = new Set(['draft', 'withdrawn']);

/** Statuses the applicant may withdraw from, until the event starts. */
export const WITHDRAWABLE_STATUSES: ReadonlySet<RegistrationStatus> = new Set([
  'submitted',
  'accepted',
  'waitlisted',
]);

/**
 * Application files: CVs, portfolios, letters and scans. Lower than the library's UPLOAD_LIMIT_MB:
 * applicants are on phones, reviewers download every file.
 */
export const APPLICATION_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const APPLICATION_FILE_KINDS: ReadonlySet<FileKind> = new Set(['pdf', 'docx', 'png', 'jpeg', 'webp']);
/** What the file inputs offer (`accept`); the content decides anyway (checkUpload). */
export const APPLICATION_FILE_ACCEPT =
  'application/pdf,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx,image/png,image/jpeg,image/webp';

export const MAX_FORM_FIELDS = 40;
export const MAX_FIELD_OPTIONS = 30;
export const MAX_CATEGORIES = 20;
export const MAX_INVITATIONS = 2000;
export const MAX_CRITERIA = 12;
export const MAX_SCORE = 100;
export const MAX_TEXT_ANSWER = 500;
export const MAX_LONG_ANSWER = 5000;

export const APPLICATIONS_PAGE_SIZE = 25;
