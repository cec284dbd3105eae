// Pieces the participants' pages share: the event's title as the reader sees it, the way back to
// the event, a page's heading under which the event's title stands, a linked document and a
// photo's thumbnail.
import { Breadcrumb } from '../../../../ui/components/page-head.tsx';
import { usePage } from '../../../../ui/page-context.ts';
import { type EventDetails, translationFor } from '../../access.ts';
import type { LinkedDocument } from '../after.ts';
import { type Photo, photoUrl } from '../photos.ts';

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
    <Breadcrumb
      noPrint
      trail={[
        { href: '/events', label: t('events.title') },
        { href: `/events/${event.slug}`, label: title, lang },
      ]}
    />
  );
}

/** A page's heading with the event's title under it, in the title's language. */
export function EventHeading({ event, heading }: { event: EventDetails; heading: string }) {
  const { title, lang } = useEventTitle(event);
  return (
    <h1>
      {heading}{' '}
      <span class="subtitle" lang={lang}>
        {title}
      </span>
    </h1>
  );
}

/** A photo's thumbnail; its caption is its text alternative. */
export function PhotoThumb({ slug, photo }: { slug: string; photo: Photo }) {
  return (
    <img
      src={photoUrl(slug, photo, 'thumb')}
      alt={photo.caption}
      width={photo.thumbWidth}
      height={photo.thumbHeight}
      loading="lazy"
    />
  );
}

/** A linked library document, in its language, and what it is to the event. */
export function DocumentLink({ document }: { document: LinkedDocument }) {
  const { t } = usePage();
  return (
    <>
      <a href={`/library/${document.slug}`} lang={document.lang}>
        {document.title}
      </a>{' '}
      <span class="muted">({t(`participants.documentRole.${document.role}`)})</span>
    </>
  );
}
