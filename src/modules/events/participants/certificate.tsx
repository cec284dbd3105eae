// Certificates of attendance as print-ready HTML: one A4 landscape page per participant, in the
// participant's name and the reader's language, without the site's header and footer. The reader's
// browser prints them to PDF ("Save as PDF") and shapes Lao, Khmer and Burmese with the system's
// fonts — the common PDF libraries do not shape these scripts, so the PDF is left to the browser.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Context } from 'hono';
import type { AppEnv } from '../../../platform/context.ts';
import { nowIso } from '../../../platform/time.ts';
import { PageCtx, usePage } from '../../../ui/page-context.ts';
import { pageContext } from '../../../ui/render.tsx';
import type { EventDetails } from '../access.ts';
import { dateRange } from '../format.ts';
import { useEventTitle } from './views-parts.tsx';

const CSS = fs.readFileSync(new URL('./certificate.css', import.meta.url));
/** The stylesheet's URL names its content, so it is cached for a year. */
export const CERTIFICATE_CSS_PATH = `/events/certificate.${createHash('sha256').update(CSS).digest('hex').slice(0, 10)}.css`;

export function certificateStylesheet(c: Context<AppEnv>) {
  c.header('Content-Type', 'text/css; charset=utf-8');
  c.header('Cache-Control', 'public, max-age=31536000, immutable');
  return c.body(new Uint8Array(CSS));
}

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
    <section class="certificate" aria-label={t('participants.certificateFor', { name: holder.name })}>
      <div class="frame">
        <p class="site">{siteName}</p>
        <h1>{t('participants.certificateHeading')}</h1>
        <p>{t('participants.certifies')}</p>
        <p class="name">{holder.name}</p>
        <p>{t(holder.role === 'observer' ? 'participants.tookPartObserver' : 'participants.tookPart')}</p>
        <p class="event-title" lang={lang}>
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

/** One certificate or all of an event's, as a document of its own (no layout around it). */
export async function renderCertificates(
  c: Context<AppEnv>,
  props: {
    event: EventDetails;
    holders: CertificateHolder[];
    totalDays: number;
    checkinUsed: boolean;
    back: string;
  },
): Promise<Response> {
  const ctx = pageContext(c);
  const { t, locale } = ctx;
  const title =
    props.holders.length === 1 && props.holders[0]
      ? t('participants.certificateFor', { name: props.holders[0].name })
      : t('participants.allCertificates');
  const document = (
    <PageCtx.Provider value={ctx}>
      <html lang={locale} dir="ltr">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <title>{`${title} · ${ctx.siteName}`}</title>
          <link rel="stylesheet" href={CERTIFICATE_CSS_PATH} />
        </head>
        <body>
          <main>
            <div class="screen-only">
              <p>
                <a href={props.back}>{t('participants.backToEvent')}</a>
              </p>
              <p>{t('participants.printHint')}</p>
            </div>
            {props.holders.map((holder) => (
              <Certificate
                event={props.event}
                holder={holder}
                totalDays={props.totalDays}
                checkinUsed={props.checkinUsed}
              />
            ))}
          </main>
        </body>
      </html>
    </PageCtx.Provider>
  );
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'Cookie, Accept-Language', { append: true });
  return c.html(`<!DOCTYPE html>${await document.toString()}`);
}
