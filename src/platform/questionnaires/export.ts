// A questionnaire's answers as spreadsheet columns (platform/spreadsheets.ts): one column per
// question, hidden ones included (their answers stay), headed by its label — two questions with
// the same label (or a label the owner's own columns use) get " (2)", " (3)" so every column has a
// name of its own. A file answer is its download link; choices keep their original wording.
import { type Column, neutraliseFormula } from '../spreadsheets.ts';
import { type Answers, type AnswerValue, isFileAnswer } from './answers.ts';
import type { Question } from './questions.ts';

function cell(
  value: AnswerValue | undefined,
  fileUrl: () => string,
): string | number | boolean | readonly string[] {
  if (value === undefined) return '';
  if (isFileAnswer(value)) return fileUrl();
  return value;
}

/** Column headings for the questions, none equal to another or to one of `taken`. */
export function questionHeadings(questions: readonly Question[], taken: readonly string[] = []): string[] {
  const seen = new Map<string, number>(taken.map((c) => [c, 1]));
  return questions.map((q) => {
    const n = (seen.get(q.label) ?? 0) + 1;
    seen.set(q.label, n);
    return n === 1 ? q.label : `${q.label} (${n})`;
  });
}

/**
 * The answer columns of rows `R`: `answersOf` gives a row's answers, `fileUrl` where a row's file
 * answer to a question is downloaded. `taken`: the headers of the columns before them.
 */
export function answerColumns<R>(
  questions: readonly Question[],
  answersOf: (row: R) => Answers,
  fileUrl: (row: R, questionId: number) => string,
  taken: readonly string[] = [],
): Column<R>[] {
  const headings = questionHeadings(questions, taken);
  return questions.map((q, i) => ({
    header: neutraliseFormula(headings[i] ?? q.label),
    value: (row: R) => cell(answersOf(row)[String(q.id)], () => fileUrl(row, q.id)),
    width: 30,
  }));
}
