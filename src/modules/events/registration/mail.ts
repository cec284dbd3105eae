// The mails of registration, written in the applicant's language (their account's, or the hub's
// default): a confirmation when an application arrives, each decision, a withdrawal, an
// invitation. Those for people who may come carry the event as an .ics file.
import type { Config } from '../../../config.ts';
import type { Locale } from '../../../locales/index.ts';
import { type MessageKey, translator } from '../../../platform/i18n.ts';
import type { MailMessage } from '../../../platform/mail/outbox.ts';
import type { EventRow } from '../access.ts';
import { eventCalendar } from '../calendars.ts';
import { dateRange } from '../format.ts';

export type RegistrationMail = 'submitted' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn';

/** A declined or withdrawn applicant will not come: their mail carries no calendar entry. */
const WITH_CALENDAR: ReadonlySet<RegistrationMail> = new Set(['submitted', 'accepted', 'waitlisted']);

const SUBJECT: Record<RegistrationMail, MessageKey> = {
  submitted: 'mail.registration.submitted.subject',
  accepted: 'mail.registration.accepted.subject',
  waitlisted: 'mail.registration.waitlisted.subject',
  declined: 'mail.registration.declined.subject',
  withdrawn: 'mail.registration.withdrawn.subject',
};
const BODY: Record<RegistrationMail, MessageKey> = {
  submitted: 'mail.registration.submitted.body',
  accepted: 'mail.registration.accepted.body',
  waitlisted: 'mail.registration.waitlisted.body',
  declined: 'mail.registration.declined.body',
  withdrawn: 'mail.registration.withdrawn.body',
};

export type MailEvent = EventRow & { venueName?: string | null };

/** The event as the mails show it: with its venue's name. */
export const mailEvent = (event: EventRow & { venue: { name: string } | null }): MailEvent => ({
  ...event,
  venueName: event.venue?.name ?? null,
});

function values(
  event: MailEvent,
  locale: Locale,
  config: Pick<Config, 'siteName'>,
  extra: Record<string, string>,
) {
  return {
    title: event.title,
    dates: dateRange(locale, event.starts_on, event.ends_on),
    siteName: config.siteName,
    ...extra,
  };
}

export function registrationMail(
  kind: RegistrationMail,
  input: {
    to: string;
    name: string;
    locale: Locale;
    event: MailEvent;
    config: Pick<Config, 'siteName' | 'baseUrl'>;
    /** The installation's UUID (siteUuid()), behind the attached event's UID. */
    site: string;
  },
): MailMessage {
  const t = translator(input.locale);
  const { event, config } = input;
  const link = `${config.baseUrl}/events/${event.slug}/application`;
  const v = values(event, input.locale, config, { name: input.name, link });
  return {
    to: input.to,
    subject: t(SUBJECT[kind], v),
    text: `${t(BODY[kind], v)}\n\n-- \n${config.siteName}\n`,
    attachments: WITH_CALENDAR.has(kind)
      ? [
          {
            filename: `${event.slug}.ics`,
            contentType: 'text/calendar; charset=utf-8',
            content: eventCalendar(event, { baseUrl: config.baseUrl, uuid: input.site }),
          },
        ]
      : undefined,
  };
}

/** To an address put on an invitation-only event's list: where to apply. */
export function invitationMail(input: {
  to: string;
  locale: Locale;
  event: MailEvent;
  config: Pick<Config, 'siteName' | 'baseUrl'>;
}): MailMessage {
  const t = translator(input.locale);
  const link = `${input.config.baseUrl}/events/${input.event.slug}/apply`;
  const v = values(input.event, input.locale, input.config, { link, email: input.to });
  return {
    to: input.to,
    subject: t('mail.registration.invited.subject', v),
    text: `${t('mail.registration.invited.body', v)}\n\n-- \n${input.config.siteName}\n`,
  };
}
