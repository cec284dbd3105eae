// Tables for spreadsheets, the one way every export writes them: CSV (csv-stringify) with a
// byte-order mark and CRLF line ends, XLSX (exceljs), and the formula guard both need. The modules
// decide the columns; this file decides how a cell reaches Excel or LibreOffice safely.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A spreadsheet would run a cell starting with = + - @ (or a tab or carriage return) as a formula
 * (`=HYPERLINK(…)`): such cells get a leading apostrophe, which spreadsheets show as text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * CSV text of a header row and data rows. The byte-order mark makes spreadsheets open Lao, Khmer
 * and Vietnamese text as UTF-8; CRLF is what RFC 4180 and Excel expect. Cells are written as
 * given: callers pass text through neutraliseFormula (numbers need nothing).
 *
 * Every cell holding a CR or an LF is quoted, whichever the record delimiter: spreadsheets end a
 * row at any of CRLF, LF or a bare CR outside quotes, so an address typed on two lines would
 * otherwise split its row, and a bare CR could start a new row with a formula ("c\r@SUM(1+1)").
 * csv-stringify quotes only the record delimiter itself (CRLF) once one is set, unless
 * `quote_record_delimiter` asks for the others too.
 */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${stringify(rows as (string | number)[][], { record_delimiter: 'windows', quote_record_delimiter: true })}`;
}

/** The bytes of an XLSX workbook that `fill` adds sheets to. */
export async function xlsxBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Creative Hub';
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Excel refuses sheet names longer than 31 characters or containing any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}

/** A column of an export: its header and how a row's cell is read. */
export interface Column<R> {
  header: string;
  value: (row: R) => string | number | boolean | null | undefined | readonly string[];
  /** The column's width in an XLSX sheet, in characters (the spreadsheet's default otherwise). */
  width?: number;
}

/** The header and the rows as cells: lists joined with "; ", text passed through the formula guard. */
export function tableOf<R>(columns: readonly Column<R>[], rows: Iterable<R>): (string | number)[][] {
  const cell = (v: ReturnType<Column<R>['value']>): string | number => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return neutraliseFormula(typeof v === 'string' ? v : v.join('; '));
  };
  const out: (string | number)[][] = [columns.map((c) => c.header)];
  for (const row of rows) out.push(columns.map((c) => cell(c.value(row))));
  return out;
}

/** A list as a CSV file, or as an XLSX workbook of one sheet named `sheet`. */
export async function spreadsheetOf<R>(
  format: 'csv' | 'xlsx',
  columns: readonly Column<R>[],
  rows: Iterable<R>,
  sheet = 'Sheet1',
): Promise<{ body: string | Uint8Array; type: string }> {
  const table = tableOf(columns, rows);
  if (format === 'csv') return { body: csvText(table), type: CSV_TYPE };
  const body = await xlsxBytes((wb) => {
    const ws = wb.addWorksheet(sheetName(sheet));
    ws.addRows(table);
    ws.getRow(1).font = { bold: true };
    columns.forEach((column, i) => {
      if (column.width) ws.getColumn(i + 1).width = column.width;
    });
  });
  return { body, type: XLSX_TYPE };
}
