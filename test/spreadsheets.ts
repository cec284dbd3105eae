// Exports read back as a person's spreadsheet program would, strictly: a CSV whose every row has as
// many cells as the header (a line break in a cell never splits a row) and well-formed quotes, and
// the first sheet of an XLSX workbook.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** The rows of a CSV export (byte-order mark allowed), keyed by the header's names. */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_column_count: false, relax_quotes: false });
}

/** The first sheet of an XLSX export. */
export async function firstSheet(bytes: ArrayBuffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}
