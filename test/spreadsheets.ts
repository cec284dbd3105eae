// Exports read back as a person's spreadsheet program would, strictly: a CSV whose every row has as
// many cells as the header (a line break in a cell never splits a row) and well-formed quotes, and
// the first sheet of an XLSX workbook; and what every download of a list promises on the way.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { CSV_TYPE, XLSX_TYPE } from '../src/platform/spreadsheets.ts';
import type { Sent, TestClient } from './harness.ts';

const STRICT = { bom: true, relax_column_count: false, relax_quotes: false } as const;

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
