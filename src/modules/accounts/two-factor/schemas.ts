// The forms of two-factor sign-in.
import { z } from 'zod';

/** Six digits from the app, or a recovery code (spaces and dashes allowed). */
const codeField = z.string('form.required').trim().min(1, 'form.required').max(30, 'twoFactor.wrongCode');
const passwordField = z.string().max(256, 'form.tooLong');

export const codeSchema = z.object({ code: codeField });
export const renewSchema = z.object({ current_password: passwordField.min(1, 'form.required') });
/** Turning it off: the password or a current code (either may be left empty). */
export const disableSchema = z.object({
  current_password: passwordField.default(''),
  code: z.string().trim().max(30, 'twoFactor.wrongCode').default(''),
});
