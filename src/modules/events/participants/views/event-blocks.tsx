// The event page's blocks from the roster and what came after the event: links to the report, the
// roster, the networking page, the feedback form and one's certificate; the outcomes and
// recommendations; documents and presentations; photos; press coverage. Inserted in views-event.tsx.
import type { Child } from 'hono/jsx';
import { renderMarkdown } from '../../../../platform/markdown.ts';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { EventPageSummary } from '../event-page.ts';
import { photoUrl } from '../photos.ts';
import { DocumentLink, PhotoThumb } from './parts.tsx';

function TakingPart({ event, summary }: { event: EventDetails; summary: EventPageSummary }) {
  const { t } = usePage();
  const { may } = summary;
  const base = `/events/${event.slug}`;
  const links = [
    may.report && { href: `${base}/report`, label: t('participants.reportLink') },
    may.manage && { href: `${base}/roster`, label: t('participants.rosterLink') },
    may.networking && { href: `${base}/participants`, label: t('participants.networkingLink') },
    may.network && { href: `${base}/network`, label: t('participants.networkLink') },
    may.feedback && { href: `${base}/feedback`, label: t('participants.feedbackLink') },
    may.certificate && { href: `${base}/certificate`, label: t('participants.myCertificate') },
    may.manage && { href: `${base}/after`, label: t('participants.afterLink') },
  ].filter((l): l is { href: string; label: string } => !!l);
  if (links.length === 0) return null;
  return (
    <nav class="event-links no-print" aria-labelledby="taking-part-h">
      <h2 id="taking-part-h">{t('participants.takingPart')}</h2>
      <ul>
        {links.map((l) => (
          <li>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A block of the page under its own heading (an anchor to it where the page links there). */
function Block(props: { id: string; heading: string; anchor?: boolean; children: Child }) {
  return (
    <section id={props.anchor ? props.id : undefined} aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.heading}</h2>
      {props.children}
    </section>
  );
}

export function EventPageBlocks({ event, summary }: { event: EventDetails; summary?: EventPageSummary }) {
  const { t, fmt } = usePage();
  if (!summary) return null;
  const { outcomes } = summary;
  const markdown = (text: string) => (
    <div
      class="prose"
      lang={event.lang}
      // Markdown written by the organisers, rendered by marked and cleaned by sanitize-html.
      dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }}
    />
  );
  return (
    <>
      <TakingPart event={event} summary={summary} />
      {outcomes.outcomes.trim() && (
        <Block id="outcomes" heading={t('participants.outcomes')}>
          {markdown(outcomes.outcomes)}
        </Block>
      )}
      {outcomes.recommendations.trim() && (
        <Block id="recommendations" heading={t('participants.recommendations')}>
          {markdown(outcomes.recommendations)}
        </Block>
      )}
      {summary.documents.length > 0 && (
        <Block id="documents" anchor heading={t('participants.documentsHeading')}>
          <ul>
            {summary.documents.map((d) => (
              <li>
                <DocumentLink document={d} />
              </li>
            ))}
          </ul>
        </Block>
      )}
      {summary.photos.length > 0 && (
        <Block id="photos" anchor heading={t('participants.photosHeading')}>
          <ul class="plain photo-list">
            {summary.photos.map((p) => (
              <li>
                <figure>
                  <a href={photoUrl(event.slug, p)}>
                    <PhotoThumb slug={event.slug} photo={p} />
                  </a>
                  <figcaption class="hint">{p.caption}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </Block>
      )}
      {summary.clippings.length > 0 && (
        <Block id="press" anchor heading={t('participants.pressHeading')}>
          <ul>
            {summary.clippings.map((c) => (
              <li>
                <a href={`/press/${c.id}`} lang={c.translatedTitle ? undefined : c.lang}>
                  {c.translatedTitle ?? c.title}
                </a>{' '}
                <span class="muted">
                  {c.outlet}, <time datetime={c.published_on}>{fmt.date(`${c.published_on}T12:00:00Z`)}</time>
                </span>
              </li>
            ))}
          </ul>
        </Block>
      )}
    </>
  );
}
