// An uploaded spreadsheet → a header and rows of strings. The content decides the format, never the
// file name: an XLSX file is a zip that exceljs must open, anything else must be UTF-8 text (CSV).
// Every refusal is an ImportFileError carrying the status and the message the reader sees.
import { parse as parseCsv } from 'csv-parse/sync';
import { sharedExtraction } from '../files/extraction.ts';
import { inspectZip, ZIP_LIMITS } from '../files/zip.ts';
import type { MessageKey, MessageValues } from '../i18n.ts';
import type { ParsedRow } from './xlsx-rows.ts';

export type { ParsedRow };

/** Larger than any directory a hub would import at once, far below the multipart limit. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 60;
/**
 * What a workbook of MAX_ROWS × MAX_COLUMNS cells may unpack to (its sheet and shared strings as
 * XML): a few MB in practice, so 40 MB leaves room. Beyond it the workbook is refused before exceljs
 * opens it: a 326 KB file holding a 95 MB sheet took exceljs 11.8 s and about 1 GB to read.
 */
export const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024;

export interface ParsedTable {
  header: string[];
  rows: ParsedRow[];
}

export class ImportFileError extends Error {
  constructor(
    readonly status: 413 | 415 | 422 | 429,
    readonly messageKey: MessageKey,
    readonly values?: MessageValues,
    /** Seconds to wait, with a 429. */
    readonly retryAfter?: number,
  ) {
    super(messageKey);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The compound file of Excel 97–2003 (.xls), which exceljs cannot read. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** An uploaded spreadsheet's table; `uploader` (a member's id) bounds their files waiting to be read. */
export async function parseUpload(
  bytes: Uint8Array,
  filename: string,
  uploader?: number,
): Promise<ParsedTable> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ImportFileError(413, 'import.tooBig', { max: MAX_FILE_BYTES / 1024 / 1024 });
  }
  if (bytes.byteLength === 0) throw new ImportFileError(422, 'import.empty');
  let table: ParsedTable;
  if (startsWith(bytes, ZIP_MAGIC)) table = await readXlsx(bytes, uploader);
  else if (startsWith(bytes, OLE_MAGIC)) throw new ImportFileError(415, 'import.oldExcel');
  else if (/\.xls[xm]?$/i.test(filename)) throw new ImportFileError(415, 'import.notXlsx');
  else table = readCsv(decodeText(bytes));
  return checkShape(table);
}

function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ImportFileError(415, 'import.notUtf8');
  }
  // UTF-16 without a byte-order mark decodes as "valid" UTF-8 full of NULs; images and archives
  // that happen to decode have control characters no spreadsheet writes.
  // (Control characters other than tab and line breaks.)
  if (/[^\P{Cc}\t\n\r]/u.test(text.slice(0, 64 * 1024))) {
    throw new ImportFileError(415, 'import.notText');
  }
  if (/^\s*<(?:!doctype\b|!--|html\b|\?xml\b|head\b|body\b|table\b)/i.test(text)) {
    throw new ImportFileError(415, 'import.isHtml');
  }
  return text;
}

/** Excel saves CSV with ";" where the decimal separator is ","; pick what the first line uses. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, outsideQuotes.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

function readCsv(text: string): ParsedTable {
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      // `5" vinyl` inside an unquoted cell is data; a quote that never closes is still an error.
      relax_quotes: true,
      skip_empty_lines: false,
      // Each record counts one row, whatever line breaks its quoted cells hold, as in a spreadsheet.
      max_record_size: 1024 * 1024,
    }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new ImportFileError(422, 'import.badCsv', { line: line ?? 1 });
  }
  return toTable(records.map((cells, i) => ({ n: i + 1, cells })));
}

async function readXlsx(bytes: Uint8Array, uploader: number | undefined): Promise<ParsedTable> {
  // Inflated for real and counted (platform/files/zip.ts): the sizes an archive declares prove nothing.
  const verdict = await inspectZip(bytes, { ...ZIP_LIMITS, maxTotalBytes: MAX_UNZIPPED_BYTES });
  if (!verdict.ok) {
    if (verdict.reason === 'bomb')
      throw new ImportFileError(413, 'import.xlsxTooBig', { max: MAX_UNZIPPED_BYTES / 1024 / 1024 });
    throw new ImportFileError(422, 'import.badXlsx');
  }
  // Read in an extraction process, with its memory and time limits and its queue.
  const read = await sharedExtraction().readTable(bytes, MAX_COLUMNS, { uploader });
  if (read.ok) return toTable(read.rows);
  if (read.reason === 'busy') throw new ImportFileError(429, 'import.busy', undefined, read.retryAfter);
  if (read.reason === 'tooComplex') throw new ImportFileError(413, 'import.xlsxTooComplex');
  throw new ImportFileError(422, 'import.badXlsx');
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/** The first non-empty row is the header; empty rows are left out but keep their numbers. */
function toTable(all: ParsedRow[]): ParsedTable {
  const rows = all.filter((r) => !isBlank(r.cells));
  const first = rows.shift();
  if (!first) throw new ImportFileError(422, 'import.empty');
  const header = first.cells.map((h) => h.replace(/^\ufeff/, '').trim());
  return { header, rows };
}

function checkShape(table: ParsedTable): ParsedTable {
  if (table.rows.length === 0) throw new ImportFileError(422, 'import.noRows');
  if (table.rows.length > MAX_ROWS) {
    throw new ImportFileError(422, 'import.tooManyRows', {
      count: table.rows.length,
      max: MAX_ROWS,
    });
  }
  const width = Math.max(table.header.length, ...table.rows.map((r) => r.cells.length));
  if (width > MAX_COLUMNS) {
    throw new ImportFileError(422, 'import.tooManyColumns', { max: MAX_COLUMNS });
  }
  // Every row as wide as the widest, so that column i means the same thing everywhere.
  const header = Array.from({ length: width }, (_, i) => table.header[i] ?? '');
  const rows = table.rows.map((r) => ({
    n: r.n,
    cells: Array.from({ length: width }, (_, i) => normaliseCell(r.cells[i] ?? '')),
  }));
  return { header, rows };
}

/**
 * Line breaks as \n, and the apostrophe our own export puts before a cell starting with
 * = + - @ (so that spreadsheets do not run it) taken off again: such cells are text either way.
 */
function normaliseCell(cell: string): string {
  return cell.replace(/\r\n?/g, '\n').replace(/^'(?=[=+\-@])/, '');
}
