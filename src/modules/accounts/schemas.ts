// One schema per form; the API uses the same ones. Messages are locale keys (see forms.ts).
import { z } from 'zod';
import { isLocale, LOCALES } from '../../locales/index.ts';
import { isTimeZone } from '../../platform/time.ts';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const emailField = z
  .string()
  .trim()
  .min(1, 'form.required')
  .max(254, 'form.tooLong')
  .pipe(z.email('form.invalidEmail'));

export const nameField = z.string().trim().min(1, 'form.required').max(100, 'form.tooLong');

export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN, 'accounts.passwordTooShort')
  .max(PASSWORD_MAX, 'form.tooLong');

const anyPassword = z.string().min(1, 'form.required').max(PASSWORD_MAX, 'form.tooLong');

export const localeField = z.string().refine(isLocale, 'form.unknownLocale');
export const timeZoneField = z.string().max(64, 'form.tooLong').refine(isTimeZone, 'account.unknownTimeZone');

export const registerSchema = z.object({ name: nameField, email: emailField, password: newPasswordField });

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'form.required').max(254, 'form.tooLong'),
  password: anyPassword,
  next: z.string().max(2000).optional(),
});

export const forgotSchema = z.object({ email: emailField });
export const resendSchema = z.object({ email: emailField });

export const resetSchema = z.object({
  token: z.string().min(1).max(100),
  password: newPasswordField,
});

export const profileSchema = z.object({
  name: nameField,
  locale: z.union([z.literal(''), localeField]).transform((v) => (v === '' ? null : v)),
  time_zone: z.union([z.literal(''), timeZoneField]).transform((v) => (v === '' ? null : v)),
});

export const changePasswordSchema = z.object({
  current_password: anyPassword,
  new_password: newPasswordField,
});
export const changeEmailSchema = z.object({ new_email: emailField, current_password: anyPassword });
export const deleteAccountSchema = z.object({ current_password: anyPassword });
export const createTokenSchema = z.object({ name: nameField });

export const LOCALE_CHOICES = LOCALES;
