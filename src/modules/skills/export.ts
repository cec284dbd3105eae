// The spreadsheets of a survey: its summary (one row per group and competence, suppressed cells
// empty and marked), for whoever may read the summary; and its raw answers (one row per submitted
// response, no names), for its managers only.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type Answers, answerColumns, responsesOf } from '../../platform/questionnaires/index.ts';
import type { Column } from '../../platform/spreadsheets.ts';
import type { Cell } from './analysis.ts';
import type { Framework } from './frameworks/access.ts';
import type { SurveySummary } from './results.ts';
import { type Survey, surveyOwner, surveyQuestions } from './surveys.ts';
import { MIN_CELL } from './vocab.ts';

export interface SummaryRow {
  group: string;
  value: string;
  code: string;
  title: string;
  cell: Cell;
}

const figure = (pick: (cell: Cell) => number | null) => (row: SummaryRow) =>
  row.cell.suppressed ? '' : (pick(row.cell) ?? '');

export const summaryColumns: Column<SummaryRow>[] = [
  { header: 'group', value: (r) => r.group },
  { header: 'value', value: (r) => r.value },
  { header: 'competence', value: (r) => r.code },
  { header: 'title', value: (r) => r.title, width: 40 },
  { header: 'respondents', value: (r) => (r.cell.suppressed ? `<${MIN_CELL}` : r.cell.n) },
  { header: 'mean_importance', value: figure((c) => c.meanImportance) },
  { header: 'mean_level', value: figure((c) => c.meanLevel) },
  { header: 'mean_gap', value: figure((c) => c.meanGap) },
  { header: 'share_below', value: figure((c) => c.shareBelow) },
  { header: 'borich', value: figure((c) => c.borich) },
];

export function summaryRows(framework: Framework, summary: SurveySummary): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const c of framework.competences) {
    const cell = summary.overall.get(c.id);
    if (cell) rows.push({ group: 'all', value: '', code: c.code, title: c.title, cell });
  }
  for (const { value } of summary.breakdown.values)
    for (const c of framework.competences) {
      const cell = summary.breakdown.cells.get(value)?.get(c.id);
      if (cell) rows.push({ group: summary.breakdown.by, value, code: c.code, title: c.title, cell });
    }
  return rows;
}

interface RawRow {
  number: number;
  submittedAt: string | null;
  answers: Answers;
}

/** The submitted responses, numbered in the order they came (not the respondents' ids). */
export async function rawAnswers(
  db: Kysely<Database>,
  survey: Survey,
): Promise<{ columns: Column<RawRow>[]; rows: RawRow[] }> {
  const [questions, responses] = await Promise.all([
    surveyQuestions(db, survey),
    responsesOf(db, surveyOwner(survey)),
  ]);
  const rows = [...responses.values()]
    .filter((r) => r.status === 'submitted')
    .sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') || a.id - b.id)
    .map((r, i) => ({ number: i + 1, submittedAt: r.submittedAt, answers: r.answers }));
  const own: Column<RawRow>[] = [
    { header: 'response', value: (r) => r.number },
    { header: 'submitted_at', value: (r) => r.submittedAt },
  ];
  return {
    columns: [
      ...own,
      ...answerColumns(
        questions.map((q) => (q.competenceId !== null ? { ...q, label: `${q.field} ${q.measure}` } : q)),
        (r: RawRow) => r.answers,
        () => '',
        own.map((c) => c.header),
      ),
    ],
    rows,
  };
}
