// The report form's and the decision's schemas without a database: what each accepts, and the
// message of each refusal.
import { describe, expect, it } from 'vitest';
import { outcome } from '../../../test/schemas.ts';
import { decisionSchema, reportInputSchema } from './schemas.ts';

const report = { type: 'organisation', key: 'stella', reason: 'incorrect', message: '' };

describe('reportInputSchema', () => {
  it.each([
    ['no details', report, { ok: { ...report, message: null } }],
    [
      'details on several lines, trimmed',
      { ...report, message: ' Moved.\nNew street. ' },
      { ok: { ...report, message: 'Moved.\nNew street.' } },
    ],
    ['no reason', { ...report, reason: '' }, { errors: { reason: 'moderation.chooseReason' } }],
    [
      'a reason not in the list',
      { ...report, reason: 'boring' },
      { errors: { reason: 'moderation.chooseReason' } },
    ],
    [
      'details of 2001 characters',
      { ...report, message: 'x'.repeat(2001) },
      { errors: { message: 'form.tooLong' } },
    ],
    [
      'a control character in the details',
      { ...report, message: 'bell\u0007' },
      { errors: { message: 'form.badCharacter' } },
    ],
    ['a key on two lines', { ...report, key: 'stella\nx' }, { errors: { key: 'form.oneLine' } }],
  ])('%s', (_case, input, expected) => {
    expect(outcome(reportInputSchema, input)).toEqual(expected);
  });
});

describe('decisionSchema', () => {
  it.each([
    [
      'resolved with a note',
      { status: 'resolved', note: ' Fixed. ' },
      { ok: { status: 'resolved', note: 'Fixed.' } },
    ],
    ['dismissed without one', { status: 'dismissed', note: '' }, { ok: { status: 'dismissed', note: null } }],
    ['anything else', { status: 'deleted' }, { errors: { status: 'moderation.badDecision' } }],
    [
      'a note of 1001 characters',
      { status: 'resolved', note: 'x'.repeat(1001) },
      { errors: { note: 'form.tooLong' } },
    ],
  ])('%s', (_case, input, expected) => {
    expect(outcome(decisionSchema, input)).toEqual(expected);
  });
});
