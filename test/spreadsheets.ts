// Exports read back as a person's spreadsheet program would, strictly: a CSV whose every row has as
// many cells as the header (a line break in a cell never splits a row) and well-formed quotes, and
// the first sheet of an XLSX workbook; and what every download of a list promises on the way.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { CSV_TYPE, XLSX_TYPE } from '../src/platform/spreadsheets.ts';
import type { Sent, TestClient, TestPlatform } from './harness.ts';

// Any line break outside quotes ends a row, as in a spreadsheet program: csv-parse would otherwise
// take only the first one it meets (the header's CRLF) and read a bare LF or CR as text of a cell.
const STRICT = {
  bom: true,
  relax_column_count: false,
  relax_quotes: false,
  record_delimiter: ['\r\n', '\n', '\r'],
};

/** The rows of a CSV export (byte-order mark allowed), keyed by the header's names. */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { ...STRICT, columns: true });
}

/** Every row of a CSV export as its cells, the header first (for headers whose names repeat). */
export function csvTable(text: string): string[][] {
  return parse(text, STRICT);
}

/** The first sheet of an XLSX export. */
export async function firstSheet(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes instanceof Uint8Array ? new Uint8Array(bytes).buffer : bytes);
  const sheet = wb.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  return sheet;
}

/**
 * A download of a list as `client` gets it: 200, of `type`, kept by no cache (what it holds depends
 * on who asks), and named `name` when given (a part of the file name, or its pattern).
 */
async function download(client: TestClient, path: string, type: string, name?: string | RegExp) {
  const res = await client.get(path);
  expect(res.status, res.text.slice(0, 400)).toBe(200);
  expect(res.headers.get('content-type')).toBe(type);
  expect(res.headers.get('cache-control')).toBe('private, no-store');
  const disposition = res.headers.get('content-disposition') ?? '';
  if (typeof name === 'string') expect(disposition).toContain(name);
  else if (name) expect(disposition).toMatch(name);
  return res;
}

/** A CSV download (see download()), read back strictly: its rows keyed by the header's names. */
export async function csvDownload(
  client: TestClient,
  path: string,
  name?: string | RegExp,
): Promise<{ res: Sent; rows: Record<string, string>[] }> {
  const res = await download(client, path, CSV_TYPE, name);
  return { res, rows: csvRows(res.text) };
}

/** An XLSX download (see download()): the first sheet of the workbook. */
export async function xlsxDownload(
  client: TestClient,
  path: string,
  name?: string | RegExp,
): Promise<ExcelJS.Worksheet> {
  return firstSheet((await download(client, path, XLSX_TYPE, name)).bytes);
}

/**
 * A cell's text with the line breaks a spreadsheet ends a row at but csv-stringify left unquoted:
 * an LF, and a bare CR followed by a formula, which must stay text inside its cell rather than
 * begin a row of its own. No CRLF, comma or quote: any of them would get the cell quoted anyway.
 */
export const LINE_BREAKS = 'Unit 4\nBan Phanom c\r@SUM(1+1)';

/**
 * Writes `value` into `column` of the rows of `table` whose `where[0]` is `where[1]`, straight to
 * the database: text that came in before a field refused line breaks, or through an import, which
 * no form can type any more but an export must still write whole.
 */
export async function storeText(
  hub: TestPlatform,
  target: { table: string; column: string; where: readonly [string, string | number] },
  value = LINE_BREAKS,
): Promise<void> {
  const [key, is] = target.where;
  await sql`update ${sql.table(target.table)} set ${sql.ref(target.column)} = ${value} where ${sql.ref(key)} = ${is}`.execute(
    hub.deps.db,
  );
}

/**
 * The CSV at `path`, read back strictly, has `value` whole in its `header` column (every row as
 * long as the header, so no line break split one), and no row that starts with a formula.
 */
export async function expectLineBreaksKept(
  client: TestClient,
  path: string,
  header: string,
  value = LINE_BREAKS,
): Promise<Record<string, string>[]> {
  const { res, rows } = await csvDownload(client, path);
  expect(rows.map((r) => r[header])).toContain(value);
  expect(csvTable(res.text).filter((cells) => /^[=+\-@]/.test(cells[0] ?? ''))).toEqual([]);
  return rows;
}
