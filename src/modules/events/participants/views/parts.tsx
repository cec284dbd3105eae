// Pieces the participants' pages share: the event's title as the reader sees it, and the way back
// to the event.
import { usePage } from '../../../../ui/page-context.ts';
import { type EventDetails, translationFor } from '../../access.ts';

/** The event's title as the reader sees it (their translation when there is one), with its language. */
export function useEventTitle(event: EventDetails): { title: string; lang: string } {
  const { locale } = usePage();
  const tr = translationFor(event, locale);
  return tr ? { title: tr.title, lang: locale } : { title: event.title, lang: event.lang };
}

export function EventCrumbs({ event }: { event: EventDetails }) {
  const { t } = usePage();
  const { title, lang } = useEventTitle(event);
  return (
    <p class="breadcrumb no-print">
      <a href="/events">{t('events.title')}</a>
      {' › '}
      <a href={`/events/${event.slug}`} lang={lang}>
        {title}
      </a>
    </p>
  );
}
