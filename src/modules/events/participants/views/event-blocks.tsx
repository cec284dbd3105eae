// The event page's blocks from the roster and what came after the event: links to the report, the
// roster, the networking page, the feedback form and one's certificate; the outcomes and
// recommendations; documents and presentations; photos; press coverage. Inserted in views-event.tsx.
import { renderMarkdown } from '../../../../platform/markdown.ts';
import { usePage } from '../../../../ui/page-context.ts';
import type { EventDetails } from '../../access.ts';
import type { EventPageSummary } from '../event-page.ts';
import { photoUrl } from '../photos.ts';

function TakingPart({ event, summary }: { event: EventDetails; summary: EventPageSummary }) {
  const { t } = usePage();
  const { may } = summary;
  const base = `/events/${event.slug}`;
  const links = [
    may.report && { href: `${base}/report`, label: t('participants.reportLink') },
    may.manage && { href: `${base}/roster`, label: t('participants.rosterLink') },
    may.networking && { href: `${base}/participants`, label: t('participants.networkingLink') },
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
        <section aria-labelledby="outcomes-h">
          <h2 id="outcomes-h">{t('participants.outcomes')}</h2>
          {markdown(outcomes.outcomes)}
        </section>
      )}
      {outcomes.recommendations.trim() && (
        <section aria-labelledby="recommendations-h">
          <h2 id="recommendations-h">{t('participants.recommendations')}</h2>
          {markdown(outcomes.recommendations)}
        </section>
      )}
      {summary.documents.length > 0 && (
        <section id="documents" aria-labelledby="documents-h">
          <h2 id="documents-h">{t('participants.documentsHeading')}</h2>
          <ul>
            {summary.documents.map((d) => (
              <li>
                <a href={`/library/${d.slug}`} lang={d.lang}>
                  {d.title}
                </a>{' '}
                <span class="muted">({t(`participants.documentRole.${d.role}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.photos.length > 0 && (
        <section id="photos" aria-labelledby="photos-h">
          <h2 id="photos-h">{t('participants.photosHeading')}</h2>
          <ul class="plain photo-list">
            {summary.photos.map((p) => (
              <li>
                <figure>
                  <a href={photoUrl(event.slug, p)}>
                    <img
                      src={photoUrl(event.slug, p, 'thumb')}
                      alt={p.caption}
                      width={p.thumbWidth}
                      height={p.thumbHeight}
                      loading="lazy"
                    />
                  </a>
                  <figcaption class="hint">{p.caption}</figcaption>
                </figure>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.clippings.length > 0 && (
        <section id="press" aria-labelledby="press-h">
          <h2 id="press-h">{t('participants.pressHeading')}</h2>
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
        </section>
      )}
    </>
  );
}
