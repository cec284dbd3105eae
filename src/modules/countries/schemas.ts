// The status form (and the API's PATCH body): one schema for both, so a bad date or address is the
// same 422 on the page (the draft shown again) and in the API.
import { z } from '@hono/zod-openapi';
import { checkbox, optionalChoice, optionalDate, optionalUrl, text } from '../../platform/http/fields.ts';
import type { FormValues } from '../../platform/http/forms.ts';
import { todayUtc } from '../../platform/time.ts';
import type { CountryStatus } from './access.ts';
import { CONVENTION_ADOPTED, INSTRUMENTS } from './vocab.ts';

export const statusObject = z.object({
  party: checkbox().describe('Whether the country is a Party to the 2005 Convention'),
  party_since: optionalDate().describe('YYYY-MM-DD: the day it became a Party, when a source gives it'),
  instrument: optionalChoice(INSTRUMENTS).describe(INSTRUMENTS.join(', ')),
  source_url: optionalUrl(500).describe('Where the status can be checked (UNESCO’s list of Parties)'),
  note: text(1_000),
});

/** A date only for a Party, never before the Convention was adopted nor in the future. */
function checkStatus(input: z.infer<typeof statusObject>, ctx: z.RefinementCtx) {
  const since = input.party_since;
  if (since && !input.party)
    ctx.addIssue({ code: 'custom', path: ['party_since'], message: 'countries.sinceWithoutParty' });
  else if (since && (since < CONVENTION_ADOPTED || since > todayUtc()))
    ctx.addIssue({ code: 'custom', path: ['party_since'], message: 'countries.sinceOutOfRange' });
  if (input.instrument && !input.party)
    ctx.addIssue({ code: 'custom', path: ['instrument'], message: 'countries.sinceWithoutParty' });
}

export const statusInput = statusObject.superRefine(checkStatus);
export type StatusInput = z.infer<typeof statusObject>;

/** A saved status as input: what PATCH merges the sent fields onto. */
export function inputOf(status: CountryStatus | null): StatusInput {
  return {
    party: status?.party === 1,
    party_since: status?.party_since ?? null,
    instrument: status?.instrument ?? null,
    source_url: status?.source_url ?? null,
    note: status?.note ?? '',
  };
}

/** A saved status as the form shows it. */
export function formValuesOf(status: CountryStatus | null): FormValues {
  const input = inputOf(status);
  return {
    ...(input.party ? { party: '1' } : {}),
    party_since: input.party_since ?? '',
    instrument: input.instrument ?? '',
    source_url: input.source_url ?? '',
    note: input.note,
  };
}
