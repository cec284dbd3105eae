// What a refused request looks like to the one who sent it, for the integration tests: a form sent
// back to be corrected (422) with each message shown and what was typed kept; the two messages of a
// line or a text with control characters; and the API's 422 with the message under `errors`.
import { expect } from 'vitest';
import { type Sent, visibleText } from './harness.ts';

/** The message of a single-line field holding a line break, a tab or another control character. */
export const ONE_LINE = 'Write this on one line, without tabs or control characters.';
/** The message of a text holding an invisible control character (U+0000 and the like). */
export const CONTROL_CHARACTER = 'This text contains an invisible control character.';

/**
 * A form sent back to be corrected: 422, each of `messages` in what the reader sees, and each of
 * `kept` (what was typed, as the page's HTML holds it: `value="…"`, a text area's content, an
 * error's id) still in the page.
 */
export function expectFormRefused(res: Sent, messages: string[], kept: string[] = []): void {
  const text = visibleText(res.text);
  expect(res.status, text.slice(0, 400)).toBe(422);
  for (const message of messages) expect(text).toContain(message);
  for (const typed of kept) expect(res.text).toContain(typed);
}

/** An API answer refusing `field` as a line with control characters: 422, "one line" under errors. */
export function expectOneLineError(res: Sent, field: string): void {
  expect(res.status).toBe(422);
  expect(JSON.parse(res.text).errors[field]).toContain('one line');
}
