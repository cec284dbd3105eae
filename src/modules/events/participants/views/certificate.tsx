// Certificates of attendance: one A4 landscape sheet per participant, in the participant's name and
// the reader's language, printed through the platform's print document (ui/print.tsx: no site
// header or footer, the print stylesheet, the browser's "Save as PDF"). This file says what a
// certificate says: who took part, in which event, where and when, how many days.
import type { Context } from 'hono';
import type { AppEnv } from '../../../../platform/context.ts';
import { nowIso } from '../../../../platform/time.ts';
import { usePage } from '../../../../ui/page-context.ts';
import { renderPrintDocument } from '../../../../ui/print.tsx';
import type { EventDetails } from '../../access.ts';
import { dateRange } from '../../format.ts';
import { useEventTitle } from './parts.tsx';

export interface CertificateHolder {
  id: number;
  name: string;
  role: 'participant' | 'observer';
  daysPresent: number;
}

function Certificate(props: {
  event: EventDetails;
  holder: CertificateHolder;
  totalDays: number;
  checkinUsed: boolean;
}) {
  const { t, locale, fmt, siteName } = usePage();
  const { event, holder } = props;
  const { title, lang } = useEventTitle(event);
  const place = [event.city, event.country ? fmt.country(event.country) : null].filter(Boolean).join(', ');
  const organisers = event.organisations
    .filter((o) => o.role === 'organiser' && o.published)
    .map((o) => o.name);
  return (
    <section class="sheet certificate" aria-label={t('participants.certificateFor', { name: holder.name })}>
      <div class="frame">
        <p class="site">{siteName}</p>
        <h1>{t('participants.certificateHeading')}</h1>
        <p>{t('participants.certifies')}</p>
        <p class="name">{holder.name}</p>
        <p>{t(holder.role === 'observer' ? 'participants.tookPartObserver' : 'participants.tookPart')}</p>
        <p class="subject" lang={lang}>
          {title}
        </p>
        <p>
          {place
            ? t('participants.heldAt', { place, dates: dateRange(locale, event.starts_on, event.ends_on) })
            : dateRange(locale, event.starts_on, event.ends_on)}
        </p>
        {props.checkinUsed && (
          <p>{t('participants.presentDays', { days: holder.daysPresent, total: props.totalDays })}</p>
        )}
        {organisers.length > 0 && (
          <p class="small">
            {t('participants.organisedBy', { organisers: new Intl.ListFormat(locale).format(organisers) })}
          </p>
        )}
        <p class="small">{t('participants.issuedOn', { date: fmt.date(nowIso()) })}</p>
      </div>
    </section>
  );
}

/** One certificate or all of an event's, as a print document. */
export function renderCertificates(
  c: Context<AppEnv>,
  props: {
    event: EventDetails;
    holders: CertificateHolder[];
    totalDays: number;
    checkinUsed: boolean;
    back: string;
  },
): Promise<Response> {
  const { t } = c.var;
  const [only] = props.holders;
  return renderPrintDocument(c, {
    title:
      props.holders.length === 1 && only
        ? t('participants.certificateFor', { name: only.name })
        : t('participants.allCertificates'),
    back: { href: props.back, label: t('participants.backToEvent') },
    hint: t('participants.printHint'),
    children: props.holders.map((holder) => (
      <Certificate
        event={props.event}
        holder={holder}
        totalDays={props.totalDays}
        checkinUsed={props.checkinUsed}
      />
    )),
  });
}
