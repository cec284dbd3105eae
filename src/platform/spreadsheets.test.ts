// platform/spreadsheets.ts without a database: the CSV every export writes, read back by csv-parse
// as strictly as a spreadsheet program reads it (a line break outside quotes ends the row, whether
// CRLF, LF or a bare CR), so a cell with line breaks stays one cell of one row.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvText, spreadsheetOf } from './spreadsheets.ts';

const strict = (text: string): string[][] =>
  parse(text, {
    bom: true,
    relax_column_count: false,
    relax_quotes: false,
    record_delimiter: ['\r\n', '\n', '\r'],
  });

describe('csvText', () => {
  it.each([
    ['CRLF', 'Unit 4\r\nBan Phanom'],
    ['LF', 'Unit 4\nBan Phanom'],
    ['a bare CR before a formula', 'c\r@SUM(1+1)'],
    ['a CR at the end', 'Pakse\r'],
  ])('quotes a cell holding %s, which stays one cell', (_, value) => {
    const text = csvText([
      ['city', 'n'],
      [value, 1],
    ]);
    expect(text).toContain(`"${value}"`);
    expect(strict(text)).toEqual([
      ['city', 'n'],
      [value, '1'],
    ]);
  });

  it('leaves cells without line breaks, quotes or commas unquoted, with CRLF between rows', () => {
    expect(
      csvText([
        ['a', 'b'],
        ['Vientiane', 2],
      ]),
    ).toBe('\uFEFFa,b\r\nVientiane,2\r\n');
  });

  it('keeps a formula after a line break inside its cell through the column writer', async () => {
    const { body } = await spreadsheetOf(
      'csv',
      [
        { header: 'name', value: (r: { name: string; address: string }) => r.name },
        { header: 'address', value: (r) => r.address },
      ],
      [{ name: '=HYPERLINK("x")', address: 'c\r@SUM(1+1)\n-2' }],
    );
    expect(strict(String(body))).toEqual([
      ['name', 'address'],
      ['\'=HYPERLINK("x")', 'c\r@SUM(1+1)\n-2'],
    ]);
  });
});
