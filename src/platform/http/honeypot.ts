// A honeypot: a text field people never see or fill, which programs that fill every field do. A form
// that shows <HoneypotField /> (ui/components/honeypot.tsx) gets the check for free, since
// readForm() refuses any form where it is filled: nothing is stored, no draft needs keeping (no
// person typed it). It stops the crude bots that find a new hub; the rate limits and the new-member
// limits stop the rest.
import { HttpError } from './errors.ts';

/** A name that bots take for a real field; no form of the platform has a field of that name. */
export const HONEYPOT_FIELD = 'contact_website';

/** Refuses (400) a form in which the honeypot is filled; otherwise takes it out of the values. */
export function refuseHoneypot(values: Record<string, unknown>): void {
  const bait = values[HONEYPOT_FIELD];
  delete values[HONEYPOT_FIELD];
  if (typeof bait === 'string' ? bait.trim() !== '' : bait !== undefined)
    throw new HttpError(400, 'form.honeypot');
}
