// An XLSForm with English and Lao labels, a choice list and a relevant condition: imported (what
// cannot carry over listed), answered through the pages, exported and read back equal; and the
// refusals of the import (visitor, not an XLSForm, another organisation).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { platformForFile, visibleText } from '../../../test/harness.ts';
import { joinOrganisation, organisationId } from '../../../test/organisations.ts';
import { csvDownload } from '../../../test/spreadsheets.ts';
import { itemsOf, start } from './test-helpers.ts';
import { readXlsForm, type XlsForm } from './xlsform/format.ts';

/** XLSForm's own syntax for "the answer to craft". */
const CRAFT_IS_OTHER = ['$', "{craft} = 'other'"].join('');

const hub = await platformForFile({ seed: ['directory'] });
const { client: manager, user } = await hub.signedIn('member');
await joinOrganisation(hub, user.id, 'stella', 'owner');
const { client: outsider } = await hub.signedIn('member');

async function crafts(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('survey');
  survey.addRows([
    ['type', 'name', 'label::English (en)', 'label::Lao (lo)', 'required', 'relevant', 'constraint'],
    ['select_one crafts', 'craft', 'What do you make?', 'ທ່ານເຮັດຫຍັງ?', 'yes', '', ''],
    ['text', 'other_craft', 'Which other craft?', 'ຫັດຖະກຳອື່ນໃດ?', 'yes', CRAFT_IS_OTHER, ''],
    ['integer', 'years', 'Years of practice', 'ຈຳນວນປີທີ່ປະຕິບັດ', '', '', '. > 0'],
    ['geopoint', 'place', 'Where do you work?', 'ທ່ານເຮັດວຽກຢູ່ໃສ?', '', '', ''],
  ]);
  const choices = wb.addWorksheet('choices');
  choices.addRows([
    ['list_name', 'name', 'label::English (en)', 'label::Lao (lo)'],
    ['crafts', 'weaving', 'Weaving', 'ການຕ່ຳແຜ່ນ'],
    ['crafts', 'pottery', 'Pottery', 'ເຄື່ອງປັ້ນດິນເຜົາ'],
    ['crafts', 'other', 'Other', 'ອື່ນໆ'],
  ]);
  wb.addWorksheet('settings').addRows([
    ['form_title', 'form_id', 'default_language'],
    ['Crafts of Luang Prabang', 'crafts', 'English (en)'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The questions of a form as what must survive: type (with its choices), name, labels, required, relevant. */
const questionsOf = (form: XlsForm) =>
  form.rows
    .filter((r) => !/group/.test(r.type))
    .map((r) => {
      const [type, list] = r.type.split(' ');
      return {
        type: type === 'integer' || type === 'decimal' ? 'number' : type,
        name: r.name,
        labels: r.labels,
        required: r.required,
        relevant: r.relevant,
        choices: form.choices
          .filter((c) => c.listName === list)
          .map((c) => ({ name: c.name, labels: c.labels })),
      };
    });

const upload = (client: typeof manager, bytes: Uint8Array, fields: Record<string, string>) =>
  client.request('/skills/surveys/import', {
    multipart: {
      fields,
      files: [
        {
          field: 'file',
          name: 'crafts.xlsx',
          bytes,
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        },
      ],
    },
  });

describe('an XLSForm', () => {
  it('is imported, answered, exported and read back equal', async () => {
    const bytes = await crafts();
    const stella = `organisation:${await organisationId(hub, 'stella')}`;
    await manager.get('/skills/surveys/import');
    const res = await upload(manager, bytes, { owner: stella, framework: 'digcomp-2-2-creative', title: '' });
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    // What could not carry over is listed: the geopoint question and the constraint it cannot check.
    expect(text).toContain('2 things could not carry over');
    expect(text).toContain('Row 5: a question type this hub does not ask geopoint');
    expect(text).toContain('Row 4: a constraint this hub does not check . > 0');
    const slug = /href="\/skills\/surveys\/([a-z0-9-]+)"/.exec(res.text)?.[1] as string;
    await manager.get(`/skills/surveys/${slug}`);
    await manager.request(`/skills/surveys/${slug}/status`, { form: { status: 'open' } });

    const token = await start(hub.client(), slug);
    const items = await itemsOf(hub, slug);
    const q = Object.fromEntries(items.map((i) => [i.field, `q_${i.question_id}`]));
    const respondent = hub.client();
    const lao = await respondent.get(`/skills/r/${token}/0?lang=lo`);
    expect(visibleText(lao.text)).toContain('ທ່ານເຮັດຫຍັງ?');
    expect(visibleText(lao.text)).toContain('ເຄື່ອງປັ້ນດິນເຜົາ');
    // The relevant condition: "other" asks which craft, and then it is required.
    const missing = await respondent.request(`/skills/r/${token}/0`, {
      form: { [q.craft as string]: 'other', [q.years as string]: '12', submit: '1' },
    });
    expect(missing.status).toBe(422);
    const sent = await respondent.request(`/skills/r/${token}/0`, {
      form: {
        [q.craft as string]: 'other',
        [q.other_craft as string]: 'Bamboo',
        [q.years as string]: '12',
        submit: '1',
      },
    });
    expect(sent.status).toBe(303);
    const answers = await csvDownload(manager, `/skills/surveys/${slug}/answers.csv`, `${slug}-answers`);
    expect(answers.rows[0]).toMatchObject({
      'What do you make?': 'other',
      'Which other craft?': 'Bamboo',
      'Years of practice': '12',
    });

    const exported = await manager.get(`/skills/surveys/${slug}/xlsform.xlsx`);
    expect(exported.status).toBe(200);
    const back = await readXlsForm(exported.bytes);
    const original = await readXlsForm(bytes);
    expect(back?.problems).toEqual([]);
    expect(back?.form.language).toBe('en');
    expect(back?.form.title).toBe('Crafts of Luang Prabang');
    const kept = questionsOf(original?.form as XlsForm).filter((r) => r.name !== 'place');
    expect(questionsOf(back?.form as XlsForm)).toEqual(kept);
    expect(kept[1]?.relevant).toBe(CRAFT_IS_OTHER);
    expect(kept[0]?.choices[1]).toEqual({ name: 'pottery', labels: { en: 'Pottery', lo: 'ເຄື່ອງປັ້ນດິນເຜົາ' } });
    expect((await outsider.get(`/skills/surveys/${slug}/xlsform.xlsx`)).status).toBe(403);
  });

  it('refuses a visitor, a file that is not an XLSForm, and an organisation one does not run', async () => {
    const visitor = hub.client();
    expect((await visitor.get('/skills/surveys/import')).status).toBe(303);
    const stella = `organisation:${await organisationId(hub, 'stella')}`;
    await manager.get('/skills/surveys/import');
    const notForm = await upload(manager, new TextEncoder().encode('type,name\ntext,a\n'), {
      owner: stella,
      framework: 'digcomp-2-2-creative',
      title: 'Kept title',
    });
    expect(notForm.status).toBe(422);
    expect(visibleText(notForm.text)).toContain('This is not an XLSForm');
    expect(notForm.text).toContain('Kept title');
    await outsider.get('/skills/surveys/import');
    const foreign = await upload(outsider, await crafts(), {
      owner: stella,
      framework: 'digcomp-2-2-creative',
      title: '',
    });
    expect(foreign.status).toBe(422);
  });
});
