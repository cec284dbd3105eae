// Importing measures from a spreadsheet with the headings of UNESCO's Policy Monitoring Platform,
// through the whole app on SQLite or PostgreSQL: 500 generated measures with some bad rows give a
// per-row report in the reader's language and write nothing; the corrected file is written at
// once; duplicates by title and country, in the file and on the hub.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { formValues, importSteps } from '../../../test/import-steps.ts';
import { budgetOf, goalCode } from './import.ts';
import { countMeasures, expectCountsExact } from './test-helpers.ts';

const hub = await platformForFile({ seed: ['directory'] });
const { client: editor } = await hub.signedIn('editor');
const { client: vietnamese } = await hub.signedIn('editor', { locale: 'vi' });
const { preview, importAll, expectEditorsOnly } = importSteps('/measures/import');

const HEADINGS = [
  'Title of the policy/measure',
  'Country',
  'Year',
  'Implementing entity',
  'Description',
  'Main features',
  'Expected results',
  'Results achieved',
  'Financial resources',
  'Partners',
  'Evaluated',
  'Goals',
  'Area of monitoring',
  'Cultural domains',
  'Youth',
  'Website',
];
const COUNTRIES = ['Lao PDR', 'Viet Nam', 'Cambodia', 'Thailand', 'Myanmar'];
const AREAS = [
  'Cultural and creative sectors',
  'Media diversity',
  'Digital environment',
  'Gender equality',
  'Artistic freedom',
];

/** Row i of the generated report (1-based): a plausible measure with every column filled. */
function goodRow(i: number): string[] {
  return [
    `Generated measure number ${i}`,
    COUNTRIES[i % COUNTRIES.length] as string,
    String(2012 + (i % 10)),
    i % 3 === 0 ? 'lao-mict' : 'Ministry of Culture',
    `Description of measure ${i}, with a comma.`,
    'Grants; training',
    'More films',
    i % 4 === 0 ? 'Not available' : '12 festivals',
    i % 5 === 0 ? 'Not available' : `USD ${(i * 1000).toLocaleString('en')}`,
    'Film Council (Public sector); Lotus Films (private)',
    i % 2 ? 'Yes' : 'No',
    'Goal 1 - Support sustainable systems of governance for culture',
    `${AREAS[i % AREAS.length]}; Digital environment`,
    'Cinema/Audiovisual arts; Music',
    i % 2 ? 'Yes' : 'No',
    i % 7 ? '' : 'www.example.org/measure',
  ];
}

/** Bad rows, by row number: an unknown country, a year out of range, no title, an unknown area, a partner without sector. */
const BAD: Record<number, (row: string[]) => void> = {
  10: (r) => (r[1] = 'Atlantis'),
  77: (r) => (r[2] = '1850'),
  150: (r) => (r[0] = ''),
  321: (r) => (r[12] = 'Space exploration'),
  444: (r) => (r[9] = 'Someone'),
};

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Measures');
  sheet.addRow(HEADINGS);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the cells of the Policy Monitoring Platform', () => {
  it.each([
    ['USD 250,000', { budget_amount: '250000', budget_currency: 'USD', budget_note: '' }],
    ['250 000 EUR', { budget_amount: '250000', budget_currency: 'EUR', budget_note: '' }],
    ['Not available', { budget_amount: '', budget_currency: '', budget_note: 'Not available' }],
    ['about 5 million', { budget_amount: '', budget_currency: '', budget_note: 'about 5 million' }],
  ])('reads the budget %s', (cell, expected) => expect(budgetOf(cell)).toEqual(expected));

  it.each([
    ['Goal 1 - Support sustainable systems of governance for culture', 'governance'],
    ['Goal 4: Promote human rights and fundamental freedoms', 'human_rights'],
    ['Integrate culture in sustainable development frameworks', 'sustainable_development'],
    ['Thúc đẩy quyền con người và các quyền tự do cơ bản', 'human_rights'],
    ['Something else', undefined],
  ])('reads the goal %s', (cell, code) => expect(goalCode(cell)).toBe(code));
});

describe('importing 500 measures', () => {
  it('is for editors only', async () => {
    await expectEditorsOnly(hub, ['m.xlsx', await workbook([goodRow(1)])]);
  });

  it('reports each bad row in the reader’s language and writes nothing, then writes the corrected file at once', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => {
      const row = goodRow(i + 1);
      BAD[i + 1]?.(row);
      return row;
    });
    const before = await countMeasures(hub);
    const { id, checked, values } = await preview(vietnamese, 'pmp.xlsx', await workbook(rows));
    // Every heading was recognised.
    expect(
      Object.values(values).filter((v) => v && !['lang', 'country', 'source', 'status'].includes(v)).length,
    ).toBeGreaterThanOrEqual(16);
    expect(checked.status).toBe(200);
    const text = visibleText(checked.text);
    expect(text).toContain('5 dòng có lỗi');
    // Row numbers count the heading: data row 10 is the file's row 11.
    for (const n of [11, 78, 151, 322, 445]) expect(checked.text).toContain(`id="row-${n}"`);
    expect(text).toContain('Atlantis');
    expect(text).toContain('Space exploration');
    expect(text).toContain('Hãy nhập năm từ 1990 đến 2100.');
    expect(text).toContain('Hãy ghi khu vực của đối tác trong ngoặc');
    const forged = await vietnamese.request(`/measures/import/${id}`, {
      form: formValues(checked.text, `/measures/import/${id}/mapping`),
    });
    expect(forged.status).toBe(422);
    expect(await countMeasures(hub)).toBe(before);

    const good = rows.filter((_, i) => !BAD[i + 1]);
    const second = await preview(editor, 'pmp-fixed.xlsx', await workbook(good));
    expect(visibleText(second.checked.text)).toContain('Every row is valid.');
    const done = await importAll(editor, second.id, second.checked);
    expect(done.status, visibleText(done.text).slice(0, 400)).toBe(303);
    expect(await countMeasures(hub)).toBe(before + 495);
    // The counts of the 495 were gathered and written at once, in the same transaction.
    await expectCountsExact(hub);

    const one = await hub.deps.db
      .selectFrom('policy_measures')
      .selectAll()
      .where('title', '=', 'Generated measure number 20')
      .executeTakeFirstOrThrow();
    expect(one).toMatchObject({
      country: 'LA',
      report_year: 2012,
      budget_amount: null,
      budget_note: 'Not available',
      youth: 0,
      evaluated: 0,
    });
    const three = await hub.deps.db
      .selectFrom('policy_measures')
      .selectAll()
      .where('title', '=', 'Generated measure number 3')
      .executeTakeFirstOrThrow();
    expect(three).toMatchObject({
      country: 'TH',
      budget_amount: 3000,
      budget_currency: 'USD',
      youth: 1,
      evaluated: 1,
    });
    const tags = await hub.deps.db
      .selectFrom('policy_measure_tags')
      .select(['kind', 'code'])
      .where('measure_id', '=', three.id)
      .orderBy('kind')
      .orderBy('code')
      .execute();
    expect(tags).toEqual([
      { kind: 'area', code: 'digital_environment' },
      { kind: 'area', code: 'gender_equality' },
      { kind: 'domain', code: 'audiovisual_media' },
      { kind: 'domain', code: 'performance' },
      { kind: 'goal', code: 'governance' },
      { kind: 'goal', code: 'human_rights' },
    ]);
    const bodies = await hub.deps.db
      .selectFrom('policy_measure_bodies')
      .select(['name', 'organisation_id'])
      .where('measure_id', '=', three.id)
      .execute();
    expect(bodies[0]?.organisation_id).not.toBeNull();

    // The same file again: every row is a duplicate of a measure on the hub now.
    const again = await preview(
      editor,
      'pmp-fixed.xlsx',
      await workbook(good.slice(0, 3).concat([good[0] as string[]])),
    );
    const report = visibleText(again.checked.text);
    expect(report).toContain('Same title and country as a measure already on the hub:');
    expect(report).toMatch(/possible duplicate/);
    expect(again.checked.text).toContain('id="row-5"');
  });
});
