// The applications of an event as CSV and XLSX, for its reviewers: the list as filtered and sorted
// on the page, every application on one row with the standard fields, the reviews (count and
// average total) and one column per question of the form, hidden questions included (their
// answers stay). A file answer is its download link, which only reviewers and the applicant open.
// Column names of the standard fields are stable codes; questions are headed by their label.
import { csvText, neutraliseFormula, sheetName, xlsxBytes } from '../../../platform/spreadsheets.ts';
import { type AnswerValue, type FormField, isFileAnswer } from './answers.ts';
import type { ListedApplication } from './listing.ts';

const STANDARD_COLUMNS = [
  'id',
  'status',
  'submitted_at',
  'decided_at',
  'name',
  'email',
  'organisation',
  'organisation_kind',
  'country',
  'category',
  'gender',
  'networking_consent',
  'reviews',
  'average_score',
] as const;

export interface ApplicationsTable {
  columns: string[];
  rows: (string | number)[][];
}

function answerCell(value: AnswerValue | undefined, fileUrl: string): string | number {
  if (value === undefined) return '';
  if (isFileAnswer(value)) return fileUrl;
  if (Array.isArray(value)) return neutraliseFormula(value.join('; '));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'number' ? value : neutraliseFormula(value);
}

/**
 * Two questions may share a label (or match a standard column): later ones get " (2)", " (3)",
 * so that every column of the sheet has a name of its own.
 */
function questionHeadings(fields: FormField[]): string[] {
  const seen = new Map<string, number>(STANDARD_COLUMNS.map((c) => [c, 1]));
  return fields.map((f) => {
    const n = (seen.get(f.label) ?? 0) + 1;
    seen.set(f.label, n);
    return n === 1 ? f.label : `${f.label} (${n})`;
  });
}

export function applicationsTable(
  listed: ListedApplication[],
  fields: FormField[],
  applicationUrl: (id: number) => string,
): ApplicationsTable {
  const text = (value: string | null | undefined) => neutraliseFormula(value ?? '');
  return {
    columns: [...STANDARD_COLUMNS, ...questionHeadings(fields).map(neutraliseFormula)],
    rows: listed.map(({ application: a, reviews, average }) => [
      a.id,
      a.status,
      a.submitted_at ?? '',
      a.decided_at ?? '',
      text(a.name),
      text(a.email),
      text(a.organisation_name),
      a.organisation_kind ?? '',
      a.country ?? '',
      text(a.categoryLabel),
      a.gender ?? '',
      a.networking_consent ? 'yes' : 'no',
      reviews,
      average === null ? '' : Math.round(average * 100) / 100,
      ...fields.map((f) =>
        answerCell(a.parsedAnswers[String(f.id)], `${applicationUrl(a.id)}/files/${f.id}`),
      ),
    ]),
  };
}

export function applicationsCsv(table: ApplicationsTable): string {
  return csvText([table.columns, ...table.rows]);
}

export function applicationsXlsx(table: ApplicationsTable, title: string): Promise<Uint8Array> {
  return xlsxBytes((wb) => {
    const sheet = wb.addWorksheet(sheetName(title));
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, i) => {
      column.width = i < STANDARD_COLUMNS.length ? 16 : 30;
    });
  });
}
