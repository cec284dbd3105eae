// One schema per account form, built from the platform's fields; the API's body is made of the same
// fields. Messages are message keys (the platform's form.* or the module's own).
import { z } from 'zod';
import type { User } from '../../db/schema.ts';
import { isLocale } from '../../locales/index.ts';
import { blankToNull, line } from '../../platform/http/fields.ts';
import { isTimeZone } from '../../platform/time.ts';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

/**
 * An email address as typed: trimmed, and refused when empty, too long or not an address. Accounts
 * compare addresses without case (normaliseEmail in access.ts).
 */
export const emailField = z
  .string('form.required')
  .trim()
  .min(1, 'form.required')
  .max(254, 'form.tooLong')
  .pipe(z.email('form.invalidEmail'));

/** A person's name (or a token's): one line, at most 100 characters. */
export const nameField = line(100);

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, 'accounts.passwordTooShort')
  .max(PASSWORD_MAX, 'form.tooLong');

const anyPassword = z.string().min(1, 'form.required').max(PASSWORD_MAX, 'form.tooLong');

export const localeField = z.string().refine(isLocale, 'form.unknownLocale');
export const timeZoneField = z.string().max(64, 'form.tooLong').refine(isTimeZone, 'account.unknownTimeZone');

/** A language or time zone of one's own, or none ('' on the form, null in JSON): follow the hub's. */
const ownLocale = z.preprocess(blankToNull, localeField.nullable());
const ownTimeZone = z.preprocess(blankToNull, timeZoneField.nullable());

export const registerSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'form.required').max(254, 'form.tooLong'),
  password: anyPassword,
  next: z.string().max(2000).optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** The forms that only ask for an address: a forgotten password, a new verification link. */
export const emailOnlySchema = z.object({ email: emailField });

export const resetSchema = z.object({
  token: z.string().min(1).max(100),
  password: newPasswordField,
});
export type ResetInput = z.infer<typeof resetSchema>;

export const profileSchema = z.object({ name: nameField, locale: ownLocale, time_zone: ownTimeZone });
export type ProfileInput = z.infer<typeof profileSchema>;

/** The profile as it is saved: what PATCH /api/v1/me merges its changes onto. */
export function inputOf(user: User): ProfileInput {
  return { name: user.name, locale: isLocale(user.locale) ? user.locale : null, time_zone: user.time_zone };
}

/** The same fields under the API's names (its JSON says timeZone), each optional. */
export const accountUpdateSchema = z
  .object({
    name: profileSchema.shape.name,
    locale: profileSchema.shape.locale,
    timeZone: profileSchema.shape.time_zone,
  })
  .partial();
export type AccountUpdate = z.infer<typeof accountUpdateSchema>;

/** An API body as the profile form's fields. */
export function profileFieldsOf(update: AccountUpdate): Partial<ProfileInput> {
  const { timeZone, ...rest } = update;
  return timeZone === undefined ? rest : { ...rest, time_zone: timeZone };
}

export const changePasswordSchema = z.object({
  current_password: anyPassword,
  new_password: newPasswordField,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changeEmailSchema = z.object({ new_email: emailField, current_password: anyPassword });
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const deleteAccountSchema = z.object({ current_password: anyPassword });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

export const createTokenSchema = z.object({ name: nameField });
