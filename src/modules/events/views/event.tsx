// An event's page: what, when, where, who organises it, the description, registration, the agenda
// as a timetable (timetable.tsx), what the participants' pages add, and the report link.
import type { LoadedBlock } from '../../../platform/blocks.ts';
import { renderMarkdown } from '../../../platform/markdown.ts';
import type { Domain } from '../../../platform/vocabularies.ts';
import { DangerZone } from '../../../ui/components/danger-zone.tsx';
import { FollowButton } from '../../../ui/components/follow-button.tsx';
import { Breadcrumb } from '../../../ui/components/page-head.tsx';
import { ReportLink } from '../../../ui/components/report-link.tsx';
import { usePage } from '../../../ui/page-context.ts';
import { type EventDetails, translationFor } from '../access.ts';
import type { AgendaDay } from '../agenda.ts';
import { dateRange } from '../format.ts';
import { EventPageBlocks, type EventPageSummary } from '../participants/index.ts';
import { RegistrationBlock, type RegistrationBlockData } from '../registration/event-block.tsx';
import { Timetable, type TimeView } from './timetable.tsx';

export interface EventPermissions {
  edit: boolean;
  delete: boolean;
}

export function EventView(props: {
  event: EventDetails;
  agenda: AgendaDay[];
  /** Over (its last day is before the reader's today): the breadcrumb leads to the past events. */
  past: boolean;
  may: EventPermissions;
  view: TimeView;
  participation?: EventPageSummary;
  /** What other modules add to the page (the measures presented here). */
  blocks?: LoadedBlock[];
  registration?: RegistrationBlockData | null;
  /** Whether the reader follows the event (changes, cancellation, registration closing). */
  following?: boolean;
}) {
  const { t, fmt, locale } = usePage();
  const { event } = props;
  const tr = translationFor(event, locale);
  const title = tr?.title ?? event.title;
  const description = tr?.description ? tr.description : event.description;
  const organisations = event.organisations.filter((o) => o.published);
  const roles = ['organiser', 'partner', 'donor'] as const;
  const place = [
    event.venue?.published ? null : event.venue_name,
    event.address,
    event.city,
    event.country ? fmt.country(event.country) : null,
  ].filter(Boolean);
  return (
    <article class="wrap event">
      <Breadcrumb
        noPrint
        trail={[
          props.past
            ? { href: '/events?when=past', label: t('events.pastTitle') }
            : { href: '/events', label: t('events.title') },
        ]}
      />
      <div class="page-head">
        <h1 lang={tr ? locale : event.lang}>{title}</h1>
        {(props.may.edit || props.may.delete) && (
          <div class="actions no-print">
            {props.may.edit && (
              <>
                <a class="button secondary" href={`/events/${event.slug}/edit`}>
                  {t('events.edit')}
                </a>
                <a class="button secondary" href={`/events/${event.slug}/agenda`}>
                  {t('events.editAgenda')}
                </a>
              </>
            )}
          </div>
        )}
      </div>
      {tr && <p class="hint">{t('events.translated', { language: fmt.language(event.lang) })}</p>}
      {event.status === 'draft' && <p class="notice warning">{t('events.draftNotice')}</p>}
      {event.status === 'cancelled' && <p class="notice error">{t('events.cancelledNotice')}</p>}
      <dl class="facts">
        <dt>{t('events.when')}</dt>
        <dd>
          <time datetime={event.starts_on}>{dateRange(locale, event.starts_on, event.ends_on)}</time>
          {event.start_time && event.end_time && (
            <>
              {', '}
              {event.start_time}–{event.end_time} ({event.time_zone})
            </>
          )}
        </dd>
        <dt>{t('events.typeLabel')}</dt>
        <dd>
          {t(`events.type.${event.type}`)} · {t(`events.format.${event.format}`)}
        </dd>
        <dt>{t('events.statusLabel')}</dt>
        <dd>{t(`events.status.${event.status}`)}</dd>
        {(event.venue?.published || place.length > 0) && (
          <>
            <dt>{t('events.where')}</dt>
            <dd>
              {event.venue?.published && <a href={`/directory/${event.venue.slug}`}>{event.venue.name}</a>}
              {event.venue?.published && place.length > 0 && ', '}
              {place.join(', ')}
            </dd>
          </>
        )}
        {event.online_url && event.format !== 'in_person' && (
          <>
            <dt>{t('events.online')}</dt>
            <dd>
              <a href={event.online_url} rel="nofollow noopener">
                {event.online_url}
              </a>
            </dd>
          </>
        )}
        <dt>{t('events.timeZone')}</dt>
        <dd>{event.time_zone}</dd>
        {roles.map((role) => {
          const list = organisations.filter((o) => o.role === role);
          return (
            list.length > 0 && (
              <>
                <dt>{t(`events.orgRole.${role}`, { count: list.length })}</dt>
                <dd>
                  {list.map((o, i) => (
                    <>
                      {i > 0 && '; '}
                      <a href={`/directory/${o.slug}`}>{o.name}</a>
                    </>
                  ))}
                </dd>
              </>
            )
          );
        })}
        {event.domains.length > 0 && (
          <>
            <dt>{t('field.domain')}</dt>
            <dd>{event.domains.map((d) => t(`vocab.domain.${d as Domain}`)).join(', ')}</dd>
          </>
        )}
      </dl>
      <p class="no-print">
        <a href={`/events/${event.slug}.ics`}>{t('events.addToCalendar')}</a>
      </p>
      {event.status !== 'draft' && (
        <div class="no-print">
          <FollowButton target={{ type: 'event', key: String(event.id) }} following={!!props.following} />
        </div>
      )}
      {props.registration && <RegistrationBlock data={props.registration} event={event} />}
      {description && (
        <div
          class="prose"
          lang={tr?.description ? locale : event.lang}
          // Markdown rendered by marked and cleaned by sanitize-html (platform/markdown.ts).
          dangerouslySetInnerHTML={{ __html: renderMarkdown(description) }}
        />
      )}
      <Timetable agenda={props.agenda} event={event} view={props.view} />
      <EventPageBlocks event={event} summary={props.participation} />
      {props.blocks && props.blocks.length > 0 && (
        <div class="blocks">{props.blocks.map((b) => b.draw())}</div>
      )}
      {event.status !== 'draft' && <ReportLink type="event" recordKey={event.slug} />}
      {props.may.delete && (
        <div class="no-print">
          <DangerZone
            summary={t('events.deleteEvent')}
            action={`/events/${event.slug}/delete`}
            warning={t('events.deleteWarning', { title: event.title })}
            confirm={t('action.deleteForGood')}
          />
        </div>
      )}
    </article>
  );
}
