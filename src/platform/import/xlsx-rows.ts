// The rows of a workbook's first sheet as the texts a reader sees: what an import reads from an
// XLSX file. Run in the extraction process (platform/files/extract-child.mjs), never in the
// server: exceljs builds the whole sheet in memory, and a workbook of tens of MB took seconds and
// about a gigabyte, which there costs a killed child instead of the server's memory.
import ExcelJS from 'exceljs';

/** A row of an uploaded spreadsheet (CSV or XLSX). */
export interface ParsedRow {
  /** The row number a spreadsheet shows (the header is row 1). */
  n: number;
  cells: string[];
}

export type XlsxRows = { ok: true; rows: ParsedRow[] } | { ok: false; reason: 'corrupt' };

export async function readXlsxRows(bytes: Uint8Array, maxColumns: number): Promise<XlsxRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares the Buffer of older @types/node; the bytes are the same.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, reason: 'corrupt' };
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // One column past the limit is kept, so the shape check can say the sheet is too wide.
      if (col <= maxColumns + 1) cells[col - 1] = cellText(cell.value);
    });
    rows.push({ n, cells: Array.from(cells, (c) => c ?? '') });
  });
  return { ok: true, rows };
}

/**
 * A cell as the text a reader sees. A formula counts by its last computed result; one never
 * computed is kept as its text ("=A1+1"), which is data like any other.
 */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue) || value.hyperlink;
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value as { result?: ExcelJS.CellValue };
    if (result !== undefined && result !== null && !(typeof result === 'object' && 'error' in result))
      return cellText(result);
    return 'formula' in value ? `=${value.formula}` : '';
  }
  return '';
}
