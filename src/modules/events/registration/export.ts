// The applications of an event as CSV and XLSX, for its reviewers: the list as filtered and sorted
// on the page, every application on one row with the standard fields, the reviews (count and
// average total) and one column per question of the form, hidden questions included (their
// answers stay; platform/questionnaires' answerColumns). A file answer is its download link, which
// only reviewers and the applicant open. Column names of the standard fields are stable codes.
import { answerColumns, type Question } from '../../../platform/questionnaires/index.ts';
import type { Column } from '../../../platform/spreadsheets.ts';
import type { ListedApplication } from './listing.ts';

const column = (header: string, value: Column<ListedApplication>['value']): Column<ListedApplication> => ({
  header,
  value,
  width: 16,
});

const STANDARD: Column<ListedApplication>[] = [
  column('id', (r) => r.application.id),
  column('status', (r) => r.application.status),
  column('submitted_at', (r) => r.application.submitted_at),
  column('decided_at', (r) => r.application.decided_at),
  column('name', (r) => r.application.name),
  column('email', (r) => r.application.email),
  column('organisation', (r) => r.application.organisation_name),
  column('organisation_kind', (r) => r.application.organisation_kind),
  column('country', (r) => r.application.country),
  column('category', (r) => r.application.categoryLabel),
  column('gender', (r) => r.application.gender),
  column('networking_consent', (r) => (r.application.networking_consent ? 'yes' : 'no')),
  column('reviews', (r) => r.reviews),
  column('average_score', (r) => (r.average === null ? '' : Math.round(r.average * 100) / 100)),
];

/** The columns of the export: the standard fields, then one per question. */
export function applicationColumns(
  questions: readonly Question[],
  applicationUrl: (id: number) => string,
): Column<ListedApplication>[] {
  return [
    ...STANDARD,
    ...answerColumns<ListedApplication>(
      questions,
      (r) => r.application.answers,
      (r, questionId) => `${applicationUrl(r.application.id)}/files/${questionId}`,
      STANDARD.map((c) => c.header),
    ),
  ];
}
