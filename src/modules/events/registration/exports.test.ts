// The applications export through the whole app, on SQLite or PostgreSQL: every application of
// the list as filtered (not one page), the standard fields, the reviews' average, one column per
// question with each kind of answer and a file answer as its link, formulas neutralised; the XLSX
// read back with exceljs; and the refusals: visitors, members who do not review, drafts.
import { beforeAll, describe, expect, it } from 'vitest';
import { visibleText } from '../../../../test/harness.ts';
import {
  csvDownload,
  csvTable,
  expectLineBreaksKept,
  LINE_BREAKS,
  xlsxDownload,
} from '../../../../test/spreadsheets.ts';
import { fixture } from '../../../platform/files/test-files.ts';
import {
  addQuestion,
  apply,
  categoryId,
  createEvent,
  platformWithEditor,
  post,
  registrationOf,
  setUpRegistration,
  standardFields,
  submit,
} from './test-helpers.ts';

let slug: string;
let q: { motivation: number; languages: number; years: number; portfolio: number; motivation2: number };
const ids: number[] = [];

const { hub, editor } = await platformWithEditor();

beforeAll(async () => {
  slug = await createEvent(editor, { title: 'Selection for the Khon Kaen training' });
  await setUpRegistration(editor, slug, { capacity: '10' });
  q = {
    motivation: await addQuestion(hub, editor, slug, { kind: 'long_text', label: 'Motivation' }),
    languages: await addQuestion(hub, editor, slug, {
      kind: 'multiple_choice',
      label: 'Languages',
      options: ['Lao', 'Thai', 'English'],
    }),
    years: await addQuestion(hub, editor, slug, { kind: 'number', label: 'Years of practice' }),
    portfolio: await addQuestion(hub, editor, slug, { kind: 'file', label: 'Portfolio' }),
    // The same label twice: the second column must still have a name of its own.
    motivation2: await addQuestion(hub, editor, slug, { kind: 'text', label: 'Motivation' }),
  };
  const creative = await categoryId(hub, slug, 'Creative industry representatives');
  const people = [
    {
      fields: standardFields({
        category_id: creative,
        [`q_${q.motivation}`]: 'ຂ້ອຍທໍຜ້າໄໝຢູ່ຫຼວງພະບາງ',
        [`q_${q.languages}`]: ['Lao', 'English'],
        [`q_${q.years}`]: '12',
      }),
      files: [
        {
          field: `q_${q.portfolio}`,
          name: 'portfolio.pdf',
          type: 'application/pdf',
          bytes: fixture('multilingual.pdf'),
        },
      ],
    },
    {
      fields: standardFields({
        name: 'Nguyen Van An',
        country: 'VN',
        gender: '',
        category_id: creative,
        [`q_${q.motivation}`]: '=HYPERLINK("http://example.com","click")',
      }),
      files: [],
    },
  ];
  for (const person of people) {
    const applicant = await hub.signedIn();
    const res = await apply(applicant.client, slug, person.fields, { files: person.files });
    expect(res.status).toBe(303);
    ids.push((await registrationOf(hub, slug, applicant.user.id))!.id);
  }
  // A draft, which reviewers never see.
  const drafter = await hub.signedIn();
  await apply(drafter.client, slug, standardFields({ name: 'Draft Only' }), { intent: 'save' });
  // The first application is accepted and scored.
  const criterion = await submit(editor, `/events/${slug}/registration/rubric`, {
    label: 'English proficiency',
    max_score: '5',
  });
  expect(criterion.status).toBe(303);
  const { id: criterionId } = await hub.deps.db
    .selectFrom('event_rubric_criteria')
    .select('id')
    .executeTakeFirstOrThrow();
  await editor.get(`/events/${slug}/applications/${ids[0]}`);
  const review = await post(editor, `/events/${slug}/applications/${ids[0]}/review`, {
    [`score_${criterionId}`]: '4',
    note: '',
  });
  expect(review.status).toBe(303);
  await editor.get(`/events/${slug}/applications/${ids[0]}`);
  const decided = await post(editor, `/events/${slug}/applications/${ids[0]}/decision`, {
    decision: 'accepted',
  });
  expect(decided.status).toBe(303);
}, 60_000);

describe('the applications export', () => {
  it('is linked from the list with the list’s filter', async () => {
    const page = await editor.get(`/events/${slug}/applications?status=accepted&sort=name`);
    expect(page.text).toContain(`/events/${slug}/applications.csv?status=accepted&amp;sort=name`);
    expect(page.text).toContain(`/events/${slug}/applications.xlsx?status=accepted&amp;sort=name`);
  });

  it('writes every submitted application with its answers as CSV', async () => {
    const { res } = await csvDownload(editor, `/events/${slug}/applications.csv`, `${slug}-applications.csv`);
    // The byte-order mark, so that spreadsheet programs read UTF-8.
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvTable(res.text);
    expect(header).toEqual([
      'id',
      'status',
      'submitted_at',
      'decided_at',
      'name',
      'email',
      'organisation',
      'organisation_kind',
      'country',
      'category',
      'gender',
      'networking_consent',
      'reviews',
      'average_score',
      'Motivation',
      'Languages',
      'Years of practice',
      'Portfolio',
      'Motivation (2)',
    ]);
    expect(rows).toHaveLength(2);
    const byName = new Map(rows.map((r) => [r[4], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect([...byName.keys()]).toEqual(['Vilayvanh Phommachanh', 'Nguyen Van An']);
    expect(byName.get('Vilayvanh Phommachanh')).toMatchObject({
      id: String(ids[0]),
      status: 'accepted',
      organisation: 'Lao Handicraft Association',
      organisation_kind: 'association',
      country: 'LA',
      category: 'Creative industry representatives',
      gender: 'woman',
      networking_consent: 'yes',
      reviews: '1',
      average_score: '4',
      Motivation: 'ຂ້ອຍທໍຜ້າໄໝຢູ່ຫຼວງພະບາງ',
      Languages: 'Lao; English',
      'Years of practice': '12',
      Portfolio: `${hub.deps.config.baseUrl}/events/${slug}/applications/${ids[0]}/files/${q.portfolio}`,
      'Motivation (2)': '',
    });
    expect(byName.get('Nguyen Van An')).toMatchObject({
      status: 'submitted',
      gender: '',
      reviews: '0',
      average_score: '',
      // A spreadsheet shows this as text instead of running it.
      Motivation: `'=HYPERLINK("http://example.com","click")`,
      Portfolio: '',
    });
  });

  it('follows the list’s status filter and order', async () => {
    const accepted = csvTable((await editor.get(`/events/${slug}/applications.csv?status=accepted`)).text);
    expect(accepted.slice(1).map((r) => r[4])).toEqual(['Vilayvanh Phommachanh']);
    const byName = csvTable((await editor.get(`/events/${slug}/applications.csv?sort=name`)).text);
    expect(byName.slice(1).map((r) => r[4])).toEqual(['Nguyen Van An', 'Vilayvanh Phommachanh']);
  });

  it('writes the same table as XLSX', async () => {
    const sheet = await xlsxDownload(editor, `/events/${slug}/applications.xlsx`);
    expect(sheet.name).toBe('Applications');
    expect(sheet.getRow(1).getCell(15).value).toBe('Motivation');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(5).value).toBe('Vilayvanh Phommachanh');
    expect(sheet.getRow(2).getCell(17).value).toBe(12);
  });

  it('is refused to visitors and to members who do not review the event', async () => {
    const visitor = await hub.client().get(`/events/${slug}/applications.csv`);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toMatch(/^\/login\?next=/);
    const member = (await hub.signedIn()).client;
    const refused = await member.get(`/events/${slug}/applications.xlsx`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('text/html');
  });
});

describe('line breaks in an answer', () => {
  // Last in the file: it adds an application the tests above do not count.
  it('keep a long answer typed on several lines in one cell of its application’s row', async () => {
    const applicant = await hub.signedIn();
    const fields = standardFields({
      name: 'Chanthavy Keo',
      category_id: await categoryId(hub, slug, 'Creative industry representatives'),
      [`q_${q.motivation}`]: LINE_BREAKS,
    });
    const res = await apply(applicant.client, slug, fields);
    expect(res.status, visibleText(res.text).slice(0, 600)).toBe(303);
    const rows = await expectLineBreaksKept(editor, `/events/${slug}/applications.csv`, 'Motivation');
    expect(rows.find((r) => r.Motivation === LINE_BREAKS)?.name).toBe('Chanthavy Keo');
  });
});
