// The emails of the account flows, written in the recipient's language, and the links they carry.
import type { User } from '../../db/schema.ts';
import { isLocale, type Locale } from '../../locales/index.ts';
import type { ActionContext } from '../../platform/actions.ts';
import { translator } from '../../platform/i18n.ts';
import type { MailMessage } from '../../platform/mail/outbox.ts';
import { siteName } from '../../platform/site/index.ts';

interface MailInput {
  to: string;
  locale: Locale;
  siteName: string;
  name: string;
}

/**
 * Who a mail about `user`'s account goes to (their address, or `to`), in their language: the one
 * they chose, else the one of the request.
 */
export function recipient(
  ctx: ActionContext,
  user: Pick<User, 'email' | 'name' | 'locale'>,
  to = user.email,
): MailInput {
  const { config } = ctx.deps;
  const locale = isLocale(user.locale)
    ? user.locale
    : isLocale(ctx.locale)
      ? ctx.locale
      : config.defaultLocale;
  return { to, locale, siteName: siteName(ctx.deps, locale), name: user.name };
}

/** An absolute link to a page of the hub, for a mail. */
export function linkTo(ctx: ActionContext, path: string): string {
  return `${ctx.deps.config.baseUrl}${path}`;
}

function compose(
  input: MailInput,
  subjectKey: Parameters<ReturnType<typeof translator>>[0],
  bodyKey: Parameters<ReturnType<typeof translator>>[0],
  link: string,
): MailMessage {
  const t = translator(input.locale);
  const values = { name: input.name, siteName: input.siteName, link };
  return {
    to: input.to,
    subject: t(subjectKey, values),
    text: `${t(bodyKey, values)}\n\n-- \n${input.siteName}\n`,
  };
}

export const accountMails = {
  verify: (input: MailInput, link: string) => compose(input, 'mail.verify.subject', 'mail.verify.body', link),
  alreadyRegistered: (input: MailInput, link: string) =>
    compose(input, 'mail.alreadyRegistered.subject', 'mail.alreadyRegistered.body', link),
  reset: (input: MailInput, link: string) => compose(input, 'mail.reset.subject', 'mail.reset.body', link),
  changeEmail: (input: MailInput, link: string) =>
    compose(input, 'mail.changeEmail.subject', 'mail.changeEmail.body', link),
  emailChangeNotice: (input: MailInput, link: string) =>
    compose(input, 'mail.emailChangeNotice.subject', 'mail.emailChangeNotice.body', link),
  signInLink: (input: MailInput, link: string) =>
    compose(input, 'mail.signInLink.subject', 'mail.signInLink.body', link),
  passwordChanged: (input: MailInput, link: string) =>
    compose(input, 'mail.passwordChanged.subject', 'mail.passwordChanged.body', link),
  twoFactorReset: (input: MailInput, link: string) =>
    compose(input, 'mail.twoFactorReset.subject', 'mail.twoFactorReset.body', link),
};
