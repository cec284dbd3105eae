// The schema of an answer set built from the questions, without a database: each kind takes its
// answers and refuses what it cannot take, required questions must be answered, a question whose
// condition is not met is neither required nor kept, hidden questions keep what they had, drafts
// keep what was typed, and stored answers go back into the form as they were sent.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../http/forms.ts';
import {
  answerFormValues,
  answersSchema,
  askedQuestions,
  checkAnswers,
  draftAnswers,
  type FileAnswer,
} from './answers.ts';
import type { Question } from './questions.ts';
import type { QuestionKind } from './vocab.ts';

const question = (id: number, kind: QuestionKind, extra: Partial<Question> = {}): Question => ({
  id,
  position: id,
  kind,
  label: `Question ${id}`,
  help: '',
  required: false,
  choices: [],
  hidden: false,
  condition: null,
  translations: [],
  ...extra,
});

const cv: FileAnswer = { hash: 'a'.repeat(64), name: 'cv.pdf', mime: 'application/pdf', size: 1200 };

/** The answer to one question of `kind`, or the message it gets. */
function one(kind: QuestionKind, raw: unknown, extra: Partial<Question> = {}) {
  const result = answersSchema([question(1, kind, extra)]).safeParse({ q_1: raw });
  return result.success ? { answer: result.data['1'] } : { error: fieldErrors(result.error.issues).q_1 };
}

describe('each kind of answer', () => {
  const domains = { choices: ['Crafts', 'Design', 'Music'] };
  it.each([
    ['text', ' Weaving ', {}, 'Weaving'],
    ['text', 'two\nlines', {}, { error: 'form.oneLine' }],
    ['text', 'x'.repeat(501), {}, { error: 'form.tooLong' }],
    ['long_text', 'two\nlines', {}, 'two\nlines'],
    ['long_text', 'x'.repeat(5001), {}, { error: 'form.tooLong' }],
    ['long_text', 42, {}, { error: 'form.invalid' }],
    ['single_choice', 'Design', domains, 'Design'],
    ['single_choice', 'Painting', domains, { error: 'questionnaire.answer.choice' }],
    ['multiple_choice', ['Music', 'Crafts'], domains, ['Crafts', 'Music']],
    ['multiple_choice', 'Music', domains, ['Music']],
    ['multiple_choice', ['Crafts', 'Khmer'], domains, { error: 'questionnaire.answer.choice' }],
    ['yes_no', 'no', {}, false],
    ['yes_no', true, {}, true],
    ['yes_no', 'maybe', {}, { error: 'questionnaire.answer.choice' }],
    ['number', '2,5', {}, 2.5],
    ['number', '-12', {}, -12],
    ['number', 7, {}, 7],
    ['number', 'twelve', {}, { error: 'questionnaire.answer.number' }],
    ['date', '2031-02-28', {}, '2031-02-28'],
    ['date', '2031-02-30', {}, { error: 'questionnaire.answer.date' }],
    ['rating', '4', {}, 4],
    ['rating', 5, {}, 5],
    ['rating', '7', {}, { error: 'questionnaire.answer.rating' }],
    ['rating', 'great', {}, { error: 'questionnaire.answer.rating' }],
    ['rating', true, {}, { error: 'questionnaire.answer.rating' }],
    ['rating', 3.5, {}, { error: 'questionnaire.answer.rating' }],
    ['file', cv, {}, cv],
    ['file', 'cv.pdf', {}, { error: 'form.invalid' }],
  ] as const)('%s: %j', (kind, raw, extra, expected) => {
    const result = one(kind, raw, extra);
    expect(result).toEqual(
      typeof expected === 'object' && 'error' in expected ? expected : { answer: expected },
    );
  });
});

describe('required questions', () => {
  it.each([
    ['text', '   ', 'form.required'],
    ['multiple_choice', [], 'form.required'],
    ['rating', null, 'form.required'],
    ['file', undefined, 'questionnaire.answer.fileNeeded'],
  ] as const)('%s left as %j is refused with %s', (kind, raw, message) => {
    expect(one(kind, raw, { required: true, choices: ['A', 'B'] })).toEqual({ error: message });
  });

  it('are not refused when left out but optional, and nothing is kept', () => {
    expect(answersSchema([question(1, 'number')]).parse({ q_1: '' })).toEqual({});
  });
});

describe('conditions', () => {
  const business = question(1, 'yes_no', { required: true });
  const employees = question(2, 'number', { required: true, condition: { question: 1, values: ['yes'] } });
  const sector = question(3, 'single_choice', {
    choices: ['Crafts', 'Design'],
    condition: { question: 2, values: ['10'] },
  });
  const form = [business, employees, sector];

  it.each([
    ['the answer it waits for', { q_1: 'yes', q_2: '12' }, { ok: true, answers: { '1': true, '2': 12 } }],
    [
      'the answer it waits for, and it is left empty',
      { q_1: 'yes' },
      { ok: false, errors: { q_2: 'form.required' } },
    ],
    ['another answer: not required', { q_1: 'no' }, { ok: true, answers: { '1': false } }],
    [
      'another answer: what was typed anyway is not kept, even when wrong',
      { q_1: 'no', q_2: 'many', q_3: 'Painting' },
      { ok: true, answers: { '1': false } },
    ],
    [
      'a chain: asked only when the question it waits for is asked and answered so',
      { q_1: 'yes', q_2: '10', q_3: 'Design' },
      { ok: true, answers: { '1': true, '2': 10, '3': 'Design' } },
    ],
  ] as const)('%s', (_, values, expected) => {
    expect(checkAnswers(form, values, new Map(), {})).toEqual(expected);
  });

  it('names the questions asked, whatever the order of the list', () => {
    const answers: Record<number, unknown> = { 1: true, 2: 10 };
    expect([...askedQuestions([sector, employees, business], (q) => answers[q.id])].sort()).toEqual([
      1, 2, 3,
    ]);
    expect([...askedQuestions(form, () => undefined)]).toEqual([1]);
  });

  it('shows nothing that waits on a loop of conditions or a question gone', () => {
    const loop = [
      question(1, 'yes_no', { condition: { question: 2, values: ['yes'] } }),
      question(2, 'yes_no', { condition: { question: 1, values: ['yes'] } }),
      question(3, 'text', { condition: { question: 99, values: ['yes'] } }),
    ];
    expect([...askedQuestions(loop, () => 'yes')]).toEqual([]);
  });
});

describe('hidden questions', () => {
  it('are not asked, and keep the answer given before they were hidden', () => {
    const form = [question(1, 'text', { required: true, hidden: true }), question(2, 'number')];
    expect(
      checkAnswers(form, { q_1: 'typed anyway', q_2: '3' }, new Map(), { '1': 'given earlier' }),
    ).toEqual({
      ok: true,
      answers: { '1': 'given earlier', '2': 3 },
    });
  });
});

describe('field names', () => {
  it('follow the owner’s prefix', () => {
    const result = checkAnswers(
      [question(12, 'rating', { required: true })],
      {},
      new Map(),
      {},
      { prefix: 'q' },
    );
    expect(result).toEqual({ ok: false, errors: { q12: 'form.required' } });
  });
});

describe('drafts', () => {
  const form = [
    question(3, 'single_choice', { choices: ['Crafts', 'Design'] }),
    question(6, 'number'),
    question(7, 'date'),
    question(8, 'file'),
    question(9, 'text', { condition: { question: 3, values: ['Design'] } }),
  ];

  it('keep every answer as typed, wrong ones included, and the file already sent', () => {
    const draft = draftAnswers(
      form,
      { q_6: 'twelve', q_7: 'soon', q_3: 'Painting', q_9: 'x' },
      new Map([[8, cv]]),
      {},
    );
    expect(draft).toEqual({ '3': 'Painting', '6': 'twelve', '7': 'soon', '8': cv });
  });

  it('keep the answer to a question whose condition is met', () => {
    expect(draftAnswers(form, { q_3: 'Design', q_9: 'Posters' }, new Map(), {})).toEqual({
      '3': 'Design',
      '9': 'Posters',
    });
  });

  it('come back into the form as they were sent', () => {
    const values = answerFormValues(
      [
        question(1, 'text'),
        question(4, 'multiple_choice'),
        question(5, 'yes_no'),
        question(6, 'number'),
        question(8, 'file'),
      ],
      { '1': 'Weaving', '4': ['Lao'], '5': true, '6': 2.5, '8': cv },
    );
    expect(values).toEqual({ q_1: 'Weaving', q_4: ['Lao'], q_5: 'yes', q_6: '2.5' });
  });
});
