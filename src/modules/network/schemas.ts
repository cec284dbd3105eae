// The network's inputs, one schema each for the page's form, the API body and the OpenAPI document:
// a request to connect (to whom, an optional note), a message (to whom, its text), and the filters
// of "Find a partner".
import { z } from 'zod';
import { country, LANG_TAG, recordId, requiredText, text } from '../../platform/http/fields.ts';
import { choiceFilter, optionalFilter } from '../../platform/http/list-filters.ts';
import { DOMAINS, ORGANISATION_KINDS } from '../../platform/vocabularies.ts';
import { MESSAGE_MAX, REQUEST_NOTE_MAX } from './vocab.ts';

export const requestSchema = z.object({
  to: recordId('network.unknownMember'),
  message: text(REQUEST_NOTE_MAX).transform((s) => s.trim()),
});
export type RequestInput = z.output<typeof requestSchema>;

/** A message as a page's form sends it (to whom is the page's conversation). */
export const messageBodySchema = z.object({ body: requiredText(MESSAGE_MAX) });

export const messageSchema = messageBodySchema.extend({ to: recordId('network.unknownMember') });
export type MessageInput = z.output<typeof messageSchema>;

/** "Find a partner": the filters in the URL, so a saved search is its address. */
export const partnerFilterSchema = z.object({
  domain: choiceFilter(DOMAINS),
  country: optionalFilter(country()),
  kind: choiceFilter(ORGANISATION_KINDS),
  language: optionalFilter(z.string().regex(LANG_TAG)),
});
export type PartnerFilter = z.output<typeof partnerFilterSchema>;
