// A list sent as a spreadsheet download: the route's `:file` (export.csv, roster.xlsx) names the
// format, spreadsheetOf() writes the file, attachment() sends it (never cached by shared caches).
import type { Context } from 'hono';
import { type Column, spreadsheetOf } from '../spreadsheets.ts';
import { attachment } from './download.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

/** The format a file name asks for: XLSX for `….xlsx`, CSV otherwise. */
export const spreadsheetFormat = (file: string): SpreadsheetFormat =>
  file.endsWith('.xlsx') ? 'xlsx' : 'csv';

/**
 * `rows` as `<names.file>.<format>`, in one sheet named `names.sheet` for XLSX. The format is the
 * one the route's `:file` asks for, unless the route knows it otherwise (one route per format).
 */
export async function spreadsheetDownload<R>(
  c: Context,
  columns: readonly Column<R>[],
  rows: Iterable<R>,
  names: { file: string; sheet: string },
  format: SpreadsheetFormat = spreadsheetFormat(c.req.param('file') ?? ''),
): Promise<Response> {
  const file = await spreadsheetOf(format, columns, rows, names.sheet);
  return attachment(c, file.body, file.type, `${names.file}.${format}`);
}
