// Questions without a database: what a reader of each language sees (a translation where there
// is one, the original otherwise, choices still answered by their original wording), the builder's
// input (kinds offered, choices, conditions, translation rows) and the export's column headings.
import { describe, expect, it } from 'vitest';
import { translationRows } from '../../../test/forms.ts';
import { fieldErrors } from '../http/forms.ts';
import { questionHeadings } from './export.ts';
import { localised, type Question } from './questions.ts';
import { formValuesOf, inputOf, questionSchema } from './schemas.ts';

const domain: Question = {
  id: 4,
  position: 0,
  kind: 'single_choice',
  label: 'Your domain',
  help: 'The one you work in most.',
  required: true,
  choices: ['Crafts', 'Design'],
  hidden: false,
  condition: null,
  translations: [
    { lang: 'lo', label: 'ຂົງເຂດຂອງທ່ານ', help: '', choices: ['ຫັດຖະກຳ', 'ການອອກແບບ'] },
    { lang: 'vi', label: 'Lĩnh vực của bạn', help: 'Lĩnh vực bạn làm nhiều nhất.', choices: [] },
  ],
};

describe('a question in the reader’s language', () => {
  it.each([
    ['lo', 'ຂົງເຂດຂອງທ່ານ', 'The one you work in most.', ['ຫັດຖະກຳ', 'ການອອກແບບ'], 'lo'],
    ['vi', 'Lĩnh vực của bạn', 'Lĩnh vực bạn làm nhiều nhất.', ['Crafts', 'Design'], 'vi'],
    ['th', 'Your domain', 'The one you work in most.', ['Crafts', 'Design'], undefined],
  ])('%s', (locale, label, help, choiceLabels, lang) => {
    const shown = localised(domain, locale);
    expect(shown).toMatchObject({ label, help, lang });
    expect(shown.choices.map((c) => c.label)).toEqual(choiceLabels);
    // The answer stays the original choice, whatever the reader saw.
    expect(shown.choices.map((c) => c.value)).toEqual(['Crafts', 'Design']);
  });
});

describe('the builder’s input', () => {
  const schema = questionSchema(['text', 'single_choice', 'multiple_choice', 'yes_no']);
  const parse = (values: Record<string, unknown>) => {
    const result = schema.safeParse({ kind: 'text', label: 'A question', ...values });
    return result.success ? { ok: result.data } : { errors: fieldErrors(result.error.issues) };
  };

  it.each([
    ['a kind the owner does not offer', { kind: 'rating' }, { kind: 'form.invalid' }],
    ['no label', { label: '  ' }, { label: 'form.required' }],
    ['a label on two lines', { label: 'Two\nlines' }, { label: 'form.oneLine' }],
    [
      'one choice',
      { kind: 'single_choice', options: 'Only one' },
      { options: 'questionnaire.choicesNeeded' },
    ],
    [
      'the same choice twice',
      { kind: 'multiple_choice', options: 'Yes\nyes' },
      { options: 'questionnaire.duplicateChoice' },
    ],
    ['a condition that is not one', { condition: 'soon' }, { condition: 'questionnaire.badCondition' }],
    [
      'two translations into one language',
      { tr_lang: ['lo', 'lo'], tr_label: ['ກ', 'ຂ'] },
      { translations: 'translations.twice' },
    ],
    [
      'a translation into no UI language',
      { tr_lang: ['xx'], tr_label: ['?'] },
      { translations: 'translations.language' },
    ],
    [
      'translated choices that do not match',
      { kind: 'single_choice', options: 'A\nB', tr_lang: ['lo'], tr_label: ['ກ'], tr_options: ['ກ'] },
      { translations: 'questionnaire.translatedChoices' },
    ],
  ])('refuses %s', (_, values, errors) => {
    expect(parse(values)).toEqual({ errors: expect.objectContaining(errors) });
  });

  it('reads choices one per line, a condition from its select, and translation rows (empty ones dropped)', () => {
    const result = parse({
      kind: 'multiple_choice',
      options: ' Lao \n\nEnglish\r\n',
      required: '1',
      condition: '3:Design: graphic',
      ...translationRows({ lang: 'lo', label: 'ພາສາ', help: '', options: 'ລາວ\nອັງກິດ' }, {}),
    });
    expect(result).toEqual({
      ok: {
        kind: 'multiple_choice',
        label: 'A question',
        help: '',
        required: true,
        hidden: false,
        options: ['Lao', 'English'],
        condition: { question: 3, values: ['Design: graphic'] },
        translations: [{ lang: 'lo', label: 'ພາສາ', help: '', options: ['ລາວ', 'ອັງກິດ'] }],
      },
    });
  });

  it('drops the choices of a kind that has none', () => {
    expect(parse({ kind: 'yes_no', options: 'A\nB' })).toMatchObject({ ok: { options: [] } });
  });

  it('reads a saved question back as it was written', () => {
    expect(schema.parse(formValuesOf(domain))).toEqual(inputOf(domain));
  });
});

describe('export headings', () => {
  it('give every column a name of its own', () => {
    const q = (id: number, label: string) => ({ ...domain, id, label });
    expect(questionHeadings([q(1, 'Motivation'), q(2, 'name'), q(3, 'Motivation')], ['id', 'name'])).toEqual([
      'Motivation',
      'name (2)',
      'Motivation (2)',
    ]);
  });
});
