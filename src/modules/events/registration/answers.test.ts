// The rules of the organiser's questions, without a database: each kind refuses what it cannot
// take, a required question must be answered, hidden questions keep what they had, and a draft
// keeps whatever was typed.
import { describe, expect, it } from 'vitest';
import { answerFormValues, checkAnswers, draftAnswers, type FileAnswer, type FormField } from './answers.ts';

const field = (id: number, kind: FormField['kind'], extra: Partial<FormField> = {}): FormField => ({
  id,
  position: id,
  kind,
  label: `Question ${id}`,
  help: '',
  required: false,
  options: [],
  hidden: false,
  ...extra,
});

const form = [
  field(1, 'text', { required: true }),
  field(2, 'long_text'),
  field(3, 'single_choice', { options: ['Crafts', 'Design', 'Music'] }),
  field(4, 'multiple_choice', { options: ['Lao', 'Thai', 'English'] }),
  field(5, 'yes_no', { required: true }),
  field(6, 'number'),
  field(7, 'date'),
  field(8, 'file', { required: true }),
];
const cv: FileAnswer = { hash: 'a'.repeat(64), name: 'cv.pdf', mime: 'application/pdf', size: 1200 };
const files = new Map([[8, cv]]);

describe('checking the answers to a submission', () => {
  it('takes each kind of answer in its typed form', () => {
    const result = checkAnswers(
      form,
      { q_1: ' Weaving ', q_3: 'Design', q_4: ['English', 'Lao'], q_5: 'no', q_6: '2,5', q_7: '2031-02-28' },
      files,
      {},
    );
    expect(result).toEqual({
      ok: true,
      answers: {
        '1': 'Weaving',
        '3': 'Design',
        '4': ['Lao', 'English'],
        '5': false,
        '6': 2.5,
        '7': '2031-02-28',
        '8': cv,
      },
    });
  });

  it('refuses text in a number field, a date that is not a date and a choice not offered', () => {
    const result = checkAnswers(
      form,
      { q_1: 'x', q_3: 'Painting', q_4: ['Lao', 'Khmer'], q_5: 'maybe', q_6: 'twelve', q_7: '2031-02-30' },
      files,
      {},
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        q_3: 'registration.answer.choice',
        q_4: 'registration.answer.choice',
        q_5: 'registration.answer.choice',
        q_6: 'registration.answer.number',
        q_7: 'registration.answer.date',
      },
    });
  });

  it('asks for every required answer, a file included', () => {
    const result = checkAnswers(form, { q_1: '   ', q_6: '' }, new Map(), {});
    expect(result).toEqual({
      ok: false,
      errors: { q_1: 'form.required', q_5: 'form.required', q_8: 'registration.answer.fileNeeded' },
    });
  });

  it('refuses a text longer than its kind takes', () => {
    const result = checkAnswers([field(1, 'text')], { q_1: 'x'.repeat(501) }, new Map(), {});
    expect(result).toEqual({ ok: false, errors: { q_1: 'form.tooLong' } });
  });

  it('does not ask a hidden question, and keeps the answer given before it was hidden', () => {
    const hidden = [field(1, 'text', { required: true, hidden: true }), field(2, 'number')];
    const result = checkAnswers(hidden, { q_1: 'typed anyway', q_2: '3' }, new Map(), {
      '1': 'given earlier',
    });
    expect(result).toEqual({ ok: true, answers: { '1': 'given earlier', '2': 3 } });
  });
});

describe('drafts', () => {
  it('keep every answer as typed, wrong ones included, and the file already sent', () => {
    const draft = draftAnswers(form, { q_6: 'twelve', q_7: 'soon', q_3: 'Painting' }, new Map(), { '8': cv });
    expect(draft).toEqual({ '3': 'Painting', '6': 'twelve', '7': 'soon', '8': cv });
  });

  it('come back into the form as they were sent', () => {
    const values = answerFormValues(form, { '1': 'Weaving', '4': ['Lao'], '5': true, '6': 2.5, '8': cv });
    expect(values).toEqual({ q_1: 'Weaving', q_4: ['Lao'], q_5: 'yes', q_6: '2.5' });
  });
});
